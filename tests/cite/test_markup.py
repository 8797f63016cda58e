"""Pandoc's citation syntax in Markdown: what is a citation, what is not, and its pinpoints."""

import pytest

from sources.cite.engine import CiteItem
from sources.cite.locators import parse_locator
from sources.cite.markup import Cluster, clusters, render


def only(text) -> Cluster:
    found = clusters(text)
    assert len(found) == 1, found
    return found[0]


def keys(text) -> list[list[str]]:
    return [cluster.keys for cluster in clusters(text)]


def test_bracketed_citation_with_a_page():
    cluster = only("As Jervis argued [@jervis1978, p. 170], states arm.")
    assert cluster == Cluster((CiteItem("jervis1978", "170", "page"),), author_in_text=False)


def test_a_cluster_of_two_items_with_a_prefix_and_a_page_range():
    cluster = only("[see @snyder1984, pp. 461–495; @cha2000]")
    assert cluster.items == (
        CiteItem("snyder1984", "461–495", "page", prefix="see"),
        CiteItem("cha2000"),
    )
    assert not cluster.author_in_text


def test_prefix_and_suffix_around_a_locator():
    item = only("[see @doe99, pp. 33-35, 38-39 and *passim*]").items[0]
    assert (item.prefix, item.locator, item.label, item.suffix) == (
        "see",
        "33-35, 38-39",
        "page",
        "and passim",
    )


def test_suppress_author():
    item = only("Herz [-@herz1950] coined the term.").items[0]
    assert (item.key, item.suppress_author) == ("herz1950", True)


def test_author_in_text_with_a_locator():
    cluster = only("@jervis1978 [p. 167] argues that offence and defence differ.")
    assert cluster.author_in_text
    assert cluster.items == (CiteItem("jervis1978", "167", "page"),)


def test_bare_author_in_text():
    cluster = only("@jervis1978 argues that…")
    assert cluster.author_in_text
    assert cluster.items == (CiteItem("jervis1978"),)


def test_author_in_text_followed_by_more_items_in_its_brackets():
    cluster = only("@item1 [p. 30; see also @item2, chap. 3] says blah.")
    assert cluster.author_in_text
    assert cluster.items == (
        CiteItem("item1", "30", "page"),
        CiteItem("item2", "3", "chapter", prefix="see also"),
    )


def test_author_in_text_in_chinese_text_without_spaces():
    assert keys("如@jervis1978所言，又見[@herz1950，頁157]。") == [["jervis1978"], ["herz1950"]]


def test_keys_are_matched_in_lower_case():
    assert keys("[@Jervis1978] and @SNYDER1984") == [["jervis1978"], ["snyder1984"]]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("@Foo_bar.baz. ends a sentence", "foo_bar.baz"),  # final period is not in the key
        ("@{Foo_bar.baz.} keeps it", "foo_bar.baz."),  # braces keep everything
        ("@Foo_bar--baz", "foo_bar"),  # repeated punctuation ends the key
        ("@a:b/c#d$e%f&g-h+i?j<k>l~m done", "a:b/c#d$e%f&g-h+i?j<k>l~m"),
        ("(@jervis1978)", "jervis1978"),
        ("[@_underscore1]", "_underscore1"),
    ],
)
def test_keys_follow_pandoc_rules(text, key):
    assert only(text).keys == [key]


@pytest.mark.parametrize(
    "text",
    [
        "Write to foo@bar.com or <foo@bar.com>.",  # e-mail addresses
        "Mail editor@example.org, please.",
        r"An escaped \@jervis1978 is a literal at sign.",
        "Code: `[@jervis1978, p. 170]` and `@jervis1978`.",
        "```\n[@jervis1978]\n@jervis1978\n```",  # fenced code block
        "Text.\n\n    @jervis1978 in an indented code block\n",
        "A [link to @jervis1978](https://example.org) is not a citation.",
        "<https://example.org/@jervis1978> and https://example.org/@user",
        "Look@jervis1978 is glued to a word.",
        "@ alone, and @ followed by space, and @-dash.",
    ],
)
def test_not_citations(text):
    assert clusters(text) == []


def test_a_failed_cluster_still_cites_its_author_in_text_key_like_pandoc():
    # Every item of a cluster needs a key, so `[see @a; no key]` is not a cluster; `@a` in it
    # is still an author-in-text key (so an unknown key there is caught by validation).
    assert only("[see @jervis1978; no key]").author_in_text


def test_citations_in_lists_quotes_headings_and_tables_are_found_in_document_order():
    text = (
        "# Heading @a\n\n> quoted [@b]\n>\n> - nested @c\n\n- item [@d, p. 1]\n\n"
        "| x | y |\n|---|---|\n| [@e] | @f |\n\nlast @g."
    )
    assert [c.keys[0] for c in clusters(text)] == ["a", "b", "c", "d", "e", "f", "g"]


