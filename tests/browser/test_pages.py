"""Every page type in both languages in a real Chromium, at phone and desktop widths; the
language switcher; and the site without JavaScript, in print and on a 320 px screen."""

import pytest

from tests.browser.conftest import DESKTOP, LANGS, NARROW, PHONE, screenshot_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCROLL_WIDTH = "document.documentElement.scrollWidth"
# Copy buttons are controls a script reveals (the HTML has them hidden), not content.
HIDE_SCRIPT_CONTROLS = """() => document.querySelectorAll("button[data-copy-target]")
  .forEach((button) => { button.hidden = true; })"""


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_loads_cleanly_on_phone_and_desktop(pages, open_tab, phone, desktop, lang):
    html_lang = {"en": "en", "zh-hant": "zh-Hant"}[lang]
    for context, size in ((phone, PHONE), (desktop, DESKTOP)):
        tab = open_tab(context)
        for page_type, path in pages[lang].items():
            page = tab.goto(path)
            assert page.locator("html").get_attribute("lang") == html_lang, path
            assert page.locator("h1").count() == 1, f"{path} must have exactly one <h1>"
            assert page.locator("h1").inner_text().strip(), f"{path} has an empty <h1>"
            assert page.evaluate(SCROLL_WIDTH) <= size["width"], f"{path} scrolls sideways"
            page.screenshot(path=screenshot_path(lang, page_type, size["width"]), full_page=True)
        assert not tab.errors, tab.errors


def test_no_page_type_scrolls_sideways_at_320_px(pages, open_tab, narrow):
    tab = open_tab(narrow)
    too_wide = {}
    for lang in LANGS:
        for path in pages[lang].values():
            width = tab.goto(path).evaluate(SCROLL_WIDTH)
            if width > NARROW["width"]:
                too_wide[path] = width
    assert not too_wide, f"wider than 320 px: {too_wide}"


def test_keyboard_user_switches_a_concept_page_to_chinese_and_back(world, open_tab, desktop):
    tab = open_tab(desktop)
    page = tab.goto("/en/concepts/security-dilemma/")
    assert page.locator("h1").inner_text().strip() == "Security dilemma"

    def switch_by_keyboard(hreflang):
        link = page.locator(f".language-switcher a[hreflang='{hreflang}']")
        for _ in range(40):
            page.keyboard.press("Tab")
            if link.evaluate("(a) => a === document.activeElement"):
                break
        else:
            pytest.fail(f"Tab never reached the {hreflang} link of the language switcher")
        with page.expect_navigation():
            page.keyboard.press("Enter")

    switch_by_keyboard("zh-Hant")
    assert page.url == f"{tab.base_url}/zh-hant/concepts/security-dilemma/"
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("h1").inner_text().strip() == "安全困境"

    switch_by_keyboard("en")
    assert page.url == f"{tab.base_url}/en/concepts/security-dilemma/"
    assert page.locator("h1").inner_text().strip() == "Security dilemma"
    assert not tab.errors, tab.errors


def test_every_page_type_reads_fully_without_javascript(pages, open_tab, browser, desktop):
    """The same content with JavaScript off as with it on: nothing needs a script to show."""
    no_js = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        with_js, without_js = open_tab(desktop), open_tab(no_js)
        for lang in LANGS:
            for path in pages[lang].values():
                shown = with_js.goto(path)
                shown.evaluate(HIDE_SCRIPT_CONTROLS)
                expected = shown.locator("main").inner_text()
                page = without_js.goto(path)
                assert page.locator("h1").count() == 1, path
                assert page.locator("main").inner_text() == expected, path
    finally:
        no_js.close()


@pytest.mark.parametrize(
    ("path", "choose", "expected", "absent"),
    [
        ("/en/concepts/", {"Tag": "alliances"}, "Alliance dilemma", "Security dilemma"),
        ("/en/cases/", {"Region": "americas"}, "Cuban Missile Crisis", "Cold War"),
    ],
)
def test_filters_work_as_plain_forms_without_javascript(
    world, open_tab, browser, path, choose, expected, absent
):
    no_js = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = open_tab(no_js).goto(path)
        form = page.locator("main form.filters")
        for label, value in choose.items():
            form.get_by_label(label).select_option(value)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        for label, value in choose.items():
            assert f"{label.lower()}={value}" in page.url
        results = page.locator("main").get_by_role("link")
        assert results.filter(has_text=expected).count() >= 1
        assert results.filter(has_text=absent).count() == 0
    finally:
        no_js.close()


@pytest.mark.parametrize("lang", LANGS)
def test_printed_pages_leave_out_navigation_and_footer(pages, open_tab, desktop, lang):
    tab = open_tab(desktop)
    tab.page.emulate_media(media="print")
    for path in pages[lang].values():
        page = tab.goto(path)
        assert page.locator("main h1").is_visible(), path
        for selector in ("body > header nav", "body > footer", ".skip-link", "form.filters"):
            hidden = page.locator(selector).evaluate_all(
                "(els) => els.every((el) => !el.checkVisibility())"
            )
            assert hidden, f"{selector} is printed on {path}"
