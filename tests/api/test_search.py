"""GET /api/search: the search page's results, in its order, as JSON."""

import pytest

from tests.api.helpers import body
from tests.helpers import soup

PAGE = {"en": "/en/search/", "zh-Hant": "/zh-hant/search/"}


def page_results(client, lang, **params) -> list[str]:
    """The result links of the search page, in order, as absolute URLs."""
    html = soup(client.get(PAGE[lang], params))
    return [f"http://testserver{a['href']}" for a in html.select(".search-results h2 a")]


def api_results(client, **params) -> list[str]:
    response = client.get("/api/search", params)
    assert response.status_code == 200
    return [r["url"] for r in body(response)["results"]]


@pytest.mark.parametrize(
    ("q", "lang"),
    [
        ("security dilemma", "en"),
        ("安全", "zh-Hant"),
        ("安全两难", "zh-Hant"),  # Simplified, and an alternative term
        ("冷战", "en"),
        ("Jervis 1978", "en"),
        ("10.2307/2009958", "zh-Hant"),
        ("securty dilema", "en"),  # typos
        ("同盟", "zh-Hant"),
    ],
)
def test_api_gives_the_search_pages_results_in_its_order(visitor, sample, q, lang):
    expected = page_results(visitor, lang, q=q)
    assert expected, "the query should find something"
    assert api_results(visitor, q=q, lang=lang) == expected


def test_filters_work_as_on_the_search_page(visitor, sample):
    for params in ({"type": "source"}, {"tag": "security"}, {"period": "1945-1991"}):
        expected = page_results(visitor, "en", q="security", **params)
        assert api_results(visitor, q="security", lang="en", **params) == expected
    assert api_results(visitor, q="security", lang="en", type="person") == []


def test_a_result_has_type_title_url_and_snippet(visitor, sample):
    data = body(visitor.get("/api/search", {"q": "安全困境", "lang": "zh-Hant"}))
    first = data["results"][0]
    assert first["type"] == "concept"
    assert first["label"]  # the type as the site names it
    assert first["title"] == "安全困境"
    assert first["title_lang"] == "zh-Hant"
    assert first["url"] == "http://testserver/zh-hant/concepts/security-dilemma/"
    assert "<" not in first["snippet"]
    assert data["query"] == "安全困境"
    assert data["count"] >= 1


def test_a_doi_puts_its_source_first_and_says_so(visitor, sample):
    data = body(visitor.get("/api/search", {"q": "https://doi.org/10.2307/2009958"}))
    first = data["results"][0]
    assert first["url"].endswith("/sources/jervis1978/")
    assert first["identified"] is True


def test_versioned_and_unversioned_addresses_agree(visitor, sample):
    params = {"q": "dilemma", "lang": "en"}
    assert body(visitor.get("/api/search", params)) == body(visitor.get("/api/v1/search", params))


def test_search_pages_through_results(visitor, sample):
    first = body(visitor.get("/api/search", {"q": "security", "lang": "en", "page_size": 2}))
    assert len(first["results"]) == 2 and first["count"] > 2
    second = body(visitor.get(first["next"].removeprefix("http://testserver")))
    assert second["page"] == 2
    assert not {r["url"] for r in first["results"]} & {r["url"] for r in second["results"]}
    everything = api_results(visitor, q="security", lang="en", page_size=100)
    assert everything[:4] == [r["url"] for r in first["results"] + second["results"]]


@pytest.mark.parametrize(
    "q",
    ['"', "%", "_", "\\", "' OR 1=1 --", "<script>alert(1)</script>", "a" * 200, "安" * 200],
)
def test_hostile_queries_get_results_or_nothing_never_an_error(visitor, sample, q):
    response = visitor.get("/api/search", {"q": q})
    assert response.status_code == 200
    assert isinstance(body(response)["results"], list)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": "x" * 5000}, "q"),
        ({"q": "x", "type": "planet"}, "type"),
        ({"q": "x", "period": "jurassic"}, "period"),
        ({"q": "x", "lang": "fr"}, "lang"),
        ({"q": "x", "tag": "no such tag!"}, "tag"),
        ({"q": "x", "page_size": "500"}, "page_size"),
    ],
)
def test_bad_search_parameters_are_400s_naming_them(visitor, sample, params, parameter):
    response = visitor.get("/api/search", params)
    assert response.status_code == 400
    assert [d["parameter"] for d in body(response)["error"]["details"]] == [parameter]


def test_empty_query_finds_nothing_rather_than_everything(visitor, sample):
    data = body(visitor.get("/api/search", {"q": "  "}))
    assert (data["count"], data["results"]) == (0, [])


def test_a_page_past_the_results_is_a_404(visitor, sample):
    response = visitor.get("/api/search", {"q": "security", "page": 99})
    assert response.status_code == 404
    assert body(response)["error"]["code"] == "page_not_found"


def test_search_takes_a_fixed_number_of_queries(visitor, sample, django_assert_max_num_queries):
    """The service fetches candidates and the page's snippets in a few queries; the API adds
    none of its own."""
    with django_assert_max_num_queries(6):
        visitor.get("/api/search", {"q": "security", "page_size": 100})
