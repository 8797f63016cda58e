"""The export formats, read back by programs that did not write them: bibtexparser, rispy, the
official CSL-JSON schema and Citation.js. Every field of a full record must survive, and no
text, however hostile, may break a file's structure or add a record."""

import json
import re
from urllib.parse import unquote

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares as bm

from sources.cite.csl import csl_name, to_csl
from sources.cite.engine import Processor
from sources.cite.exports import FORMATS
from sources.cite.exports.bibtex import protect_title
from sources.models import Person
from tests.cite.export_fixtures import (
    HOSTILE_ABSTRACT,
    WEB_URL,
    build,
    csl_schema_validator,
    read_with_citation_js,
    sources_qs,
    strip_newer_fields,
)

NAME_FIELDS = ("author", "editor", "translator", "bookauthor")
KEYS = ["cfr2023", "hostile2020", "snyder1985", "wang2011"]  # by first author, then year


@pytest.fixture
def works(db):
    return build()


def export(fmt: str, **options) -> str:
    return FORMATS[fmt].render(sources_qs(), **options)


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            bm.LatexDecodingMiddleware(),
            bm.MonthIntMiddleware(True),
            bm.SeparateCoAuthors(name_fields=NAME_FIELDS),
            bm.SplitNameParts(name_fields=NAME_FIELDS),
        ],
    )
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {entry.key: entry for entry in library.entries}


def names(entry, field: str) -> list[tuple[str, str]]:
    return [(" ".join(n.last), " ".join(n.first)) for n in entry[field]]


# BibTeX ---------------------------------------------------------------------------------------


def test_bibtex_full_record_survives_bibtexparser(works):
    entries = parse_bibtex(export("bibtex"))
    assert sorted(entries) == KEYS
    chapter = entries["snyder1985"]
    # A chapter in a book with its own author: biblatex's @inbook, with bookauthor.
    assert chapter.entry_type == "inbook"
    assert names(chapter, "author") == [("Snyder", "Jack"), ("Wang", "Jisi")]
    assert names(chapter, "editor") == [("Jervis", "Robert"), ("Stein", "Janice Gross")]
    assert names(chapter, "translator") == [("Lin", "Bih-jaw")]
    assert names(chapter, "bookauthor") == [("Lebow", "Richard Ned")]
    assert chapter["title"] == "Perceptions of the security dilemma in 1914: NATO's prehistory"
    expected = {
        "booktitle": "Psychology and Deterrence",
        "series": "Perspectives on Security",
        "origtitle": "Die Wahrnehmung des Sicherheitsdilemmas",
        "titleaddon": "[一九一四年的安全困境認知]",
        "edition": "2",
        "volume": "2",
        "number": "4",
        "pages": "153–179",  # written 153--179; the reader decodes -- to an en dash
        "publisher": "Johns Hopkins University Press",
        "address": "Baltimore",
        "year": "1985",
        "month": 3,
        "date": "1985-03-15",
        "urldate": "2024-05-06",
        "doi": "10.1000/xyz.123",
        "isbn": "978-0-8018-3842-2",
        "issn": "0043-8871",
        "url": "https://example.org/snyder1985",
        "eprint": "2010357",
        "eprinttype": "jstor",
        "language": "en",
        "abstract": "How leaders in 1914 read each other's armaments.",
    }
    assert {field: chapter[field] for field in expected} == expected


def test_bibtex_writes_ranges_months_and_protected_words_as_bibtex_wants(works):
    text = export("bibtex")
    assert re.search(r"\n  pages +\= \{153--179\},\n", text)
    assert re.search(r"\n  month +\= mar,\n", text)  # the macro, unbraced, every style knows
    # Lower-casing styles must keep the acronym; the organisation stays one name.
    assert "{NATO's} prehistory" in text
    assert re.search(r"\n  author +\= \{\{Council on Foreign Relations\}\},\n", text)


def test_bibtex_gives_chinese_works_their_authors_in_chinese_script(works):
    entries = parse_bibtex(export("bibtex"))
    assert names(entries["wang2011"], "author") == [("王", "緝思")]
    assert entries["wang2011"]["title"] == "中美關係的結構性矛盾"
    assert entries["wang2011"]["language"] == "zh-Hant"
    # The same person in an English work keeps the romanised name.
    assert ("Wang", "Jisi") in names(entries["snyder1985"], "author")


def test_bibtex_web_page_is_online_with_url_and_access_date(works):
    text = export("bibtex")
    web = parse_bibtex(text)["cfr2023"]
    assert web.entry_type == "online"
    # url is a verbatim field for biblatex and hyperref: escaping _ or % would corrupt it.
    assert re.search(r"\n  url +\= \{" + re.escape(WEB_URL) + r"\},\n", text)
    assert web["urldate"] == "2023-11-02"
    assert web["organization"] == "Council on Foreign Relations"


