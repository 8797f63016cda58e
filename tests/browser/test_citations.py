"""In-text citations in a real Chromium: the full reference appears on hover and on keyboard
focus without any script, stays on a 320 px screen, and passes axe while shown; the style
picker works as a plain form and brings the reader back to the same page."""

import pytest

from concepts.models import Concept
from sources.cite.styles import STYLE_COOKIE
from tests.browser.conftest import DESKTOP, NARROW
from tests.browser.test_accessibility import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONCEPT = "/en/concepts/security-dilemma/"
STYLES = ("apa", "chicago-notes-bibliography", "china-national-standard-gb-t-7714-2015-numeric")
BODY = "Herz coined the term [see @herz1950, p. 157; @lu2015]. @jervis1978 [p. 170] agrees."
VISIBLE_BOX = """(el) => {
  const box = el.getBoundingClientRect();
  return {left: box.left, right: box.right, width: box.width, height: box.height};
}"""


@pytest.fixture
def cited_world(world):
    Concept.objects.filter(pk=world.security_dilemma.pk).update(body_en=BODY)
    return world


def with_style(context, live_server, style):
    context.clear_cookies()
    context.add_cookies([{"name": STYLE_COOKIE, "value": style, "url": live_server.url}])


@pytest.mark.parametrize("style", STYLES)
def test_reference_shows_on_keyboard_focus_and_hover_within_a_320_px_screen(
    cited_world, open_tab, browser, live_server, axe_source, style
):
    context = browser.new_context(viewport=NARROW, java_script_enabled=False)
    try:
        with_style(context, live_server, style)
        page = open_tab(context).goto(CONCEPT)
        links = page.locator(".prose .cite-ref > sup > a, .prose .cite-ref > a")
        assert links.count() >= 2
        for n in range(links.count()):
            link = links.nth(n)
            tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
            assert not tip.is_visible()
            link.focus()
            assert tip.is_visible(), f"citation {n} shows nothing on focus"
            box = tip.evaluate(VISIBLE_BOX)
            assert box["left"] >= 0 and box["right"] <= NARROW["width"], box
            assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
            link.blur()
        first = links.first
        page.mouse.move(0, 0)
        first.hover()
        assert page.locator(f"#{first.get_attribute('aria-describedby')}").is_visible()
    finally:
        context.close()

    # axe with a tooltip showing (axe needs script; the page itself does not).
    context = browser.new_context(viewport=DESKTOP)
    try:
        with_style(context, live_server, style)
        page = open_tab(context).goto(CONCEPT)
        page.locator(".prose .cite-ref a").first.focus()
        violations = axe_violations(page, axe_source)
        assert not violations, describe(violations)
    finally:
        context.close()


def test_citation_link_leads_to_its_entry_in_the_reference_list(
    cited_world, open_tab, desktop, live_server
):
    with_style(desktop, live_server, "apa")
    page = open_tab(desktop).goto(CONCEPT)
    page.locator(".prose .cite-ref > a[href='#ref-lu2015']").click()
    assert page.url.endswith("#ref-lu2015")
    assert page.locator("#ref-lu2015").evaluate("(li) => li.matches(':target')")
    desktop.clear_cookies()


def test_style_picker_works_without_javascript_and_keeps_the_page(cited_world, open_tab, browser):
    context = browser.new_context(viewport=NARROW, java_script_enabled=False)
    try:
        page = open_tab(context).goto("/en/cases/?region=americas")
        form = page.locator("footer form.citation-style")
        form.get_by_label("Citation style").select_option("chicago-author-date")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert page.url.endswith("/en/cases/?region=americas")
        selected = page.locator("footer form.citation-style select").input_value()
        assert selected == "chicago-author-date"
    finally:
        context.close()


def test_picker_page_has_no_wcag_violations(world, open_tab, desktop, axe_source):
    page = open_tab(desktop).goto("/en/citation-style/?next=/en/cases/")
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)
