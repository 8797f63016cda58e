"""The search page and the box on every page: results with their type, a highlighted snippet,
filters and pagination that keep each other, clear errors, and suggestions as you type."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from concepts.models import Concept
from sources.content import Status
from tests.helpers import soup, url


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("page", ["home", "concepts:list", "sources:list", "sources:search"])
def test_every_page_has_a_labelled_search_box(visitor, sample, page, lang):
    html = soup(visitor.get(url(page, lang)))
    box = html.find("header").find("form", role="search")
    assert box["action"] == url("sources:search", lang) and box["method"] == "get"
    field = box.find("input", attrs={"name": "q"})
    assert html.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert field["data-suggest"] == url("sources:search_suggest", lang)


def test_results_show_type_title_and_a_highlighted_snippet(visitor, sample):
    response = visitor.get(url("sources:search", "en"), {"q": "cold war rivalry"})
    assert response.status_code == 200
    first = soup(response).select("ol.search-results > li")[0]
    assert first.select_one(".result-type").get_text(strip=True) == "Case"
    link = first.find("h2").find("a")
    assert link["href"] == "/en/cases/cold-war/" and link.get_text() == "Cold War"
    assert link.find("mark").get_text() == "Cold"
    assert first.select_one(".snippet mark").get_text() == "rivalry"


def test_a_simplified_query_marks_the_traditional_text(visitor, sample):
    response = visitor.get(url("sources:search", "zh-hant"), {"q": "冷战"})
    first = soup(response).select("ol.search-results > li")[0]
    assert first.find("h2").find("mark").get_text() == "冷戰"


def test_filters_narrow_the_results(visitor, sample):
    search = url("sources:search", "en")
    everything = soup(visitor.get(search, {"q": "dilemma"})).select("ol.search-results h2 a")
    sources = soup(visitor.get(search, {"q": "dilemma", "type": "source"}))
    assert {a["href"].split("/")[2] for a in everything} == {"concepts", "sources"}
    assert {a["href"].split("/")[2] for a in sources.select("ol.search-results h2 a")} == {
        "sources"
    }
    tagged = soup(visitor.get(search, {"q": "dilemma", "tag": "alliances"}))
    assert [a["href"] for a in tagged.select("ol.search-results h2 a")] == [
        "/en/concepts/alliance-dilemma/"
    ]
    cold_war = soup(visitor.get(search, {"q": "war", "period": "1945-1991"}))
    hrefs = [a["href"] for a in cold_war.select("ol.search-results h2 a")]
    assert "/en/cases/cold-war/" in hrefs and all("/concepts/" not in h for h in hrefs)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "war", "type": "poem"}, "There is no type of page called “poem”."),
        ({"q": "war", "tag": "no-such-tag"}, "There is no tag “no-such-tag”."),
        ({"q": "war", "period": "1800s"}, "There is no period “1800s”."),
        ({"q": "戰" * 201}, "That search is too long: use at most 200 characters (it has 201)."),
    ],
)
def test_bad_values_are_a_400_that_says_what_is_wrong(visitor, sample, params, message):
    response = visitor.get(url("sources:search", "en"), params)
    assert response.status_code == 400
    alert = soup(response).find(role="alert")
    assert message in alert.get_text()


def test_pagination_keeps_the_query_and_the_filters(visitor, sample):
    Concept.objects.bulk_create(
        Concept(slug=f"t{n}", name_en=f"Topic {n}", name_zh_hant=f"主題{n}", status="published")
        for n in range(25)
    )
    # bulk_create bypasses saving: the rebuild command indexes them.
    call_command("rebuild_search_index", stdout=StringIO())
    search = url("sources:search", "en")
    first = visitor.get(search, {"q": "topic", "type": "concept"})
    html = soup(first)
    assert "25 results" in html.find(role="status").get_text()
    assert len(html.select("ol.search-results > li")) == 20
    next_page = html.find("a", rel="next")["href"]
    assert "q=topic" in next_page and "type=concept" in next_page and "page=2" in next_page
    second = soup(visitor.get(search + next_page))
    assert len(second.select("ol.search-results > li")) == 5
    assert second.find("ol", class_="search-results")["start"] == "21"
    assert visitor.get(search + next_page.replace("page=2", "page=3")).status_code == 404


def test_nothing_found_says_so_and_suggests_what_to_try(visitor, sample):
    response = visitor.get(url("sources:search", "en"), {"q": "qwxzv"})
    assert response.status_code == 200
    assert "Nothing matches “qwxzv”." in soup(response).find(role="status").get_text()


def test_the_empty_page_offers_example_searches(visitor, sample):
    html = soup(visitor.get(url("sources:search", "zh-hant")))
    examples = [a["href"] for a in html.select(".search-examples a")]
    assert "/zh-hant/search/?q=%E5%90%8C%E7%9B%9F" in examples


def test_a_corrected_query_says_what_was_searched(visitor, sample):
    html = soup(visitor.get(url("sources:search", "en"), {"q": "securty dilema"}))
    assert "showing results for “security dilemma”" in html.get_text()
    assert html.select("ol.search-results h2 a")[0]["href"] == "/en/concepts/security-dilemma/"


def test_drafts_are_not_shown_to_visitors(visitor, sample):
    html = visitor.get(url("sources:search", "en"), {"q": "draft"}).content.decode()
    assert "secret-draft" not in html and "draft-case" not in html


def test_drafts_are_shown_to_editors_and_marked(editor, sample):
    html = soup(editor.get(url("sources:search", "en"), {"q": "draft concept"}))
    first = html.select("ol.search-results > li")[0]
    assert first.find("a")["href"] == "/en/concepts/secret-draft/"
    assert first.select_one(".draft-label")


def test_the_results_page_takes_a_fixed_number_of_queries(
    visitor, sample, django_assert_num_queries
):
    """Five queries, however many results: the tags for the filter; documents with every
    word in a title or name; with every word anywhere; with some of the words (as fewer than
    ten have them all); and the texts of the page shown, for snippets. Nothing per result, and
    no session for a visitor."""
    search = url("sources:search", "en")
    visitor.get(search, {"q": "security dilemma"})  # warms the vocabulary
    with django_assert_num_queries(5):
        response = visitor.get(search, {"q": "security dilemma"})
    assert len(soup(response).select("ol.search-results > li")) >= 3


def test_suggestions_offer_titles_as_you_type(visitor, sample, django_assert_num_queries):
    """One query: titles and names beginning with the words typed so far."""
    with django_assert_num_queries(1):
        response = visitor.get(reverse("sources:search_suggest"), {"q": "secu"})
    data = response.json()
    assert data["suggestions"][0] == {
        "type": "concept",
        "label": "Concept",
        "title": "Security dilemma",
        "url": "/en/concepts/security-dilemma/",
    }
    chinese = visitor.get(url("sources:search_suggest", "zh-hant"), {"q": "冷"}).json()
    assert chinese["suggestions"][0]["title"] == "冷戰"


@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"',
        '"unbalanced',
        "%",
        "_",
        "%%__%%",
        "\\",
        "\\'; DROP TABLE sources_source; --",
        "security & ! dilemma | (",
        "sec:* & !a <-> b",
        'NEAR("a" "b") OR title:x AND {body}: *',
        "<script>alert(1)</script>",
        "*",
        "",
        "   ",
        "\u202e\u200b",
        "🙂",
        "a" * 200,
        "戰" * 200,
    ],
)
def test_hostile_queries_get_a_page_never_an_error(visitor, sample, query):
    for name in ("sources:search", "sources:search_suggest"):
        response = visitor.get(url(name, "en"), {"q": query})
        assert response.status_code == 200, (name, query)
    html = visitor.get(url("sources:search", "en"), {"q": query}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_wildcards_are_not_wildcards(visitor, sample):
    for query in ("%", "_", "*", "%%", "_%_"):
        html = soup(visitor.get(url("sources:search", "en"), {"q": query}))
        assert not html.select("ol.search-results > li"), query


def test_markup_in_indexed_text_is_shown_as_text(visitor, sample):
    sample.alliance_dilemma.name_en = "<b>Bold</b> alliance <script>alert(2)</script>"
    sample.alliance_dilemma.save()
    html = visitor.get(url("sources:search", "en"), {"q": "bold alliance"}).content.decode()
    assert "<script>alert(2)</script>" not in html
    assert "&lt;b&gt;<mark>Bold</mark>&lt;/b&gt;" in html


def test_drafts_never_appear_in_suggestions_for_visitors(visitor, sample):
    data = visitor.get(url("sources:search_suggest", "en"), {"q": "draft"}).json()
    assert not data["suggestions"]
    assert Concept.objects.filter(slug="secret-draft", status=Status.DRAFT).exists()
