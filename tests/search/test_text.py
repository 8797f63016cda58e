"""Folding, tokens and queries: the same rules for documents and queries, on both databases."""

import pytest

from sources.search.backends import Match
from sources.search.query import MAX_CHARS, parse
from sources.search.ranking import occurs
from sources.search.snippets import Highlighter, snippet
from sources.search.text import fold, ident_token, plain, stem_key, tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("冷戰", "冷战"),
        ("薩德", "萨德"),
        ("臺灣", "台湾"),
        ("Cold War, 冷戰！", "cold war 冷战"),
        ("THAAD(薩德)部署", "thaad 萨德 部署"),
        ("ＦＵＬＬ－ｗｉｄｔｈ", "full width"),
        ("Straße", "strasse"),
        ("2010年天安艦", "2010 年天安舰"),
        ("10.2307/2009958", "10 2307 2009958"),
        ("snake_case\x00nul", "snake case nul"),
    ],
)
def test_text_is_folded_to_one_form(text, folded):
    assert fold(text) == folded


def test_traditional_and_simplified_give_the_same_tokens():
    assert tokens(fold("冷戰與薩德")) == tokens(fold("冷战与萨德"))


def test_chinese_is_indexed_as_characters_and_bigrams():
    assert tokens(fold("同盟困境")) == sorted(["同", "盟", "困", "境", "同盟", "盟困", "困境"])


def test_english_words_are_stemmed_and_titles_keep_the_words_as_written():
    assert tokens(fold("Security Dilemmas")) == ["dilemma", "secur"]
    assert tokens(fold("Security Dilemmas"), surface=True) == [
        "dilemma",
        "dilemmas",
        "secur",
        "security",
    ]
    assert stem_key(fold("The Security Dilemmas")) == stem_key(fold("the security dilemma"))


def test_markdown_is_read_as_plain_text():
    text = "The *security dilemma* [@jervis1978, p. 169]. See @herz1950 and [a link](http://x)."
    assert plain(text) == "The security dilemma. See  and a link."


def test_a_query_is_read_into_units_and_atoms():
    query = parse('安全困境 "security dilemmas" 戰 jervis')
    assert [(u.kind, u.text) for u in query.units] == [
        ("cjk", "安全困境"),
        ("phrase", "security dilemmas"),
        ("cjk", "战"),
        ("word", "jervis"),
    ]
    assert query.atoms == [
        frozenset({"安全"}),
        frozenset({"全困"}),
        frozenset({"困境"}),
        frozenset({"secur"}),
        frozenset({"dilemma"}),
        frozenset({"战"}),
        frozenset({"jervi"}),
    ]


@pytest.mark.parametrize(
    ("text", "ident"),
    [
        ("10.2307/2009958", ("doi", "10.2307/2009958")),
        ("DOI: 10.2307/2009958", ("doi", "10.2307/2009958")),
        ("https://doi.org/10.2307/2009958", ("doi", "10.2307/2009958")),
        ("0691100497", ("isbn", "9780691100494")),
        ("0-691-10049-7", ("isbn", "9780691100494")),
        ("978-0-691-10049-4", ("isbn", "9780691100494")),
        ("JERVIS1978", ("key", "jervis1978")),
    ],
)
def test_identifiers_are_recognised_in_any_common_spelling(text, ident):
    assert ident_token(*ident) in parse(text).idents


@pytest.mark.parametrize(
    ("text", "year", "names"),
    [
        ("Jervis 1978", 1978, ["jervis"]),
        ("1978 Jervis", 1978, ["jervis"]),
        ("Snyder and Diesing 1977", 1977, ["snyder", "diesing"]),
        ("傑維斯1978", 1978, ["杰维斯"]),
        ("security dilemma", None, []),
        ("1978 1979", None, []),
    ],
)
def test_author_and_year_are_recognised(text, year, names):
    query = parse(text)
    assert query.year == year
    assert [u.text for u in query.names] == names


def test_control_characters_are_dropped_and_long_queries_cut():
    assert parse("secur\x00ity").key == "secur ity"
    assert len(parse("戰" * 5000).text) == MAX_CHARS
    assert len(parse("戰" * 5000).atoms) <= 32


def test_tokens_reach_the_databases_quoted():
    match = Match((frozenset({"it's"}), frozenset({'a"b', "c\\d"})), titles_only=True)
    assert match._tsquery() == "(('it''s') & ('a\"b' | 'c\\\\d'))"
    assert match._fts5() == '({title alt} : (("it\'s") AND ("a""b" OR "c\\d")))'
    prefix = Match((), prefix="secu", also=("x1",))
    assert prefix._tsquery() == "'x1' | ('secu':*)"
    assert prefix._fts5() == '"x1" OR ("secu"*)'


@pytest.mark.parametrize(
    ("key", "text", "found"),
    [
        ("cold war", "war", True),
        ("warsaw pact", "war", False),
        ("美日同盟", "同盟", True),
        ("thaad 萨德 部署", "萨德 部署", True),
    ],
)
def test_matches_respect_word_boundaries_but_not_inside_chinese(key, text, found):
    assert occurs(key, text) is found


def test_snippets_mark_matches_in_the_original_script_and_escape_the_rest():
    highlighter = Highlighter(parse("冷战 dilemmas"))
    html, which = snippet(["", "<b>冷戰</b> and the security dilemma."], highlighter)
    assert which == 1
    assert html == "&lt;b&gt;<mark>冷戰</mark>&lt;/b&gt; and the security <mark>dilemma</mark>."


def test_long_texts_are_cut_around_the_first_match():
    text = "word " * 200 + "dilemma " + "word " * 200
    html, _which = snippet([text], Highlighter(parse("dilemma")))
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>dilemma</mark>" in html and len(html) < 300
