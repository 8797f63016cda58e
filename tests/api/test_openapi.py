"""The OpenAPI document: valid OpenAPI 3.1, served at stable addresses, and true of every
response the API gives, errors included."""

import pytest
from openapi_spec_validator import validate

from sources.periods import Period
from sources.search import registry
from tests.api.helpers import assert_conforms, body, openapi_document

# Every operation, with an address that answers 200 on the sample (templated path, address).
ENDPOINTS = [
    ("/api/", "/api/"),
    ("/api/v1/", "/api/v1/"),
    ("/api/v1/concepts/", "/api/v1/concepts/"),
    ("/api/v1/concepts/{slug}/", "/api/v1/concepts/security-dilemma/"),
    ("/api/v1/cases/", "/api/v1/cases/"),
    ("/api/v1/cases/{slug}/", "/api/v1/cases/cold-war/"),
    ("/api/v1/cases/{slug}/", "/api/v1/cases/cuban-missile-crisis/"),
    ("/api/v1/sources/", "/api/v1/sources/"),
    ("/api/v1/sources/{citation_key}/", "/api/v1/sources/jervis1978/"),
    ("/api/v1/persons/", "/api/v1/persons/"),
    ("/api/v1/persons/{slug}/", "/api/v1/persons/robert-jervis/"),
    ("/api/v1/tags/", "/api/v1/tags/"),
    ("/api/v1/tags/{slug}/", "/api/v1/tags/security/"),
    ("/api/v1/actors/", "/api/v1/actors/"),
    ("/api/v1/actors/{slug}/", "/api/v1/actors/united-states/"),
    ("/api/search", "/api/search?q=security"),
    ("/api/v1/search", "/api/v1/search?q=安全&lang=en&type=concept"),
    ("/api/v1/dump.json", "/api/v1/dump.json"),
]


def test_document_is_valid_openapi_3_1(openapi):
    validate(openapi)
    assert openapi["openapi"].startswith("3.1.")
    assert openapi["info"]["title"] == "IR Atlas API"


def test_document_is_served_at_both_stable_addresses(visitor):
    latest = visitor.get("/api/openapi.json")
    v1 = visitor.get("/api/v1/openapi.json")
    assert latest.status_code == v1.status_code == 200
    assert body(latest) == body(v1)


def test_document_describes_every_endpoint_and_only_get(openapi):
    documented = set(openapi["paths"])
    assert documented == {template for template, _address in ENDPOINTS}
    for path, operations in openapi["paths"].items():
        assert set(operations) == {"get"}, path


@pytest.mark.parametrize(("template", "address"), ENDPOINTS)
def test_every_endpoint_answers_as_documented(visitor, sample, openapi, template, address):
    response = visitor.get(address)
    assert response.status_code == 200
    assert_conforms(openapi, template, response)


@pytest.mark.parametrize(
    ("template", "address", "status"),
    [
        ("/api/v1/concepts/{slug}/", "/api/v1/concepts/no-such-concept/", 404),
        ("/api/v1/sources/{citation_key}/", "/api/v1/sources/nobody2000/", 404),
        ("/api/v1/cases/", "/api/v1/cases/?page=7", 404),
        ("/api/v1/cases/", "/api/v1/cases/?page=first", 400),
        ("/api/v1/persons/", "/api/v1/persons/?page_size=0", 400),
        ("/api/search", "/api/search", 400),
        ("/api/search", "/api/search?q=x&period=stone-age", 400),
    ],
)
def test_errors_answer_as_documented(visitor, sample, openapi, template, address, status):
    response = visitor.get(address)
    assert response.status_code == status
    data = assert_conforms(openapi, template, response)
    assert data["error"]["status"] == status


def test_search_types_and_periods_are_those_the_site_has(openapi):
    """The search filters are enums in the document: they must name what the site can filter."""
    parameters = {
        p["name"]: p["schema"] for p in openapi["paths"]["/api/search"]["get"]["parameters"]
    }

    def enum(schema):
        return {v for option in schema["anyOf"] for v in option.get("enum", ())}

    assert enum(parameters["type"]) == {kind.key for kind in registry.kinds()}
    assert enum(parameters["period"]) == set(Period.values)


def test_document_needs_no_database(client):
    """Clients fetch the document first and often; it is built from code alone (without the
    db fixture, any query would raise)."""
    assert openapi_document(client)["paths"]
