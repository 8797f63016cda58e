"""Whatever a visitor puts in the address, the site answers with a page, never a server error:
bad filters are a 400 that says what is wrong, missing things a 404."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.helpers import soup, url

LIST_PAGES = [
    "home",
    "concepts:list",
    "cases:list",
    "cases:actors",
    "sources:list",
    "sources:people",
    "tags:list",
]
PARAMS = ["tag", "region", "period", "type", "year", "author", "page"]
DETAIL_PREFIXES = ["concepts", "cases", "cases/actors", "sources", "people", "tags"]
FUZZ = hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,  # no example database left in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Values a person or a bot might send: real-looking ones, numbers, junk and any text at all.
values = st.one_of(
    st.sampled_from(
        ["", "0", "-1", "1", "2", "1978", "99999999999999999999", "1e3", "1.5", " 1", "٣"]
        + ["security", "europe", "cold-war", "robert-jervis", "article-journal", "global"]
        + ["\x00", "security\x00", "' OR 1=1 --", "%", "\\"]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20),
)
params = st.dictionaries(
    st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=20)),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)),
    max_size=4,
)


def assert_readable(response, where):
    """A page a person can read: HTML with a heading, or a redirect."""
    assert response.status_code < 500, f"{where} gave {response.status_code}"
    if response.status_code in (301, 302):
        return
    assert response.status_code in (200, 400, 404), f"{where} gave {response.status_code}"
    assert "text/html" in response["Content-Type"], where
    assert soup(response).find("h1") is not None, f"{where}: no heading"


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("name", LIST_PAGES)
def test_any_query_on_a_list_page_gets_a_readable_answer(client, sample, name, lang):
    path = url(name, lang)

    @FUZZ
    @given(query=params)
    def check(query):
        assert_readable(client.get(path, query), f"{path} {query!r}")

    check()


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_any_path_segment_for_a_detail_page_gets_a_readable_answer(client, sample, lang):
    segments = st.one_of(
        st.sampled_from(["security-dilemma\x00", "jervis1978\x00", "JERVIS1978", "..", "%2e"]),
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_characters="/?#"),
            min_size=1,
            max_size=80,
        ),
    )

    @FUZZ
    @given(prefix=st.sampled_from(DETAIL_PREFIXES), segment=segments)
    def check(prefix, segment):
        response = client.get(f"/{lang}/{prefix}/{segment}/", follow=True)
        assert_readable(response, f"{prefix}/{segment!r}")
        assert response.status_code in (200, 404), f"{prefix}/{segment!r}"

    check()


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("cases:list", {"region": "atlantis"}),
        ("cases:list", {"period": "bronze-age"}),
        ("cases:list", {"tag": "no-such-tag"}),
        ("sources:list", {"type": "scroll"}),
        ("sources:list", {"year": "soon"}),
        ("sources:list", {"author": "nobody"}),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_problem(client, sample, name, query):
    response = client.get(url(name, "en"), query)
    assert response.status_code == 400
    (field,) = query
    errors = response.context["form"].errors[field]
    page_text = soup(response).get_text(" ")
    assert errors and all(error in page_text for error in errors), "say which filter is wrong"


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("concepts:list", {"page": "999"}),
        ("cases:list", {"page": "two"}),
        ("sources:list", {"page": "0"}),
        ("cases:actors", {"page": "-1"}),
        # On the concept list a tag is a topic link, so a missing one is a missing page.
        ("concepts:list", {"tag": "no-such-tag"}),
    ],
)
def test_a_page_or_topic_that_does_not_exist_is_a_404(client, sample, name, query):
    assert client.get(url(name, "en"), query).status_code == 404


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("concepts:list", {"tag": "security"}),
        ("cases:list", {"region": "global", "tag": "security"}),
        ("sources:list", {"year": "1978", "author": "robert-jervis", "type": "article-journal"}),
        ("sources:list", {"utm_source": "newsletter"}),
    ],
)
def test_good_filters_and_unknown_parameters_still_work(client, sample, name, query):
    assert client.get(url(name, "en"), query).status_code == 200
