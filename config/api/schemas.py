"""The shapes of the API's JSON. The views validate every response against these models and the
OpenAPI document is generated from them, so the document cannot drift from what is served;
`extra="forbid"` makes a serialiser that adds an undocumented key fail loudly instead.

Texts written in both languages are objects {"en": …, "zh-Hant": …} ("" where a language is
missing); enumerations are the models' own choices, so a new choice appears here by itself.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from cases.dates import Precision
from cases.models import ActorKind, ActorRole, AnalysisKind, Region
from concepts.models import RelationKind
from sources.models import CreatorRole, ItemType, Language, LocatorLabel, NameOrder


def choice(choices) -> Any:
    """The values of a TextChoices class as a Literal type (an enum in the OpenAPI document)."""
    return Literal[tuple(choices.values)]


# Strings rather than datetimes, so that the dump (which skips pydantic) writes them alike.
Url = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
Timestamp = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
IsoDate = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
LocatorType = choice(LocatorLabel)


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(Out):
    """A text in English and Traditional Chinese; "" where it is not written in a language."""

    en: str
    zh_hant: str = Field(alias="zh-Hant")


class HtmlUrls(Out):
    """The canonical, absolute URLs of an object's page on the site, in each language."""

    en: Url
    zh_hant: Url = Field(alias="zh-Hant")


# References: enough to name an object and follow it, wherever another object points to it.


class TagRef(Out):
    id: int
    slug: str
    name: Text
    api_url: Url
    html_url: HtmlUrls


class PersonRef(Out):
    id: int
    slug: str
    name: Text = Field(
        description="en: the romanised name; zh-Hant: the name in its own script or the usual "
        "Chinese rendering, else the romanised name."
    )
    api_url: Url
    html_url: HtmlUrls


class SourceRef(Out):
    id: int
    citation_key: str
    title: str
    year: int | None
    api_url: Url
    html_url: HtmlUrls


class ConceptRef(Out):
    id: int
    slug: str
    name: Text
    api_url: Url
    html_url: HtmlUrls


class CaseRef(Out):
    id: int
    slug: str
    title: Text
    api_url: Url
    html_url: HtmlUrls


class ActorRef(Out):
    id: int
    slug: str
    kind: choice(ActorKind)
    name: Text
    api_url: Url
    html_url: HtmlUrls


class PageRef(Out):
    """The concept or case page on which something appears."""

    type: Literal["concept", "case"]
    id: int
    slug: str
    name: Text
    api_url: Url
    html_url: HtmlUrls


# Tags, people and sources.


class TagCounts(Out):
    concepts: int
    cases: int
    sources: int


class TagSummary(Out):
    id: int
    slug: str
    name: Text
    counts: TagCounts = Field(description="Published concepts and cases, and sources, tagged.")
    api_url: Url
    html_url: HtmlUrls


class TagDetail(TagSummary):
    concepts: list[ConceptRef]
    cases: list[CaseRef]
    sources: list[SourceRef]


class PersonSummary(Out):
    id: int
    slug: str
    name: Text
    family_name: str
    given_name: str
    family_name_original: str
    given_name_original: str
    name_order: choice(NameOrder)
    orcid: str
    wikidata: str
    note: Text
    api_url: Url
    html_url: HtmlUrls


class Work(Out):
    source: SourceRef
    role: choice(CreatorRole)


class AttributedDefinition(Out):
    id: int
    concept: ConceptRef
    html_url: HtmlUrls


class PersonDetail(PersonSummary):
    works: list[Work]
    definitions: list[AttributedDefinition]
    actors: list[ActorRef]


class Creator(Out):
    person: PersonRef
    role: choice(CreatorRole)
    position: int


class SourceSummary(Out):
    id: int
    citation_key: str
    item_type: choice(ItemType)
    title: str
    translated_title: str
    original_title: str
    year: int | None
    language: choice(Language)
    creators: list[Creator]
    tags: list[TagRef]
    csl: dict[str, Any] = Field(
        description="The source as a CSL-JSON item (id = citation key), as reference managers "
        "read it; fields CSL lacks are in `custom`."
    )
    updated: Timestamp
    api_url: Url
    html_url: HtmlUrls


