"""“Cite this page” on concept and case pages and “Cite this source” on source pages: the
reference in all six styles, the reader's first, each with a copy button that the script
reveals, and the text itself readable and selectable without JavaScript."""

import datetime as dt
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.utils import timezone, translation
from django.utils.translation import gettext

from cases.models import Case
from concepts.models import Concept
from sources.cite.engine import format_item, format_reference
from sources.cite.scripts import mark_other_script
from sources.cite.styles import STYLE_COOKIE, STYLES
from sources.cite.webpage import WebPage, webpage_item
from tests.helpers import soup, url

LANGS = ["en", "zh-hant"]
UPDATED = dt.datetime(2024, 5, 3, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def dated(sample):
    """The sample with the pages last changed on a known day (auto_now bypassed)."""
    Concept.objects.filter(pk=sample.security_dilemma.pk).update(updated=UPDATED)
    Case.objects.filter(pk=sample.cuba.pk).update(updated=UPDATED)
    return sample


def cite_box(response):
    boxes = soup(response).select("section.cite-box")
    assert len(boxes) == 1
    return boxes[0]


def entries(box) -> dict[str, str]:
    """{style id: the reference as shown}, in page order."""
    return {
        div["id"].removeprefix("cite-"): div.decode_contents()
        for div in box.select("div.cite-text")
    }


def soup_of(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def texts(box) -> dict[str, str]:
    return {
        div["id"].removeprefix("cite-"): words(div.get_text())
        for div in box.select("div.cite-text")
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("name", "slug"), [("concepts:detail", "security-dilemma"), ("cases:detail", "cold-war")]
)
def test_every_concept_and_case_page_can_be_cited_in_all_six_styles(
    dated, visitor, lang, name, slug
):
    box = cite_box(visitor.get(url(name, lang, slug)))
    with translation.override(lang):
        assert box.h2.get_text() == gettext("Cite this page")
    assert list(entries(box)) == list(STYLES)  # the reader's (APA by default) first
    for style in STYLES.values():
        assert box.find(id=f"cite-{style.id}-label").get_text() == str(style.label)


def test_the_readers_style_comes_first_and_the_others_are_folded(dated, visitor):
    visitor.cookies[STYLE_COOKIE] = "modern-language-association"
    box = cite_box(visitor.get(url("concepts:detail", "en", "security-dilemma")))
    assert next(iter(entries(box))) == "modern-language-association"
    folded = box.select("details.cite-more div.cite-text")
    assert len(folded) == 5
    assert "cite-modern-language-association" not in [div["id"] for div in folded]


@pytest.mark.parametrize("lang", LANGS)
def test_cite_this_page_is_the_engines_reference_to_this_page(dated, visitor, lang):
    response = visitor.get(url("concepts:detail", lang, "security-dilemma"))
    page = WebPage(
        title={"en": "Security dilemma", "zh-hant": "安全困境"}[lang],
        url=f"http://testserver{url('concepts:detail', lang, 'security-dilemma')}",
        language={"en": "en", "zh-hant": "zh-Hant"}[lang],
        modified=dt.date(2024, 5, 3),
    )
    item = webpage_item(page, accessed=timezone.localdate())
    shown = texts(cite_box(response))
    for style in STYLES:
        assert shown[style] == words(format_item(item, style, lang).text), style


def test_cite_this_page_names_title_site_url_and_dates(dated, visitor):
    today = timezone.localdate()
    shown = texts(cite_box(visitor.get(url("concepts:detail", "en", "security-dilemma"))))
    page_url = "http://testserver/en/concepts/security-dilemma/"
    for style, text in shown.items():
        assert "Security" in text and "IR Atlas 國關概念圖譜" in text, style
        assert page_url in text, style
        assert "2024" in text, style
    assert "May 3" in shown["apa"]
    gbt = shown["china-national-standard-gb-t-7714-2015-numeric"]
    assert "[EB/OL]" in gbt
    assert f"(2024-05-03)[{today.isoformat()}]" in gbt


def test_cite_this_page_in_chinese_cites_the_chinese_page(dated, visitor):
    shown = texts(cite_box(visitor.get(url("cases:detail", "zh-hant", "cuban-missile-crisis"))))
    for style, text in shown.items():
        assert "古巴飛彈危機" in text, style
        assert "http://testserver/zh-hant/cases/cuban-missile-crisis/" in text, style
        assert "Cuban Missile Crisis" not in text, style


@pytest.mark.parametrize("lang", LANGS)
def test_cite_this_source_gives_the_source_in_every_style(sample, visitor, lang):
    response = visitor.get(url("sources:detail", lang, "jervis1978"))
    shown = texts(cite_box(response))
    assert list(shown) == list(STYLES)
    source = type(sample.jervis1978).objects.with_creators().get(pk=sample.jervis1978.pk)
    for style in STYLES:
        assert shown[style] == words(format_reference(source, style, lang).text), style
    assert "Jervis" in texts(cite_box(response))["apa"]


@pytest.mark.parametrize(
    "path", ["/en/concepts/security-dilemma/", "/zh-hant/cases/cold-war/", "/en/sources/lu2015/"]
)
def test_copy_buttons_are_real_buttons_named_by_their_style_and_hidden_until_js(
    dated, visitor, path
):
    box = cite_box(visitor.get(path))
    buttons = box.select("button.copy-button")
    assert len(buttons) == len(STYLES)
    for button, style in zip(buttons, STYLES.values(), strict=False):
        assert button["type"] == "button"
        assert button.has_attr("hidden")  # shown by copy.js; no dead button without JS
        assert box.find(id=button["data-copy-target"]) is not None
        assert button["data-copy-target"] == f"cite-{style.id}"
        assert str(style.label) in button.get_text()
        assert button["data-copied"] and button["data-copy-failed"]
        assert button["data-copy-status"] == "cite-status"
    names = [" ".join(b.get_text().split()) for b in buttons]
    assert len(set(names)) == len(names), "each button says which style it copies"
    status = box.find(id="cite-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"


def test_the_copy_script_is_a_static_file_loaded_with_the_csp_nonce(dated, visitor):
    response = visitor.get(url("concepts:detail", "en", "security-dilemma"))
    scripts = soup(response).select('script[src$="js/copy.js"]')
    assert len(scripts) == 1
    assert scripts[0].has_attr("defer")
    nonce = scripts[0]["nonce"]
    assert re.search(
        rf"script-src [^;]*'nonce-{re.escape(nonce)}'", response["Content-Security-Policy"]
    )
    assert finders.find("js/copy.js")


def test_an_editor_previewing_a_draft_sees_how_it_will_be_cited(sample, editor):
    response = editor.get(url("concepts:detail", "en", "secret-draft"))
    assert "Draft concept" in texts(cite_box(response))["apa"]


@pytest.mark.parametrize(
    ("lang", "other", "run"), [("en", "zh-Hant", "國關概念圖譜"), ("zh-hant", "en", "IR Atlas")]
)
def test_the_other_script_in_a_reference_carries_its_own_lang(dated, visitor, lang, other, run):
    box = cite_box(visitor.get(url("concepts:detail", lang, "security-dilemma")))
    for div in box.select("div.cite-text"):
        marked = [span.get_text() for span in div.select(f'span[lang="{other}"]')]
        assert run in marked, div


@pytest.mark.parametrize(
    ("markup", "lang", "expected"),
    [
        (
            "Lu, Y. (2015). <i>美國如何看待</i>. 科技部.",
            "en",
            'Lu, Y. (2015). <i><span lang="zh-Hant">美國如何看待</span></i>. '
            '<span lang="zh-Hant">科技部</span>.',
        ),
        (
            "盧業中（2015）。《美國》[How the &lt;US&gt; &amp; Japan]. http://x.org/a/",
            "zh-hant",
            '盧業中（2015）。《美國》[<span lang="en">How the</span> &lt;<span lang="en">US</span>'
            '&gt; &amp; <span lang="en">Japan</span>]. <span lang="en">http://x.org/a/</span>',
        ),
        ('<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>', "en", None),
    ],
)
def test_marking_the_other_script_keeps_markup_and_entities_intact(markup, lang, expected):
    marked = mark_other_script(markup, lang)
    assert marked == (markup if expected is None else expected)
    assert words(soup_of(marked).get_text()) == words(soup_of(markup).get_text())
