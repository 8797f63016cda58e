"""The full dump, by command and by download: the whole public base, as documented, and whole:
every key or slug it refers to is in it."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cases.models import Actor, Case
from concepts.models import Concept
from sources.content import Status
from sources.models import Person, Source, Tag
from tests.api.helpers import body, component_validator

SECTIONS = ("tags", "persons", "sources", "concepts", "cases", "actors", "citations")


@pytest.fixture
def dump(visitor, drafts):
    """The dump as downloaded, of the sample with drafts tangled in."""
    # Body citations too, so every kind of citation is in the dump.
    drafts.cold_war.body_en = "As [@snyder1984, p. 470] argues."
    drafts.cold_war.save()
    response = visitor.get("/api/v1/dump.json")
    assert response.status_code == 200
    assert response.streaming
    return body(response)


def test_download_is_a_dated_json_attachment(visitor, sample):
    response = visitor.get("/api/v1/dump.json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="ir-atlas-dump-{today}.json"'
    )
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_dump_matches_its_documented_schema(dump, openapi):
    errors = list(component_validator(openapi, "Dump").iter_errors(dump))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert dump["format"] == "ir-atlas-dump"
    assert dump["api_version"] == "v1"


def test_dump_holds_every_public_object_once(dump):
    assert dump["counts"] == {key: len(dump[key]) for key in SECTIONS}
    assert dump["counts"]["concepts"] == Concept.objects.filter(status=Status.PUBLISHED).count()
    assert dump["counts"]["cases"] == Case.objects.filter(status=Status.PUBLISHED).count()
    assert dump["counts"]["sources"] == Source.objects.count()
    assert dump["counts"]["persons"] == Person.objects.count()
    assert dump["counts"]["tags"] == Tag.objects.count()
    assert dump["counts"]["actors"] == Actor.objects.count()
    for key in SECTIONS:
        ids = [item["id"] for item in dump[key]]
        assert len(ids) == len(set(ids)), key
    # The definition, event and analysis citations, and the case body's.
    assert {c["cited_in"]["type"] for c in dump["citations"]} == {
        "definition",
        "event",
        "analysis",
        "case",
    }


def refs(value, found=None):
    """Every reference in a piece of the dump, as (kind, key), by the shape of its api_url."""
    found = set() if found is None else found
    if isinstance(value, dict):
        url = value.get("api_url")
        if isinstance(url, str):
            kind, key = url.rstrip("/").split("/")[-2:]
            found.add((kind, key))
        for item in value.values():
            refs(item, found)
    elif isinstance(value, list):
        for item in value:
            refs(item, found)
    return found


def test_every_reference_points_into_the_dump(dump):
    present = {
        (key, item.get("slug") or item.get("citation_key"))
        for key in SECTIONS[:-1]
        for item in dump[key]
    }
    referenced = refs({key: dump[key] for key in SECTIONS})
    assert referenced, "the dump should refer to something"
    assert referenced - present == set()
    # Plainer links too: definition families, and citations' sources by key.
    for concept in dump["concepts"]:
        families = {f["id"] for f in concept["definition_families"]}
        assert {d["family_id"] for d in concept["definitions"]} - {None} <= families
    keys = {source["citation_key"] for source in dump["sources"]}
    assert {c["source"]["citation_key"] for c in dump["citations"]} <= keys


def test_dump_objects_are_those_the_api_serves(visitor, dump):
    """One serialisation for both: a program may switch between them."""
    concept = next(c for c in dump["concepts"] if c["slug"] == "security-dilemma")
    assert concept == body(visitor.get("/api/v1/concepts/security-dilemma/"))
    case = next(c for c in dump["cases"] if c["slug"] == "cold-war")
    assert case == body(visitor.get("/api/v1/cases/cold-war/"))
    sources = body(visitor.get("/api/v1/sources/?page_size=100"))["results"]
    assert dump["sources"] == sources


def test_command_writes_the_same_dump_to_a_file(visitor, sample, tmp_path):
    target = tmp_path / "base.json"
    call_command("dump_knowledge_base", output=str(target), base_url="https://atlas.example")
    written = json.loads(target.read_text(encoding="utf-8"))
    downloaded = body(visitor.get("/api/v1/dump.json"))
    assert written["site"] == "https://atlas.example/"
    assert written["concepts"][0]["api_url"].startswith("https://atlas.example/api/v1/")
    assert written["counts"] == downloaded["counts"]
    assert not list(tmp_path.glob("*.part"))


def test_command_writes_to_standard_output(sample):
    out = io.StringIO()
    call_command("dump_knowledge_base", output="-", base_url="https://atlas.example", stdout=out)
    assert json.loads(out.getvalue())["counts"]["concepts"] == 2


def test_command_names_the_file_by_date(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("dump_knowledge_base", base_url="https://atlas.example", stdout=io.StringIO())
    [written] = tmp_path.iterdir()
    assert written.name == f"ir-atlas-dump-{timezone.localdate().isoformat()}.json"


def test_command_refuses_a_base_url_that_is_not_one(sample):
    with pytest.raises(CommandError, match="base-url"):
        call_command("dump_knowledge_base", output="-", base_url="atlas.example")


def test_command_reports_a_file_it_cannot_write(sample, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command(
            "dump_knowledge_base",
            output=str(tmp_path / "missing" / "dir" / "dump.json"),
            base_url="https://atlas.example",
        )
