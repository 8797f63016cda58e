"""The API is public: drafts never appear, not in lists, not in details, not through a relation
of published content, not in search, not in the dump; and not for editors either."""

import json

import pytest

from tests.api.helpers import body

LISTS = [
    "/api/v1/concepts/",
    "/api/v1/cases/",
    "/api/v1/sources/",
    "/api/v1/persons/",
    "/api/v1/tags/",
    "/api/v1/actors/",
]
DETAILS = [
    "/api/v1/concepts/security-dilemma/",
    "/api/v1/concepts/alliance-dilemma/",
    "/api/v1/cases/cold-war/",
    "/api/v1/cases/cuban-missile-crisis/",
    "/api/v1/cases/orphan-case/",
    "/api/v1/sources/herz1950/",
    "/api/v1/sources/lu2015/",
    "/api/v1/sources/snyder1984/",
    "/api/v1/persons/john-h-herz/",
    "/api/v1/tags/security/",
    "/api/v1/actors/united-states/",
]


def assert_no_draft(text: str, draft_strings):
    for word in draft_strings:
        assert word not in text, word


@pytest.mark.parametrize("path", LISTS + DETAILS)
def test_no_draft_reaches_a_list_or_a_detail(visitor, drafts, draft_strings, path):
    response = visitor.get(path + ("?page_size=100" if path in LISTS else ""))
    assert response.status_code == 200
    assert_no_draft(response.content.decode(), draft_strings)


@pytest.mark.parametrize("path", ["/api/v1/concepts/secret-draft/", "/api/v1/cases/draft-case/"])
def test_a_drafts_address_is_a_json_404_even_for_editors(editor, drafts, path):
    response = editor.get(path)
    assert response.status_code == 404
    assert body(response)["error"] == {
        "status": 404,
        "code": "not_found",
        "message": body(response)["error"]["message"],
    }
    assert "secret" not in response.content.decode().lower()


def test_relations_to_drafts_are_left_out(visitor, drafts):
    orphan = body(visitor.get("/api/v1/cases/orphan-case/"))
    assert orphan["parent"] is None
    alliance = body(visitor.get("/api/v1/concepts/alliance-dilemma/"))
    assert alliance["analyses"] == []
    cuba = body(visitor.get("/api/v1/cases/cuban-missile-crisis/"))
    assert cuba["analyses"] == []
    herz = body(visitor.get("/api/v1/persons/john-h-herz/"))
    assert herz["definitions"] == []
    # Herz 1950 is cited only by a draft's definition and a draft case's analysis.
    assert body(visitor.get("/api/v1/sources/herz1950/"))["cited_in"] == []


def test_tag_counts_leave_drafts_out(visitor, drafts):
    tag = body(visitor.get("/api/v1/tags/security/"))
    assert tag["counts"] == {"concepts": 1, "cases": 1, "sources": 1}


@pytest.mark.parametrize("q", ["草稿", "Draft concept", "secret", "Orphan"])
def test_search_finds_no_draft_even_for_editors(editor, drafts, draft_strings, q):
    response = editor.get("/api/search", {"q": q, "lang": "en"})
    assert response.status_code == 200
    results = json.dumps(body(response)["results"], ensure_ascii=False)
    assert_no_draft(results, draft_strings)


def test_published_pages_are_found_by_search_next_to_drafts(visitor, drafts):
    """The search above finds nothing because drafts are left out, not because it is broken."""
    found = body(visitor.get("/api/search", {"q": "Orphan", "lang": "en"}))
    assert [r["url"] for r in found["results"]] == ["http://testserver/en/cases/orphan-case/"]


def test_dump_holds_no_draft(visitor, drafts, draft_strings):
    response = visitor.get("/api/v1/dump.json")
    text = b"".join(response.streaming_content).decode()
    assert_no_draft(text, draft_strings)
    assert "orphan-case" in text