@pytest.mark.parametrize(
    ("suffix", "label", "locator", "rest"),
    [
        (", p. 170", "page", "170", ""),
        (", pp. 461–495", "page", "461–495", ""),
        (", pp. 461-495", "page", "461-495", ""),
        (", p. 33n2", "page", "33n2", ""),
        (", p.3", "page", "3", ""),
        (", 14", "page", "14", ""),  # no term: a number is a page
        (", 33-35, 38-39", "page", "33-35, 38-39", ""),
        (", page 12", "page", "12", ""),
        (", pages 12–14", "page", "12–14", ""),
        (", chap. 3", "chapter", "3", ""),
        (", ch. 3", "chapter", "3", ""),
        (", chapter 3", "chapter", "3", ""),
        (", sec. 3.2", "section", "3.2", ""),
        (", § 4", "section", "4", ""),
        (", para. 12", "paragraph", "12", ""),
        (", ¶ 12", "paragraph", "12", ""),
        (", fig. 2", "figure", "2", ""),
        (", tab. 1", "table", "1", ""),
        (", table 1", "table", "1", ""),
        (", n. 6", "note", "6", ""),
        (", nn. 6-7", "note", "6-7", ""),
        (", vol. ii", "volume", "ii", ""),  # an explicit term allows Roman numerals
        (", bk. VI", "book", "VI", ""),
        (", nos. 6 and 7", "issue", "6", "and 7"),
        (", s.v. Gothic", "sub-verbo", "Gothic", ""),
        (", pp. 33, 35–37, and nowhere else", "page", "33, 35–37", ", and nowhere else"),
        (", p. 170, emphasis added", "page", "170", ", emphasis added"),
        (", {pp. iv, vi-xi, (xv)-(xvii)} and on", "page", "iv, vi-xi, (xv)-(xvii)", "and on"),
        ("{ii, A, D-Z}, with a suffix", "page", "ii, A, D-Z", ", with a suffix"),
        ("{}, 99 years later", "page", "", ", 99 years later"),
        (", 頁 466–467", "page", "466–467", ""),
        ("，頁23", "page", "23", ""),
        (", 第10頁", "page", "10", ""),
        (", 23–25 頁", "page", "23–25", ""),
        (", 第3章", "chapter", "3", ""),
        (", 第 三 章", "chapter", "三", ""),
        (", 第2節", "section", "2", ""),
        (", 註 4", "note", "4", ""),
        (", 圖 2", "figure", "2", ""),
        (", 表 1", "table", "1", ""),
        (", 第5卷", "volume", "5", ""),
        (", and elsewhere", "page", "", ", and elsewhere"),  # no locator: all suffix
        (", page after page", "page", "", ", page after page"),
        ("", "page", "", ""),
    ],
)
def test_locators(suffix, label, locator, rest):
    parsed = parse_locator(suffix)
    assert (parsed.label, parsed.value, parsed.rest.strip()) == (label, locator, rest)


def test_locator_terms_in_a_whole_citation():
    found = clusters("[@a, chap. 3] [@b, 頁 12] [@c, 第2章] [@d{iv}] [@e, p. 33n2]")
    assert [(c.items[0].label, c.items[0].locator) for c in found] == [
        ("chapter", "3"),
        ("page", "12"),
        ("chapter", "2"),
        ("page", "iv"),
        ("page", "33n2"),
    ]


def test_render_replaces_each_cluster_with_the_html_cite_returns():
    html = render(
        "As @jervis1978 [p. 170] argues, arms races *spiral* [see @snyder1984; @cha2000].",
        lambda cluster: f'<a href="#ref-{cluster.keys[0]}">{"+".join(cluster.keys)}</a>',
    )
    assert html == (
        '<p>As <a href="#ref-jervis1978">jervis1978</a> argues, arms races <em>spiral</em> '
        '<a href="#ref-snyder1984">snyder1984+cha2000</a>.</p>'
    )


def test_render_asks_for_citations_in_document_order():
    asked = []
    render("> [@b]\n\n[@a]\n\n- @c", lambda cluster: asked.append(cluster.keys[0]) or "")
    assert asked == ["b", "a", "c"]


def test_render_turns_markdown_into_paragraphs_lists_and_tables():
    html = render("One.\n\nTwo *em* **strong**.\n\n- a\n- b\n\n| h |\n|---|\n| c |", str)
    assert "<p>One.</p>" in html and "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert "<ul>" in html and "<li>a</li>" in html
    assert "<table>" in html and "<th>h</th>" in html and "<td>c</td>" in html


def test_a_heading_in_a_text_never_becomes_a_second_h1():
    html = render("# Big\n\nText\n\n## Smaller", str)
    assert "<h1>" not in html and "<h2>Big</h2>" in html


def test_escaped_at_sign_renders_as_a_plain_at_sign():
    assert render(r"Mention \@jervis1978 literally.", str) == (
        "<p>Mention @jervis1978 literally.</p>"
    )


def test_empty_text_renders_empty():
    assert render("", str) == "" and render(None, str) == ""
    assert clusters("") == [] and clusters(None) == []
