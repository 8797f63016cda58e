"""Reading the API as a client program does: JSON, checked against the OpenAPI document."""

import json

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from concepts.models import Concept
from sources.content import Status

OPENAPI_URL = "/api/openapi.json"


def openapi_document(client) -> dict:
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    return response.json()


def body(response) -> dict:
    """The JSON of a response, plain or streamed, after checking that it is JSON."""
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return json.loads(content)


def response_schema(document: dict, path: str, status: int) -> dict:
    """The schema that `path` (as templated in the document) promises for `status`."""
    responses = document["paths"][path]["get"]["responses"]
    return responses[str(status)]["content"]["application/json"]["schema"]


def assert_conforms(document: dict, path: str, response) -> dict:
    """The response's JSON, after checking it against what the document promises for its path
    and status (every error included); returns the JSON."""
    data = body(response)
    schema = response_schema(document, path, response.status_code)
    errors = list(schema_validator(document, schema).iter_errors(data))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )
    return data


def schema_validator(document: dict, schema: dict) -> Draft202012Validator:
    # References in the document are "#/components/schemas/X": resolve them in the document.
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    rooted = json.loads(json.dumps(schema).replace('"#/components/', '"urn:openapi#/components/'))
    return Draft202012Validator(rooted, registry=registry)


def component_validator(document: dict, name: str) -> Draft202012Validator:
    return schema_validator(document, {"$ref": f"#/components/schemas/{name}"})


def make_concept(slug: str, **fields) -> Concept:
    fields.setdefault("name_en", slug.replace("-", " ").title())
    fields.setdefault("name_zh_hant", "概念" + slug)
    return Concept.objects.create(slug=slug, status=Status.PUBLISHED, **fields)
