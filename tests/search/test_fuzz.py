"""Any text at all, typed or pasted, is answered: never an exception from either database's
full-text syntax, never a draft for a visitor."""

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from sources.search.service import search, suggest

FUZZ = hypothesis_settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# Characters the full-text query languages treat specially, mixed with ordinary text.
SYNTAX = list("\"'\\%_*:&|!()<>-+^{}[]~@#$;,.\x00\u3000「」“”") + [
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "<->",
    ":*",
    "title:",
    "{body}",
    "安全",
    "dilemma",
]
queries = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SYNTAX), max_size=12).map(" ".join),
    st.lists(st.sampled_from(SYNTAX), max_size=12).map("".join),
)


@FUZZ
@given(query=queries)
def test_any_query_is_answered_with_published_pages_only(sample, query):
    found = search(query, lang="en")
    assert all(result.published for result in found.results)
    assert all(r.published for r in suggest(query, "zh-hant"))