def test_bibtex_hostile_text_stays_inside_its_fields(works):
    text = export("bibtex")
    entries = parse_bibtex(text)
    assert sorted(entries) == KEYS, "no entry may be injected or lost"
    hostile = entries["hostile2020"]
    assert "injected" not in entries
    assert "@misc{injected" in hostile["title"].replace("\\", "")
    assert hostile["abstract"].startswith("First line. ER  -")
    assert "<script>" in hostile["abstract"]
    assert hostile["journal"] == "Journal of {Bad} & Odd_Names #1 ~ ˆ"
    assert names(hostile, "author") == [("O'Brien & Sons", "Pat")]
    # BibTeX counts braces blindly, escaped or not: every entry must balance on its own.
    for chunk in text.split("\n\n"):
        assert chunk.count("{") == chunk.count("}"), chunk


@pytest.mark.parametrize(
    "title, protected",
    [
        # Title case: capitals are the style's to change; only acronyms are protected.
        ("The Security Dilemma in Alliance Politics", "The Security Dilemma in Alliance Politics"),
        # Sentence case: every capital after the first word is a proper noun.
        (
            "Alliance politics in East Asia after 1945",
            "Alliance politics in {East} {Asia} after 1945",
        ),
        ("The rise of China: a US view", "The rise of {China}: a {US} view"),
        ("McNamara and the NATO allies", "{McNamara} and the {NATO} allies"),
        ("美國如何看待 NATO", "美國如何看待 {NATO}"),
    ],
)
def test_bibtex_protects_the_capitals_a_style_must_keep(title, protected):
    assert protect_title(title) == protected


def test_bibtex_is_read_by_citation_js(works):
    items = {item["id"]: item for item in read_with_citation_js("bibtex", export("bibtex"))}
    assert sorted(items) == KEYS
    chapter = items["snyder1985"]
    assert chapter["author"] == [
        {"family": "Snyder", "given": "Jack"},
        {"family": "Wang", "given": "Jisi"},
    ]
    assert chapter["page"] == "153-179"
    assert chapter["DOI"] == "10.1000/xyz.123"
    assert chapter["ISBN"] == "978-0-8018-3842-2"
    assert chapter["issued"] == {"date-parts": [[1985, 3, 15]]}
    assert chapter["container-title"] == "Psychology and Deterrence"
    assert items["wang2011"]["author"] == [{"family": "王", "given": "緝思"}]
    # Citation.js percent-encodes the URL it reads (% becomes %25): the characters are ours.
    assert unquote(items["cfr2023"]["URL"]) == WEB_URL
    # LaTeX reads runs of spaces as one; the would-be record is still inside the abstract.
    assert items["hostile2020"]["abstract"].startswith("First line. ER - TY - JOUR TI - Injected")


# RIS ------------------------------------------------------------------------------------------


def test_ris_full_record_survives_rispy(works):
    records = {r["id"]: r for r in rispy.loads(export("ris"))}
    assert sorted(records) == KEYS
    chapter = records["snyder1985"]
    expected = {
        "type_of_reference": "CHAP",
        "authors": ["Snyder, Jack", "Wang, Jisi"],
        "secondary_authors": ["Jervis, Robert", "Stein, Janice Gross"],
        "subsidiary_authors": ["Lin, Bih-jaw"],
        "title": "Perceptions of the security dilemma in 1914: NATO's prehistory",
        "secondary_title": "Psychology and Deterrence",
        "tertiary_title": "Perspectives on Security",
        "volume": "2",
        "number": "4",
        "start_page": "153",
        "end_page": "179",
        "edition": "2",
        "publisher": "Johns Hopkins University Press",
        "place_published": "Baltimore",
        "year": "1985",
        "date": "1985/03/15/",
        "access_date": "2024/05/06",
        "doi": "10.1000/xyz.123",
        "issn": "978-0-8018-3842-2",  # SN: a chapter is identified by its book's ISBN
        "urls": ["https://example.org/snyder1985"],
        "language": "en",
        "abstract": "How leaders in 1914 read each other's armaments.",
    }
    assert {key: chapter.get(key) for key in expected} == expected


def test_ris_types_and_chinese_names(works):
    records = {r["id"]: r for r in rispy.loads(export("ris"))}
    assert records["wang2011"]["type_of_reference"] == "JOUR"
    assert records["wang2011"]["authors"] == ["王, 緝思"]
    assert records["wang2011"]["issn"] == "0452-8832"
    assert records["wang2011"]["secondary_title"] == "國際問題研究"
    assert records["cfr2023"]["type_of_reference"] == "ELEC"
    assert records["cfr2023"]["urls"] == [WEB_URL]
    assert records["cfr2023"]["access_date"] == "2023/11/02"