class CitingPlace(Out):
    """The record that cites: a page's body, or a definition, event or analysis on a page."""

    type: Literal["concept", "case", "definition", "event", "analysis"]
    id: int
    page: PageRef
    html_url: HtmlUrls


class CitationOut(Out):
    id: int
    source: SourceRef
    locator_label: LocatorType
    locator: str = Field(description='The pinpoint ("169", "12–14"); "" for none.')
    field: str = Field(
        description='"source" for the cited source of a definition, event or analysis; '
        'otherwise the text column whose Markdown cites it ("body_en", "text_zh_hant").'
    )
    cited_in: CitingPlace


class SourceDetail(SourceSummary):
    cited_in: list[CitationOut] = Field(description="Every published place citing the source.")


# Concepts, cases and actors.


class AltTermOut(Out):
    lang: Literal["en", "zh-Hant"]
    term: str


class FamilyOut(Out):
    id: int
    name: Text
    position: int


class DefinitionOut(Out):
    id: int
    family_id: int | None
    position: int
    text: Text
    source: SourceRef | None
    locator_label: LocatorType
    locator: str
    people: list[PersonRef] = Field(description="The people the definition is attributed to.")
    html_url: HtmlUrls


class RelationOut(Out):
    kind: choice(RelationKind)
    direction: Literal["outgoing", "incoming"] = Field(
        description="outgoing: this concept <kind> the other; incoming: the other <kind> this."
    )
    concept: ConceptRef
    note: Text


class AnalysisOut(Out):
    """How a case illustrates or challenges a concept."""

    id: int
    kind: choice(AnalysisKind)
    case: CaseRef
    concept: ConceptRef
    text: Text
    source: SourceRef | None
    locator_label: LocatorType
    locator: str
    html_url: HtmlUrls


class ConceptSummary(Out):
    id: int
    slug: str
    name: Text
    summary: Text
    tags: list[TagRef]
    created: Timestamp
    updated: Timestamp
    api_url: Url
    html_url: HtmlUrls


class ConceptDetail(ConceptSummary):
    body: Text = Field(description="Markdown with Pandoc citations ([@jervis1978, p. 169]).")
    alt_terms: list[AltTermOut]
    definition_families: list[FamilyOut]
    definitions: list[DefinitionOut]
    related: list[RelationOut]
    analyses: list[AnalysisOut] = Field(
        description="The published cases that illustrate or challenge the concept."
    )


class DateOut(Out):
    """A date known to a year, a month or a day. Years before the Common Era are negative
    (-431 is 431 BCE, there is no year 0) and have no `date`."""

    year: int
    date: IsoDate | None = Field(description="Meaningful only up to `precision`.")
    precision: choice(Precision)


class CaseActorOut(Out):
    actor: ActorRef
    role: choice(ActorRole)
    position: int


class EventOut(Out):
    id: int
    date: DateOut
    title: Text
    description: Text
    source: SourceRef | None
    locator_label: LocatorType
    locator: str
    html_url: HtmlUrls


class CaseSummary(Out):
    id: int
    slug: str
    title: Text
    summary: Text
    start: DateOut | None
    end: DateOut | None
    region: choice(Region) | Literal[""]
    parent: CaseRef | None
    tags: list[TagRef]
    created: Timestamp
    updated: Timestamp
    api_url: Url
    html_url: HtmlUrls


class CaseDetail(CaseSummary):
    body: Text = Field(description="Markdown with Pandoc citations ([@jervis1978, p. 169]).")
    actors: list[CaseActorOut]
    events: list[EventOut]
    analyses: list[AnalysisOut]
    children: list[CaseRef]


class ActorSummary(Out):
    id: int
    slug: str
    kind: choice(ActorKind)
    name: Text
    person: PersonRef | None
    api_url: Url
    html_url: HtmlUrls


class ActorCase(Out):
    case: CaseRef
    role: choice(ActorRole)


class ActorDetail(ActorSummary):
    cases: list[ActorCase]
