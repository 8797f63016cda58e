"""The public sources list and source pages."""

import pytest

from cases.models import Analysis, Case, Event
from concepts.models import Concept, Definition
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator
from tests.helpers import soup as page
from tests.helpers import url

LANGS = ["en", "zh-hant"]


def listed_keys(response):
    """Citation keys of the references on a list page, in order."""
    links = page(response).select("ol.references a[href*='/sources/']")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


def make_sources(n, author, *, prefix="extra", **fields):
    for i in range(n):
        source = Source.objects.create(
            citation_key=f"{prefix}{i:03d}",
            item_type=fields.get("item_type", "book"),
            title=f"Extra book {i}",
            year=fields.get("year", 1990),
        )
        SourceCreator.objects.create(source=source, person=author, role=CreatorRole.AUTHOR)


@pytest.mark.parametrize("lang", LANGS)
def test_list_shows_every_source_by_first_author_then_year(sample, visitor, lang):
    response = visitor.get(url("sources:list", lang))
    assert response.status_code == 200
    assert listed_keys(response) == ["herz1950", "jervis1978", "lu2015", "snyder1984"]
    assert len(page(response).find_all("h1")) == 1


def test_list_orders_an_authors_works_by_year(sample, visitor):
    later = Source.objects.create(
        citation_key="jervis1997", item_type="book", title="System Effects", year=1997
    )
    SourceCreator.objects.create(source=later, person=sample.jervis)
    earlier = Source.objects.create(
        citation_key="jervis1976", item_type="book", title="Perception", year=1976
    )
    SourceCreator.objects.create(source=earlier, person=sample.jervis)
    keys = listed_keys(visitor.get(url("sources:list", "en")))
    assert keys.index("jervis1976") < keys.index("jervis1978") < keys.index("jervis1997")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=report", ["lu2015"]),
        ("year=1978", ["jervis1978"]),
        ("author=lu-yeh-chung", ["lu2015"]),
        ("type=article-journal&author=robert-jervis", ["jervis1978"]),
        ("type=article-journal&year=2015", []),
        ("type=&year=&author=", ["herz1950", "jervis1978", "lu2015", "snyder1984"]),
    ],
)
def test_filters_narrow_the_list(sample, visitor, lang, query, expected):
    response = visitor.get(f"{url('sources:list', lang)}?{query}")
    assert response.status_code == 200
    assert listed_keys(response) == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=novel", "novel"),
        ("year=nineteen-78", "1978"),
        ("author=nobody-at-all", "nobody-at-all"),
    ],
)
def test_bad_filter_values_are_a_clear_400(sample, visitor, lang, query, message):
    response = visitor.get(f"{url('sources:list', lang)}?{query}")
    assert response.status_code == 400
    alert = page(response).find(role="alert")
    assert alert is not None and message in alert.get_text()
    assert not listed_keys(response)


def test_filter_form_offers_years_present_and_only_people_with_works(sample, visitor):
    Person.objects.create(slug="no-works", family_name="Nobody", given_name="Anne")
    form = page(visitor.get(url("sources:list", "en"))).find("form", class_="filters")
    assert form["method"] == "get"
    years = [o["value"] for o in form.find("select", attrs={"name": "year"}).find_all("option")]
    assert years == ["", "2015", "1984", "1978", "1950"]
    authors = [
        o["value"] for o in form.find("select", attrs={"name": "author"}).find_all("option")
    ]
    assert "robert-jervis" in authors and "no-works" not in authors
    types = [o["value"] for o in form.find("select", attrs={"name": "type"}).find_all("option")]
    assert "article-journal" in types and "book" in types


def test_author_filter_is_labelled_in_original_script_in_chinese(sample, visitor):
    form = page(visitor.get(url("sources:list", "zh-hant"))).find("form", class_="filters")
    option = form.find("option", attrs={"value": "lu-yeh-chung"})
    assert option.get_text() == "盧業中"


@pytest.mark.parametrize("lang", LANGS)
def test_pagination_keeps_the_filters(sample, visitor, lang):
    make_sources(35, sample.jervis)
    base = url("sources:list", lang)
    first = visitor.get(f"{base}?author=robert-jervis&type=book")
    assert len(listed_keys(first)) == 30
    next_link = page(first).find("a", rel="next")["href"]
    assert "author=robert-jervis" in next_link and "type=book" in next_link
    second = visitor.get(f"{base}{next_link}" if next_link.startswith("?") else next_link)
    assert listed_keys(second) == [f"extra{i:03d}" for i in range(30, 35)]
    previous = page(second).find("a", rel="prev")["href"]
    assert "author=robert-jervis" in previous and "type=book" in previous


def test_a_page_past_the_end_is_404(sample, visitor):
    assert visitor.get(f"{url('sources:list', 'en')}?page=9").status_code == 404
    assert visitor.get(f"{url('sources:list', 'en')}?page=x").status_code == 404