def test_ris_hostile_text_cannot_end_a_record_or_start_one(works):
    text = export("ris")
    records = rispy.loads(text)
    assert [r["id"] for r in records] == KEYS, "no record may be injected or cut short"
    hostile = next(r for r in records if r["id"] == "hostile2020")
    assert hostile["abstract"] == " ".join(HOSTILE_ABSTRACT.splitlines())
    assert "Injected record" not in [r.get("title") for r in records]
    assert text.count("\nER  - ") == len(KEYS)
    assert "\n\n\n" not in text


def test_ris_is_read_by_citation_js(works):
    items = {item["id"]: item for item in read_with_citation_js("ris", export("ris"))}
    assert sorted(items) == KEYS
    chapter = items["snyder1985"]
    assert chapter["type"] == "chapter"
    assert chapter["author"] == [
        {"family": "Snyder", "given": "Jack"},
        {"family": "Wang", "given": "Jisi"},
    ]
    assert chapter["editor"][0] == {"family": "Jervis", "given": "Robert"}
    assert chapter["translator"] == [{"family": "Lin", "given": "Bih-jaw"}]
    assert chapter["page"] == "153-179"
    assert chapter["DOI"] == "10.1000/xyz.123"
    assert chapter["ISBN"] == "978-0-8018-3842-2"
    assert chapter["issued"] == {"date-parts": [[1985]]}  # PY: the RIS spec's chapter date
    assert chapter["language"] == "en"
    assert items["wang2011"]["issued"] == {"date-parts": [[2011, 9]]}  # DA, for an article
    assert items["wang2011"]["author"] == [{"family": "王", "given": "緝思"}]
    assert items["wang2011"]["ISSN"] == "0452-8832"


# CSL-JSON -------------------------------------------------------------------------------------


def test_csljson_is_valid_against_the_official_schema(works):
    items = json.loads(export("csljson"))
    errors = [e.message for e in csl_schema_validator().iter_errors(strip_newer_fields(items))]
    assert errors == []
    assert [item["citation-key"] for item in items] == KEYS


def test_csl_schema_check_can_fail():
    """The schema really is checked: a misspelt variable or a name with a stray part fails."""
    bad = [{"id": "x", "type": "book", "titel": "Typo", "author": [{"surname": "Jervis"}]}]
    assert len(list(csl_schema_validator().iter_errors(bad))) == 2


def test_csljson_is_exactly_to_csl_and_keeps_every_field(works):
    items = json.loads(export("csljson"))
    assert items == [to_csl(source) for source in sources_qs()]
    chapter = next(item for item in items if item["id"] == "snyder1985")
    assert chapter["author"][1] == {"family": "Wang", "given": "Jisi"}
    assert chapter["container-author"] == [{"family": "Lebow", "given": "Richard Ned"}]
    assert chapter["issued"] == {"date-parts": [[1985, 3, 15]]}
    assert chapter["accessed"] == {"date-parts": [[2024, 5, 6]]}
    assert chapter["custom"] == {
        "translated_title": "一九一四年的安全困境認知",
        "jstor_id": "2010357",
        "handle": "2027/mdp.39015004289963",
        "archived_url": "https://web.archive.org/web/2024/https://example.org/snyder1985",
    }
    hostile = next(item for item in items if item["id"] == "hostile2020")
    assert hostile["abstract"] == HOSTILE_ABSTRACT  # JSON keeps the text exactly


def test_csljson_of_nothing_is_an_empty_array(db):
    assert json.loads(FORMATS["csljson"].render([])) == []


# Text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("style_id", ["apa", "china-national-standard-gb-t-7714-2015-numeric"])
def test_text_is_the_bibliography_one_reference_a_line(works, style_id, lang):
    lines = export("text", style_id=style_id, lang=lang).splitlines()
    processor = Processor(style_id, lang)
    processor.register(sources_qs())
    assert lines == [" ".join(e.text.split("\n")).strip() for e in processor.bibliography()]
    assert len(lines) == len(KEYS)
    assert any("王緝思" in line for line in lines)
    assert all("<" not in line.replace("<script>", "").replace("</script>", "") for line in lines)


def test_csl_name_has_no_empty_given_name(db):
    """A Chinese name written with a family name only (or an organisation) has no empty
    `given`, which readers would print as a stray comma or initial."""
    person = Person(slug="x", family_name="Kong", family_name_original="孔")
    assert csl_name(person, chinese_work=True) == {"family": "孔"}
    assert csl_name(person, chinese_work=False) == {"family": "Kong"}
