"""Paging through lists, and the one error shape a client meets for every 4xx and 5xx."""

import pytest
from django.test import Client

from tests.api.helpers import body, make_concept


def error_of(response, status) -> dict:
    assert response.status_code == status
    error = body(response)["error"]
    assert error["status"] == status
    assert error["message"]
    return error


def test_pages_link_to_each_other_and_cover_the_list_once(visitor, sample):
    for n in range(5):
        make_concept(f"extra-{n}")
    seen, url, pages = [], "/api/v1/concepts/?page_size=3", 0
    while url:
        data = body(visitor.get(url))
        assert data["count"] == 7
        assert data["page_size"] == 3
        seen += [c["slug"] for c in data["results"]]
        pages += 1
        url = data["next"] and data["next"].removeprefix("http://testserver")
    assert pages == 3
    assert seen == sorted(seen) and len(set(seen)) == 7
    last = body(visitor.get("/api/v1/concepts/?page_size=3&page=3"))
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/concepts/?page_size=3&page=2"


def test_an_empty_list_has_one_empty_page(visitor, db):
    data = body(visitor.get("/api/v1/concepts/"))
    assert (data["count"], data["results"], data["next"]) == (0, [], None)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=two", "page"),
        ("page=1.5", "page"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=lots", "page_size"),
    ],
)
def test_bad_page_or_page_size_is_a_400_naming_the_parameter(visitor, sample, query, parameter):
    error = error_of(visitor.get(f"/api/v1/sources/?{query}"), 400)
    assert error["code"] == "invalid_parameter"
    assert [d["parameter"] for d in error["details"]] == [parameter]


def test_a_page_past_the_last_is_a_404(visitor, sample):
    error = error_of(visitor.get("/api/v1/sources/?page=3&page_size=2"), 404)
    assert error["code"] == "page_not_found"
    assert "2" in error["message"]  # the last page


@pytest.mark.parametrize(
    "path", ["/api/v2/concepts/", "/api/v1/nothing/", "/api/v1/concepts/a/b/", "/api/x"]
)
def test_unknown_addresses_under_api_are_json_404s(visitor, db, path):
    assert error_of(visitor.get(path), 404)["code"] == "not_found"


def test_unknown_detail_is_a_json_404(visitor, sample):
    error = error_of(visitor.get("/api/v1/persons/nobody/"), 404)
    assert error["code"] == "not_found"


def test_an_address_without_its_final_slash_is_redirected(visitor, sample):
    response = visitor.get("/api/v1/concepts?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/concepts/?page=1"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(method, db):
    # A client that sends no CSRF token, as programs do.
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/v1/concepts/")
    error = error_of(response, 405)
    assert error["code"] == "method_not_allowed"
    assert response["Allow"] == "GET"


def test_a_nul_byte_is_a_json_400(visitor, db):
    error = error_of(visitor.get("/api/v1/concepts/", {"page": "1\x00"}), 400)
    assert error["code"] == "bad_request"


def test_a_server_error_is_json_too(visitor, sample, monkeypatch):
    from config.api import serialisers

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(serialisers, "tag_summary", broken)
    visitor.raise_request_exception = False
    error = error_of(visitor.get("/api/v1/tags/"), 500)
    assert error["code"] == "server_error"
    assert "boom" not in error["message"]


def test_the_site_outside_the_api_keeps_its_html_errors(visitor, db):
    response = visitor.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