def test_list_query_count_does_not_grow_with_sources(sample, visitor, django_assert_num_queries):
    """Years and authors for the selects, a count, the page and one prefetch of creators:
    five queries however many sources and authors there are."""
    list_url = url("sources:list", "en")
    with django_assert_num_queries(5):
        visitor.get(list_url)
    for i in range(12):
        person = Person.objects.create(slug=f"author-{i}", family_name=f"Author{i}")
        make_sources(2, person, prefix=f"p{i}-", year=1960 + i)
    with django_assert_num_queries(5):
        response = visitor.get(list_url)
    assert len(listed_keys(response)) == 28


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_shows_the_record_and_doi_link(sample, visitor, lang):
    response = visitor.get(url("sources:detail", lang, "jervis1978"))
    assert response.status_code == 200
    html = page(response)
    assert html.h1.get_text() == "Cooperation under the Security Dilemma"
    assert len(html.find_all("h1")) == 1
    record = html.find("dl", class_="record")
    assert record.find("a", href="https://doi.org/10.2307/2009958")
    assert record.find("a", href=url("sources:person", lang, "robert-jervis"))
    assert "World Politics" in record.get_text()
    # Only filled fields are shown: jervis1978 has no ISBN or JSTOR id.
    terms = [dt.get_text() for dt in record.find_all("dt")]
    assert "ISBN" not in terms and "JSTOR" not in terms


@pytest.mark.parametrize("lang", LANGS)
def test_source_page_lists_where_it_is_cited_with_pinpoints(sample, visitor, lang):
    html = page(visitor.get(url("sources:detail", lang, "jervis1978")))
    items = html.find("ul", class_="citations").find_all("li")
    by_href = {li.a["href"].split("#")[0]: li.get_text() for li in items}
    concept_url = url("concepts:detail", lang, "security-dilemma")
    case_url = url("cases:detail", lang, "cuban-missile-crisis")
    assert set(by_href) == {concept_url, case_url}
    assert "p. 169" in by_href[concept_url]
    assert "p. 170" in by_href[case_url]


def test_source_page_shows_isbn_jstor_and_handle_links(sample, visitor):
    source = Source(
        citation_key="waltz1979",
        item_type="book",
        title="Theory of International Politics",
        isbn="0-07-554852-6",
        jstor_id="j.ctt1",
        handle="2027/mdp.39015",
        year=1979,
    )
    source.full_clean()
    source.save()
    html = page(visitor.get(url("sources:detail", "en", "waltz1979")))
    record = html.find("dl", class_="record")
    assert "978-0-07-554852-2" in record.get_text()
    assert record.find("a", href="https://www.jstor.org/stable/j.ctt1")
    assert record.find("a", href="https://hdl.handle.net/2027/mdp.39015")
    assert html.find("i", string="Theory of International Politics")


def test_uncited_source_says_so(sample, visitor):
    html = page(visitor.get(url("sources:detail", "en", "herz1950")))
    assert html.find("ul", class_="citations") is None
    assert "No page cites this source yet." in html.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_missing_source_is_404(sample, visitor, lang):
    assert visitor.get(url("sources:detail", lang, "nobody2099")).status_code == 404


def test_upper_case_key_redirects_to_the_lower_case_page(sample, visitor):
    response = visitor.get(url("sources:detail", "en", "Jervis1978"))
    assert response.status_code == 301
    assert response["Location"] == url("sources:detail", "en", "jervis1978")


def _drafts_citing(sample):
    """Draft pages that cite published sources: visitors must not be led to them."""
    Definition.objects.create(
        concept=sample.draft_concept, text_en="Secret.", source=sample.jervis1978, locator="999"
    )
    Event.objects.create(
        case=sample.draft_case,
        date="1999-01-01",
        title_en="Hidden event",
        source=sample.jervis1978,
        locator="998",
    )
    Analysis.objects.create(
        case=sample.cold_war,
        concept=sample.draft_concept,
        text_en="Hidden analysis.",
        source=sample.jervis1978,
        locator="997",
    )


@pytest.mark.parametrize("lang", LANGS)
def test_citations_from_draft_pages_are_hidden_from_visitors(sample, visitor, lang):
    _drafts_citing(sample)
    text = page(visitor.get(url("sources:detail", lang, "jervis1978"))).find(
        "ul", class_="citations"
    )
    assert "p. 169" in text.get_text()
    for hidden in ("999", "998", "997"):
        assert hidden not in text.get_text()
    assert not text.find("a", href=lambda h: "draft-case" in h or "secret-draft" in h)


def test_editors_see_citations_from_drafts_marked_as_drafts(sample, editor):
    _drafts_citing(sample)
    items = page(editor.get(url("sources:detail", "en", "jervis1978"))).select("ul.citations li")
    assert len(items) == 5
    assert sum("draft" in li.get_text() for li in items) == 3


def test_detail_query_count_does_not_grow_with_citations(
    sample, visitor, django_assert_num_queries
):
    """Source, creators, tags, citations, then one query per citing model (definitions with
    their concept, events with their case): six queries however often the source is cited."""
    detail_url = url("sources:detail", "en", "jervis1978")
    with django_assert_num_queries(6):
        visitor.get(detail_url)
    for i in range(5):
        concept = Concept.objects.create(
            slug=f"concept-{i}", name_zh_hant=f"概念{i}", name_en=f"C{i}", status=Status.PUBLISHED
        )
        Definition.objects.create(
            concept=concept, text_en="More.", source=sample.jervis1978, locator=str(i)
        )
        case = Case.objects.create(
            slug=f"case-{i}", title_zh_hant=f"案例{i}", title_en=f"K{i}", status=Status.PUBLISHED
        )
        Event.objects.create(
            case=case, date="1970-01-01", title_en="E", source=sample.jervis1978, locator=str(i)
        )
    with django_assert_num_queries(6):
        response = visitor.get(detail_url)
    assert len(page(response).select("ul.citations li")) == 12
