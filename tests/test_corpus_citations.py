"""The corpus files (corpus/, read as files, not from the database) cite real works inline and
store English titles in sentence case, as Zotero does, so that each citation style can case
them itself.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from cases.corpus.reading import LANG_KEYS, read_entries
from sources.cite.markup import clusters

CORPUS = Path(settings.BASE_DIR) / "corpus"
SOURCES = {e.key: e.data for e in read_entries(CORPUS, "sources.yaml", "citation_key")}
CONCEPTS = read_entries(CORPUS, "concepts.yaml", "slug")
CASES = read_entries(CORPUS, "cases.yaml", "slug")


def _rows(entry, *names):
    """The child rows of an entry under the given list keys (definitions may sit in families)."""
    for name in names:
        yield from entry.data.get(name) or []
    for family in entry.data.get("definition_families") or []:
        if "definitions" in names:
            yield from family.get("definitions") or []


def markdown_texts():
    """(where, text, own source) for every long text that is Markdown with citations."""
    for entries, rows, field in (
        (CONCEPTS, ("definitions",), "text"),
        (CASES, ("events",), "description"),
        (CASES, ("analyses",), "text"),
    ):
        for entry in entries:
            for lang in LANG_KEYS:
                yield f"{entry.key} body ({lang})", entry.data["body"][lang], None
            for n, row in enumerate(_rows(entry, *rows), start=1):
                for lang, text in (row.get(field) or {}).items():
                    yield f"{entry.key} {rows[0]} {n} ({lang})", text, row.get("source")


TEXTS = list(markdown_texts())


def cited_keys(text: str) -> list[str]:
    return [key for cluster in clusters(text) for key in cluster.keys]


def test_every_cited_key_is_a_source_in_the_corpus():
    unknown = {
        where: key for where, text, _ in TEXTS for key in cited_keys(text) if key not in SOURCES
    }
    assert not unknown


def test_every_at_sign_is_a_citation_the_parser_understands():
    # A mistyped citation ("[@ jervis1978]", "@{jervis1978") is shown to readers as raw text;
    # the corpus has no e-mail addresses, so each "@" must belong to a parsed citation.
    stray = [where for where, text, _ in TEXTS if text.count("@") != len(cited_keys(text))]
    assert not stray


@pytest.mark.parametrize("entry", [*CONCEPTS, *CASES], ids=lambda e: e.key)
def test_every_concept_and_case_body_cites_a_work_in_both_languages(entry):
    uncited = [lang for lang in LANG_KEYS if not clusters(entry.data["body"][lang])]
    assert not uncited


def test_definitions_analyses_and_events_do_not_cite_their_own_source_inline():
    # The row's source field is already shown with it; repeating it inline cites it twice.
    repeated = [where for where, text, own in TEXTS if own and own in cited_keys(text)]
    assert not repeated


# Proper names of several words, removed before looking at the words that are left.
PROPER_PHRASES = """Second Cold War|Cold War|First World War|Peloponnesian War|Cuban Missile Crisis
|Security Council|Security Consultative Committee|Security Treaty|Free Trade Agreement
|Trade Promotion Authority|Trans-Pacific Partnership|San Francisco System
|Democratic Party of Japan|East Asian Community|Korean Minute|Korea Clause
|Ministry of Foreign Affairs|Correlates of War|Vice President|President|East China Sea
|Air Defense Identification Zone|People's Republic of China|Republic of Korea|United States
|United Arab Emirates|Korean Peninsula|Middle East|Western Hemisphere""".replace("\n", "")
PROPER_WORDS = set(
    """Japan Japanese Korea Korean Koreans China Chinese America American Americanism Asia Asian
    Northeast East South North Taiwan Tokyo Seoul Pyongyang Beijing Washington Europe European
    Sino Soviet Russo Russia Russian Ukraine Ukrainian West Putin Obama Abe Biden Joe Xi Jinping
    Park Geun Thucydides Medusa Congress Cheonan Philippines Pacific Iraq Afghanistan""".split()
)
_PHRASE = re.compile(rf"\b(?:{PROPER_PHRASES})\b")
# A new sentence or subtitle starts after these.
_SENTENCE_END = re.compile(r"[:?!]$")
_WORD_EDGES = "\"'“”‘’()[],;.:?!"


def title_case_words(title: str) -> list[str]:
    """Capitalised words that sentence case would not capitalise: not first in the title or
    after a colon, not an acronym (ROK, U.S.), not a proper noun from the lists above."""
    found = []
    starts_sentence = True
    for token in _PHRASE.sub("x", title).split():
        word = token.strip(_WORD_EDGES)
        for part in re.split(r"[-–—]", word):
            part = re.sub(r"['’]s$", "", part)
            if starts_sentence or not part[:1].isupper():
                starts_sentence = False
                continue
            if part.upper() == part or part in PROPER_WORDS:  # an acronym or a proper noun
                continue
            found.append(part)
        starts_sentence = bool(_SENTENCE_END.search(token))
    return found


def english_titles():
    """(key, field, title) for every title stored in English: the titles of works not in
    Chinese, every translated title, and the book title of chapters (a title, unlike the name
    of a journal, which keeps its title case)."""
    for key, data in SOURCES.items():
        if not str(data.get("language") or "").startswith("zh"):
            yield key, "title", data["title"]
        if data.get("translated_title"):
            yield key, "translated_title", data["translated_title"]
        if data.get("item_type") == "chapter" and data.get("container_title"):
            yield key, "container_title", data["container_title"]


def test_english_titles_are_stored_in_sentence_case():
    offenders = {
        f"{key} {field}": words
        for key, field, title in english_titles()
        if (words := title_case_words(title))
    }
    assert not offenders


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        ("Cooperation Under The Security Dilemma", ["Under", "The", "Security", "Dilemma"]),
        ("Cooperation under the security dilemma", []),
        ("The Cold War: A new history", []),
        ("The Cold War: A New History", ["New", "History"]),
        ('Obama: U.S. treaty commitment to Japan is "absolute"', []),
        ("The security dilemma and the end of the Cold War", []),
        ("The Security Council's role", []),
        ("Going the American way: The surprising case of Korean pro-Americanism", []),
        ("Alliance Politics", ["Politics"]),
    ],
)
def test_the_sentence_case_check_tells_title_case_from_proper_nouns(title, flagged):
    assert title_case_words(title) == flagged
