"""The API's answers that are not resources themselves: search results, errors, the index and
the full dump. Like config.api.schemas, the responses are validated against these and the
OpenAPI document is generated from them."""

from typing import Literal

from pydantic import Field

from config.api.schemas import (
    ActorSummary,
    CaseDetail,
    CitationOut,
    ConceptDetail,
    Out,
    PersonSummary,
    SourceSummary,
    TagSummary,
    Timestamp,
    Url,
    choice,
)
from sources.periods import Period

# Search.

SearchType = Literal["concept", "case", "source", "person"]
SearchPeriod = choice(Period)
SearchLang = Literal["en", "zh-Hant"]


class SearchHit(Out):
    type: SearchType
    label: str = Field(description="The type as the site names it, in the requested language.")
    title: str
    title_lang: SearchLang
    subtitle: str
    url: Url = Field(description="The page, in the requested language.")
    snippet: str = Field(description="A passage of the page's text around what matched.")
    snippet_html: str = Field(description="The snippet as HTML, matches in <mark>.")
    snippet_lang: SearchLang
    score: float
    identified: bool = Field(description="The query names this source (DOI, ISBN, key…).")


class SearchPage(Out):
    query: str
    corrected: str = Field(description="The query as searched, misspellings corrected.")
    lang: SearchLang
    count: int
    page: int
    page_size: int
    next: Url | None
    previous: Url | None
    results: list[SearchHit]


# Errors and indexes.


class ParamError(Out):
    parameter: str
    message: str


class ErrorBody(Out):
    status: int
    code: str = Field(description="not_found, bad_request, invalid_parameter, invalid_page, …")
    message: str
    details: list[ParamError] | None = None


class ErrorOut(Out):
    error: ErrorBody


class ApiIndex(Out):
    version: str
    openapi: Url
    dump: Url
    search: Url
    concepts: Url
    cases: Url
    sources: Url
    persons: Url
    tags: Url
    actors: Url


class Licence(Out):
    name: str
    url: str
    note: str


class DumpCounts(Out):
    tags: int
    persons: int
    sources: int
    concepts: int
    cases: int
    actors: int
    citations: int


class Dump(Out):
    """The whole public knowledge base in one document (see docs/api.md)."""

    format: Literal["ir-atlas-dump"]
    format_version: str
    api_version: str
    generated: Timestamp
    site: Url
    licence: Licence
    tags: list[TagSummary]
    persons: list[PersonSummary]
    sources: list[SourceSummary]
    concepts: list[ConceptDetail]
    cases: list[CaseDetail]
    actors: list[ActorSummary]
    citations: list[CitationOut]
    counts: DumpCounts
