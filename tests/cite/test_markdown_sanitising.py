"""Hostile Markdown renders as inert text: no script, no event handlers, no dangerous URLs, no
forged citations, and the result is valid HTML."""

import re

import pytest
from bs4 import BeautifulSoup

from sources.cite.markup import render
from sources.cite.sanitise import TAGS
from tests.test_html_validity import describe, validate

CITATION_HTML = (
    '<a class="citation" href="#ref-{key}" aria-describedby="ref-{key}" data-key="{key}">'
    '<span class="cite-text">({key})</span></a>'
)


def cite(cluster) -> str:
    """Citation HTML with attributes the sanitiser would strip from text (class, data-*)."""
    return "".join(CITATION_HTML.format(key=key) for key in cluster.keys)


HOSTILE = {
    "script": '<script>alert("x")</script>',
    "script in a cluster": "[see <script>alert(1)</script> @jervis1978]",
    "img onerror": "<img src=x onerror=alert(1)>",
    "svg onload": "<svg onload=alert(1)>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "style": "<style>body{display:none}</style>",
    "raw link": "<a href=\"javascript:alert(1)\" onclick='alert(2)'>x</a>",
    "javascript link": "[x](javascript:alert(1))",
    "mixed-case scheme": "[x](JaVaScRiPt:alert(1))",
    "scheme with a tab entity": "[x](java&#x09;script:alert(1))",
    "scheme as entities": "[x](&#106;&#97;vascript:alert(1))",
    "reference link": "[x][evil]\n\n[evil]: javascript:alert(1)",
    "data URL": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript URL": "[x](vbscript:msgbox(1))",
    "image": "![x](javascript:alert(1)) ![y](https://evil.example/track.png)",
    "entity-encoded tag": "&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;alert(2)",
    "title breaking out": '[t](https://example.org "x" onmouseover="alert(1)")',
    "title with escaped quote": '[t](https://example.org "x\\" onmouseover=\\"alert(1)")',
    "autolink breaking out": '<https://example.org/"onmouseover="alert(1)>',
    "comment": "<!-- <script>alert(1)</script> -->",
    "table cell": "| a |\n|---|\n| <b onclick=alert(1)>x</b> |",
    "fenced code": "```html\n<script>alert(1)</script>\n```",
    "html block": "<div onclick=alert(1)>\n\n**x**\n\n</div>",
    "nested brackets": "[[x](javascript:alert(1))](https://example.org)",
}


def elements(html: str):
    return BeautifulSoup(html, "html.parser").find_all(True)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markdown_is_inert(text):
    html = render(text, cite)
    for element in elements(html):
        if element.get("class") == ["citation"] or element.get("class") == ["cite-text"]:
            continue  # our own citation HTML
        assert element.name in TAGS, html
        assert set(element.attrs) <= {"href", "title", "rel", "start"}, html
        href = element.get("href", "")
        scheme = re.match(r"^\s*([a-z][a-z0-9+.-]*):", href, re.IGNORECASE)
        assert scheme is None or scheme[1].lower() in {"http", "https", "mailto"}, html
    assert "<script" not in html and "<img" not in html and "<svg" not in html


def test_raw_html_is_shown_as_text_not_dropped():
    html = render("Use <b>bold</b> & <script>x</script>", cite)
    assert html == "<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>"


def test_javascript_links_lose_their_target_but_keep_their_text():
    html = render("[click me](javascript:alert(1))", cite)
    link = BeautifulSoup(html, "html.parser").a
    assert link.get_text() == "click me" and not link.has_attr("href")


def test_link_titles_cannot_add_attributes():
    html = render('[t](https://example.org "x" onmouseover="alert(1)")', cite)
    link = BeautifulSoup(html, "html.parser").a
    assert set(link.attrs) == {"href", "title", "rel"}
    assert "onmouseover" in link["title"]  # kept as inert text inside the title


def test_links_to_other_sites_get_noopener_and_links_within_the_site_do_not():
    html = render("[out](https://example.org/) [in](/en/concepts/) [mail](mailto:a@b.org)", cite)
    out, inside, mail = BeautifulSoup(html, "html.parser").find_all("a")
    assert out["rel"] == ["noopener", "noreferrer"]
    assert not inside.has_attr("rel") and not mail.has_attr("rel")
    assert inside["href"] == "/en/concepts/" and mail["href"] == "mailto:a@b.org"


def test_citation_html_survives_the_sanitiser_intact():
    html = render("As @jervis1978 argues.", cite)
    assert CITATION_HTML.format(key="jervis1978") in html


def test_text_cannot_forge_a_citation_placeholder():
    calls = []

    def counting(cluster):
        calls.append(cluster)
        return cite(cluster)

    # Whatever the text contains, only real citations call `cite`: tokens carry a random
    # nonce chosen after the text is read.
    forged = "c1te0123456789abcdef01234567n0e c1te{nonce}n0e <cite>x</cite> \x02klzzwxh:0000\x03"
    html = render(f"{forged} [@herz1950]", counting)
    assert [c.keys for c in calls] == [["herz1950"]]
    assert "c1te0123456789abcdef01234567n0e" in html  # left as text
    assert html.count('class="citation"') == 1


def test_citation_html_is_not_treated_as_markdown_or_sanitised_twice():
    def marked(cluster):
        return '<span class="x">*not emphasis* <b>bold</b></span>'

    html = render("See [@jervis1978].", marked)
    assert html == '<p>See <span class="x">*not emphasis* <b>bold</b></span>.</p>'


def test_rendered_markdown_is_valid_html(tmp_path):
    rich = (
        "# Heading\n\nA paragraph with *em*, **strong**, `code`, a [link](https://example.org) "
        "and @jervis1978 [p. 170].\n\n> A quotation [see @herz1950; @snyder1984, pp. 461–495]."
        "\n\n1. one\n2. two\n\n- a\n- b\n\n| h1 | h2 |\n|:---|---:|\n| c | d |\n\n---\n\n"
        "```\ncode block\n```\n\n3. starts at three\n"
    )
    body = "\n".join(
        f"<section><h2>{n}</h2>{render(text, cite)}</section>"
        for n, text in enumerate([rich, *HOSTILE.values()])
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Markdown</title>'
        f'</head><body><main><h1>Markdown</h1><div id="ref-jervis1978"></div>'
        '<div id="ref-herz1950"></div><div id="ref-snyder1984"></div>'
        f"{body}</main></body></html>"
    )
    messages = validate({"rendered markdown": page}, tmp_path)
    problems = [m for m in messages if m.get("type") == "error"]
    assert not problems, "\n".join(describe(m) for m in problems)
