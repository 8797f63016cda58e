"""The citation lookup page (/<lang>/citations/?q=…): any way a reader might name a work finds
it, in either language, with its reference in the reader's style, its exports and every place
the site cites it with the pinpoint; drafts stay hidden and no query can break the page."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from concepts.models import Definition
from sources.cite.engine import format_reference
from sources.cite.styles import STYLE_COOKIE
from sources.models import CreatorRole, Person, Source, SourceCreator
from tests.cite.metadata_world import add_works
from tests.helpers import soup, url

LANGS = ["en", "zh-hant"]


@pytest.fixture
def works(sample):
    return add_works(sample)


def look_up(client, query, lang="en", **params):
    return client.get(url("sources:lookup", lang), {"q": query, **params})


def found(response) -> list[str]:
    """Citation keys of the results, in order."""
    assert response.status_code == 200
    return [h2["id"].removeprefix("result-") for h2 in soup(response).select(".lookup-results h2")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Jervis", ["jervis1978"]),
        ("jervis robert", ["jervis1978"]),
        ("傑維斯", ["jervis1978"]),  # the usual Chinese rendering of a foreign name
        ("盧業中", ["lu2015"]),  # a name in its own script, written without a space
        ("Lu Yeh-chung", ["lu2015"]),
        ("閻學通", ["yan2014"]),
        ("Snyder Diesing", ["snyder1977"]),
        ("Snyder and Diesing 1977", ["snyder1977"]),
        ("Rothstein", ["snyder1991"]),  # editors are creators too
    ],
)
def test_finds_works_by_author_in_either_script(works, visitor, lang, query, expected):
    assert found(look_up(visitor, query, lang)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cooperation security", ["jervis1978"]),
        ("security dilemma", ["herz1950", "jervis1978", "snyder1984"]),
        ("Alliance Politics", ["snyder1984"]),
        ("同盟關係", ["lu2015"]),  # Chinese title words, no spaces
        ("Japan South Korea", ["lu2015"]),  # words of the translated title
        ("韜光養晦", ["yan2014"]),
        ("keeping a low profile", ["yan2014"]),
    ],
)
def test_finds_works_by_title_words_in_either_language(works, visitor, query, expected):
    assert found(look_up(visitor, query)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("1950", ["herz1950"]),
        ("Jervis 1978", ["jervis1978"]),
        ("Jervis (1978)", ["jervis1978"]),
        ("Jervis, 1978a", ["jervis1978"]),
        ("傑維斯1978", ["jervis1978"]),
        ("Snyder 1984", ["snyder1984"]),
        ("Jervis 1979", []),
    ],
)
def test_finds_works_by_year_and_by_author_and_year(works, visitor, query, expected):
    assert found(look_up(visitor, query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        "10.2307/2009958",
        "https://doi.org/10.2307/2009958",
        "http://dx.doi.org/10.2307/2009958",
        "doi:10.2307/2009958",
        "DOI: 10.2307/2009958",
        "HTTPS://DOI.ORG/10.2307/2009958",
        "  10.2307/2009958  ",
    ],
)
def test_finds_a_work_by_its_doi_however_it_is_written(works, visitor, query):
    assert found(look_up(visitor, query)) == ["jervis1978"]


@pytest.mark.parametrize(
    "query",
    ["978-0-691-05652-4", "9780691056524", "0-691-05652-8", "0691056528", "ISBN 0-691-05652-8"],
)
def test_finds_a_book_by_its_isbn_10_or_13_with_or_without_hyphens(works, visitor, query):
    assert found(look_up(visitor, query)) == ["snyder1977"]


@pytest.mark.parametrize("query", ["jervis1978", "JERVIS1978"])
def test_finds_a_work_by_its_citation_key(works, visitor, query):
    assert found(look_up(visitor, query)) == ["jervis1978"]


def test_an_identifier_that_matches_nothing_finds_nothing(works, visitor):
    assert found(look_up(visitor, "10.1000/nothing-here")) == []
    assert found(look_up(visitor, "978-0-306-40615-7")) == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_result_shows_its_reference_in_the_readers_style_and_its_exports(
    works, visitor, lang
):
    visitor.cookies[STYLE_COOKIE] = "modern-language-association"
    response = look_up(visitor, "jervis1978", lang)
    reference = soup(response).find(id="ref-jervis1978")
    expected = format_reference(works.article, "modern-language-association", lang)
    assert " ".join(reference.get_text().split()) == " ".join(expected.text.split())
    button = soup(response).find("button", attrs={"data-copy-target": "ref-jervis1978"})
    assert button["type"] == "button" and button.has_attr("hidden")
    exports = [a["href"] for a in soup(response).select(".lookup-results .exports a")]
    assert exports == [url("sources:export", lang, "jervis1978", fmt) for fmt in
                       ("bibtex", "ris", "csljson")]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_each_result_lists_where_the_site_cites_it_with_pinpoints(works, visitor, lang):
    items = [
        " ".join(li.get_text().split())
        for li in soup(look_up(visitor, "Jervis 1978", lang)).select(".lookup-results li li")
    ]
    assert len(items) == 2
    definition, event = sorted(items, key=lambda text: "p. 170" in text)
    assert definition.startswith("Jervis 1978, p. 169:")
    assert "Security dilemma" in definition or "安全困境" in definition
    assert definition.endswith(" 1)")  # definition 1
    assert event.startswith("Jervis 1978, p. 170:")
    assert "1962" in event
    links = [a["href"] for a in soup(look_up(visitor, "Jervis 1978", lang)).select("li li a")]
    assert f"{url('concepts:detail', lang, 'security-dilemma')}#definition-" in links[0]
    assert f"{url('cases:detail', lang, 'cuban-missile-crisis')}#event-" in links[1]


def test_source_pages_list_the_same_places_with_pinpoints(works, visitor):
    page = soup(visitor.get(url("sources:detail", "en", "jervis1978")))
    items = [" ".join(li.get_text().split()) for li in page.select("ul.citations li")]
    assert items == [
        "Jervis 1978, p. 169: cited in Definition in “Security dilemma” (definition 1)",
        "Jervis 1978, p. 170: cited in Timeline of “Cuban Missile Crisis” (event Oct. 22, 1962)",
    ]


def test_citations_on_draft_pages_are_hidden_from_visitors_but_shown_to_editors(
    sample, works, client, django_user_model
):
    Definition.objects.create(concept=sample.draft_concept, text_en="Secret.", source=works.book)
    visitor_items = soup(look_up(client, "snyder1977")).select(".lookup-results li li")
    assert visitor_items == []
    assert "Draft concept" not in look_up(client, "snyder1977").content.decode()
    user = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-Editor-1")
    client.force_login(user)
    editor_items = soup(look_up(client, "snyder1977")).select(".lookup-results li li")
    assert len(editor_items) == 1
    assert "Draft concept" in editor_items[0].get_text()
    assert editor_items[0].select_one(".fallback")  # marked as a draft


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_query_shows_the_form_and_examples_that_work(works, visitor, lang):
    waltz = Person.objects.create(
        slug="kenneth-waltz",
        family_name="Waltz",
        given_name="Kenneth",
        name_zh_hant="肯尼斯·華爾茲",
    )
    theory = Source.objects.create(citation_key="waltz1979", item_type="book", title="Theory")
    SourceCreator.objects.create(source=theory, person=waltz)
    response = visitor.get(url("sources:lookup", lang))
    page = soup(response)
    assert response.status_code == 200
    assert len(page.find_all("h1")) == 1
    assert page.select_one("form[role=search] input[name=q][type=search]")
    assert not page.select(".lookup-results")
    examples = page.select("#lookup-hint a")
    assert len(examples) >= 4
    for example in examples:
        assert found(visitor.get(example["href"])), example["href"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_result_says_so_clearly(works, visitor, lang):
    response = look_up(visitor, "Morgenthau 1948", lang)
    assert found(response) == []
    message = soup(response).select_one("main [role=status]")
    assert "Morgenthau 1948" in message.get_text()


@pytest.mark.parametrize(
    "query", ["%", "_", "%%", "__", "'", '"', "\\", "\\%", "' OR 1=1 --", "%' --", "*", "?"]
)
def test_wildcards_quotes_and_backslashes_match_literally_not_everything(works, visitor, query):
    assert found(look_up(visitor, query)) == []


@pytest.mark.parametrize(
    "query", ["x" * 201, "Jervis " * 80, " ".join("abcdefghijklmn")], ids=["long", "500", "words"]
)
def test_queries_too_long_to_be_a_citation_are_refused_with_a_message(works, visitor, query):
    response = look_up(visitor, query)
    assert response.status_code == 400
    assert soup(response).select_one("[role=alert] li").get_text().strip()
    assert not soup(response).select(".lookup-results")


def test_a_nul_byte_is_a_bad_request_not_a_server_error(works, visitor):
    assert look_up(visitor, "Jervis\x00").status_code == 400


@given(
    query=st.text(max_size=250)
    | st.sampled_from(["10.2307/", "doi:", "978-", "ISBN", "傑維斯1978", "1978a", "0" * 13])
)
@hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_any_query_gets_a_page_never_a_server_error(works, visitor, query):
    response = look_up(visitor, query)
    assert response.status_code in (200, 400)
    assert len(soup(response).find_all("h1")) == 1


def test_many_results_are_paginated(works, visitor):
    for n in range(23):
        source = Source.objects.create(
            citation_key=f"waltz{n:03d}", item_type="book", title=f"Realism {n}", year=1979
        )
        SourceCreator.objects.create(source=source, person=works.book.authors[1].person)
    assert len(found(look_up(visitor, "Diesing"))) == 10
    assert len(found(look_up(visitor, "Diesing", page=3))) == 4
    assert look_up(visitor, "Diesing", page=4).status_code == 404
    next_link = soup(look_up(visitor, "Diesing")).select_one("a[rel=next]")["href"]
    assert "q=Diesing" in next_link and "page=2" in next_link


def test_a_page_of_results_takes_a_fixed_number_of_queries(
    works, visitor, django_assert_num_queries
):
    """One COUNT for the paginator, one for the page of sources (the search is one WHERE with
    EXISTS subqueries), one each for their creators, tags and citations, and one per kind of
    citing record (definition, event, analysis) for the pages citing them: 8, however many
    results and citations there are."""
    for source in Source.objects.all():
        SourceCreator.objects.get_or_create(
            source=source, person=works.book.authors[1].person, role=CreatorRole.EDITOR
        )
    look_up(visitor, "Diesing")  # warms the ContentType cache, as any earlier request does
    with django_assert_num_queries(8):
        response = look_up(visitor, "Diesing")
    assert len(found(response)) == Source.objects.count()
