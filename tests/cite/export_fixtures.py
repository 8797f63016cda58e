"""Sources for the export tests: works with every field filled, a Chinese article, a web page,
and one whose text is written to break file formats; plus the independent readers."""

import datetime as dt
import json
import shutil
import subprocess
from importlib.metadata import distribution
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
from django.conf import settings

from sources.models import CreatorRole, NameOrder, Person, Source, SourceCreator

# Characters LaTeX would read as commands, spaces or comments, as URLs often have them.
WEB_URL = "https://www.cfr.org/global_conflict-tracker/~maps?region=1%2C2#top"
HOSTILE_TITLE = "Evil } title \\ 100% {unclosed\n@misc{injected, title = {gotcha}}"
HOSTILE_ABSTRACT = (
    "First line.\nER  - \n\nTY  - JOUR\nTI  - Injected record\nER  - \r\n"
    '<script>alert("x")</script> <a href="javascript:alert(1)">click</a>'
)


def _person(slug, family, given="", **names):
    return Person.objects.create(slug=slug, family_name=family, given_name=given, **names)


def _credit(source, person, role=CreatorRole.AUTHOR, position=0):
    SourceCreator.objects.create(source=source, person=person, role=role, position=position)


def _source(**fields) -> Source:
    source = Source(**fields)
    source.full_clean()
    source.save()
    return source


def build() -> SimpleNamespace:
    """Four sources; `chapter` fills every field a source has."""
    s = SimpleNamespace()
    snyder = _person("jack-snyder", "Snyder", "Jack")
    wang = _person(
        "wang-jisi",
        "Wang",
        "Jisi",
        family_name_original="王",
        given_name_original="緝思",
        name_order=NameOrder.EASTERN,
    )
    jervis = _person("robert-jervis", "Jervis", "Robert")
    stein = _person("janice-gross-stein", "Stein", "Janice Gross")
    translator = _person("lin-bih-jaw", "Lin", "Bih-jaw")
    book_author = _person("richard-ned-lebow", "Lebow", "Richard Ned")
    s.chapter = _source(
        citation_key="snyder1985",
        item_type="chapter",
        title="Perceptions of the security dilemma in 1914: NATO's prehistory",
        original_title="Die Wahrnehmung des Sicherheitsdilemmas",
        translated_title="一九一四年的安全困境認知",
        container_title="Psychology and Deterrence",
        collection_title="Perspectives on Security",
        volume="2",
        issue="4",
        pages="153–179",
        year=1985,
        month=3,
        day=15,
        edition="2",
        publisher="Johns Hopkins University Press",
        publisher_place="Baltimore",
        doi="10.1000/xyz.123",
        isbn="978-0-8018-3842-2",
        issn="0043-8871",
        jstor_id="2010357",
        handle="2027/mdp.39015004289963",
        url="https://example.org/snyder1985",
        archived_url="https://web.archive.org/web/2024/https://example.org/snyder1985",
        accessed=dt.date(2024, 5, 6),
        language="en",
        abstract="How leaders in 1914 read each other's armaments.",
    )
    _credit(s.chapter, snyder)
    _credit(s.chapter, wang, position=1)
    _credit(s.chapter, jervis, CreatorRole.EDITOR)
    _credit(s.chapter, stein, CreatorRole.EDITOR, 1)
    _credit(s.chapter, translator, CreatorRole.TRANSLATOR)
    _credit(s.chapter, book_author, CreatorRole.CONTAINER_AUTHOR)

    s.chinese = _source(
        citation_key="wang2011",
        item_type="article-journal",
        title="中美關係的結構性矛盾",
        translated_title="The structural contradictions of Sino-American relations",
        container_title="國際問題研究",
        volume="5",
        issue="3",
        pages="1-12",
        year=2011,
        month=9,
        issn="0452-8832",
        language="zh-Hant",
    )
    _credit(s.chinese, wang)

    s.web = _source(
        citation_key="cfr2023",
        item_type="webpage",
        title="Global Conflict Tracker",
        container_title="Council on Foreign Relations",
        url=WEB_URL,
        accessed=dt.date(2023, 11, 2),
        year=2023,
        language="en",
    )
    _credit(s.web, _person("council-on-foreign-relations", "Council on Foreign Relations"))

    s.hostile = _source(
        citation_key="hostile2020",
        item_type="article-journal",
        title=HOSTILE_TITLE,
        container_title="Journal of {Bad} & Odd_Names #1 ~ ^",
        pages="1-2",
        year=2020,
        abstract=HOSTILE_ABSTRACT,
        language="en",
    )
    _credit(s.hostile, _person("o-brien", "O'Brien & Sons", "Pat"))
    return s


def sources_qs():
    return Source.objects.with_creators().by_first_author()


def csl_schema_validator() -> jsonschema.protocols.Validator:
    """A validator for the official CSL-JSON schema (csl-data.json of the Citation Style
    Language project) as the PyPI package citepy ships it: its 2021 revision, draft-03, from
    before the schema added `citation-key` and `custom` (see strip_newer_fields)."""
    path = Path(distribution("citepy").locate_file("citepy/csl-data.json"))
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert "Citation Style Language" in schema["description"] or "CSL" in schema["description"]
    return jsonschema.validators.validator_for(schema)(schema)


def strip_newer_fields(items: list[dict]) -> list[dict]:
    """The items less `citation-key` and `custom`, which the current schema (v1.0.2) defines
    and the revision citepy ships predates; both are checked by the tests themselves."""
    return [
        {k: v for k, v in item.items() if k not in ("citation-key", "custom")} for item in items
    ]


def read_with_citation_js(fmt: str, text: str) -> list[dict]:
    """What Citation.js (@citation-js/core with its BibTeX and RIS plugins) reads from an
    export, as CSL-JSON. Fails, never skips, when Node.js or the packages are missing."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: run `apt-get install nodejs npm`.")
    if not (Path(settings.BASE_DIR) / "node_modules" / "@citation-js" / "core").exists():
        pytest.fail("@citation-js/core is missing: run `make node_modules/.installed`.")
    done = subprocess.run(
        [node, str(Path(__file__).with_name("citation_js.mjs"))],
        input=json.dumps({"format": fmt, "text": text}),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        pytest.fail(f"Citation.js could not read the {fmt} export:\n{done.stderr}")
    return json.loads(done.stdout)
