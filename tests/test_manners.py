"""Good manners of every public page: it prints cleanly, loads no web fonts, fits a phone's
screen, its filters work without JavaScript, images have alt text, and nothing runs inline.

The site uses system fonts only (system-ui, then Noto CJK and the platforms' own Chinese
fonts), so there is nothing to download and no layout shift when a web font arrives."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.templatetags.static import static
from django.test import RequestFactory
from django.utils import translation

from config.views import server_error
from tests.chromium import launched_chromium
from tests.pages import crawl
from tests.sample import build_sample

LANGS = ("en", "zh-hant")
STATIC = Path(settings.BASE_DIR) / "static"
VIEWPORT = "width=device-width, initial-scale=1"
# List pages in their other states: filtered, and refusing a bad filter (400, error list).
VARIANTS = (
    "/{lang}/cases/?region=global",
    "/{lang}/cases/?region=atlantis",
    "/{lang}/sources/?year=abc",
    "/{lang}/no-such-page/",
)


def public_pages(client) -> dict[str, tuple[BeautifulSoup, str]]:
    """Every public page in both languages with the error pages: {label: (html, CSP header)}."""
    responses = {}
    for lang in LANGS:
        responses.update(crawl(client, f"/{lang}/"))
        for url in VARIANTS:
            responses[url.format(lang=lang)] = client.get(url.format(lang=lang))
        with translation.override(lang):
            responses[f"500 page ({lang})"] = server_error(RequestFactory().get(f"/{lang}/"))
    assert len(responses) >= 40, sorted(responses)
    return {
        label: (
            BeautifulSoup(r.content, "html.parser"),
            r.headers.get("Content-Security-Policy", ""),
        )
        for label, r in responses.items()
    }


def stylesheet_rules(css: str, media: str) -> list[tuple[list[str], str]]:
    """(selectors, declarations) of the rules inside `@media <media> { … }`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    start = css.index("{", css.index(f"@media {media}")) + 1
    depth, end = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        end += 1
    return [
        ([s.strip() for s in selectors.split(",")], body)
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css[start : end - 1])
    ]


def test_print_stylesheet_hides_navigation_footer_and_filters():
    css = (STATIC / "css" / "site.css").read_text(encoding="utf-8")
    assert "@media print" in css, "site.css has no print stylesheet"
    hidden = {
        selector
        for selectors, body in stylesheet_rules(css, "print")
        if re.search(r"display\s*:\s*none", body)
        for selector in selectors
    }
    for part in (".site-header nav", ".site-footer", ".filters", ".pagination", ".skip-link"):
        assert part in hidden, f"{part} still prints; hidden in print: {sorted(hidden)}"


def test_no_web_fonts_are_loaded(visitor, sample):
    for css_file in STATIC.rglob("*.css"):
        css = css_file.read_text(encoding="utf-8")
        for rule in ("@font-face", "@import"):
            assert rule not in css, f"{css_file.name} uses {rule}"
    for label, (html, _csp) in public_pages(visitor).items():
        for link in html.find_all("link"):
            rel = link.get("rel", [])
            assert rel in (["stylesheet"], ["alternate"], ["canonical"]), f"{label}: {link}"
            if rel == ["stylesheet"]:
                assert link["href"].startswith(static("")), f"{label}: {link}"
                assert link["href"].endswith(".css"), f"{label}: {link}"
        for style in html.find_all("style"):
            assert "@font-face" not in style.get_text(), label


def test_every_page_fits_the_width_of_a_phone(visitor, sample):
    for label, (html, _csp) in public_pages(visitor).items():
        viewports = html.find_all("meta", attrs={"name": "viewport"})
        assert [m["content"] for m in viewports] == [VIEWPORT], label


def is_labelled(control, html) -> bool:
    if control.get("aria-label", "").strip() or control.get("aria-labelledby"):
        return True
    if control.find_parent("label") is not None:
        return control.find_parent("label").get_text(strip=True) != ""
    label = control.get("id") and html.find("label", attrs={"for": control["id"]})
    return bool(label and label.get_text(strip=True))


def test_filter_forms_are_plain_get_forms_that_work_without_javascript(visitor, sample):
    forms = 0
    for label, (html, _csp) in public_pages(visitor).items():
        for form in html.find_all("form"):
            forms += 1
            assert form.get("method", "get").lower() == "get", f"{label}: {form.get('method')}"
            submits = form.select("button:not([type]), button[type=submit], input[type=submit]")
            assert submits, f"{label}: a filter form without a submit button"
            for control in form.find_all(["input", "select", "textarea"]):
                if control.get("type") in ("hidden", "submit", "button"):
                    continue
                assert is_labelled(control, html), f"{label}: unlabelled {control.get('name')}"
    # The concept, case and source lists each have one, in both languages.
    assert forms >= 6


def test_images_have_alt_text(visitor, sample):
    for label, (html, _csp) in public_pages(visitor).items():
        for image in html.find_all(["img", "area"]) + html.select("input[type=image]"):
            assert image.has_attr("alt"), f"{label}: {image} has no alt text"


def test_nothing_runs_inline_without_a_nonce(visitor, sample):
    for label, (html, csp) in public_pages(visitor).items():
        for element in html.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, f"{label}: inline event handler on <{element.name}> {handlers}"
            # The Content-Security-Policy allows no inline styles either.
            assert not element.has_attr("style"), f"{label}: inline style on {element.name}"
            for attribute in ("href", "src", "action", "formaction"):
                value = element.get(attribute, "")
                assert not value.strip().lower().startswith("javascript:"), label
        for script in html.find_all("script"):
            if script.has_attr("src"):
                continue
            nonce = script.get("nonce", "")
            assert nonce and f"'nonce-{nonce}'" in csp, f"{label}: inline script without nonce"


# In a real browser: what a page looks like on paper, and filtering with JavaScript off.


@pytest.fixture
def chromium(monkeypatch):
    """Chromium through Playwright; fails (never skips) when either is missing."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls are test set-up.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with launched_chromium() as browser:
        yield browser


@pytest.fixture
def world(transactional_db):
    with translation.override("en"):
        return build_sample()


@pytest.mark.browser
def test_case_list_prints_without_navigation_and_filters(chromium, live_server, world):
    page = chromium.new_page()
    page.goto(f"{live_server.url}/en/cases/")
    page.emulate_media(media="print")
    for hidden in (".site-header nav", ".filters", ".site-footer", ".skip-link"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    assert page.locator("h1").is_visible()
    assert page.get_by_role("link", name="Cold War").is_visible()
    # No font was declared or fetched: the text is set in the system's fonts from the start.
    assert page.evaluate("document.fonts.size") == 0


@pytest.mark.browser
def test_filters_and_language_switch_work_with_javascript_off(chromium, live_server, world):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/cases/")
    page.get_by_label("Region").select_option("americas")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "region=americas" in page.url
    assert page.get_by_role("link", name="Cuban Missile Crisis").is_visible()
    assert page.get_by_role("link", name="Cold War").count() == 0

    page.goto(f"{live_server.url}/en/sources/")
    page.get_by_label("Author").select_option("glenn-h-snyder")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "author=glenn-h-snyder" in page.url
    assert page.get_by_text("The Security Dilemma in Alliance Politics").is_visible()
    assert page.get_by_text("Cooperation under the Security Dilemma").count() == 0

    page.locator(".language-switcher a[hreflang='zh-Hant']").click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/zh-hant/sources/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    context.close()
