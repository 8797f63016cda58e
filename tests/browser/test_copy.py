"""The copy buttons of “Cite this page”, “Cite this source” and the citation lookup: reached by
Tab, pressed with Enter or Space, they put the reference on the clipboard and say so in the
live region; without JavaScript there is no button, and the reference is still there to select."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, LANGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE_IS = "(el) => el === document.activeElement"


@pytest.fixture
def clipboard(browser):
    """A desktop browser context allowed to read the clipboard, so the test can check it."""
    context = browser.new_context(
        viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


def tab_to(page, locator, limit=300):
    """Press Tab until `locator` has focus, as a keyboard user would reach it."""
    for _ in range(limit):
        if locator.evaluate(ACTIVE_IS):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def clipboard_text(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def script_errors(tab) -> list[str]:
    """Exceptions, refused scripts and failed loads, as Chromium reports them."""
    return list(tab.errors)


def shown_text(locator) -> str:
    return " ".join(locator.inner_text().split())


@pytest.mark.parametrize("lang", LANGS)
def test_cite_this_page_copies_by_keyboard_and_announces_it(world, open_tab, clipboard, lang):
    tab = open_tab(clipboard)
    page = tab.goto(f"/{lang}/concepts/security-dilemma/")
    status = page.locator("#cite-status")
    apa = page.locator('button[data-copy-target="cite-apa"]')
    assert apa.is_visible()  # copy.js shows the buttons

    tab_to(page, apa)
    page.keyboard.press("Enter")
    expect(status).to_have_text(apa.get_attribute("data-copied"))
    assert clipboard_text(page) == shown_text(page.locator("#cite-apa"))

    # The other styles are folded: open them from the keyboard, then copy one with Space.
    summary = page.locator("details.cite-more summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    mla = page.locator('button[data-copy-target="cite-modern-language-association"]')
    tab_to(page, mla)
    page.keyboard.press("Space")
    expect(status).to_have_text(mla.get_attribute("data-copied"))
    assert clipboard_text(page) == shown_text(page.locator("#cite-modern-language-association"))
    assert "IR Atlas" in clipboard_text(page)
    assert not script_errors(tab), tab.errors  # the JSON-LD block raises no CSP complaint


def test_lookup_results_copy_their_reference(world, open_tab, clipboard):
    tab = open_tab(clipboard)
    page = tab.goto("/en/citations/?q=Jervis+1978")
    button = page.locator('button[data-copy-target="ref-jervis1978"]')
    tab_to(page, button)
    page.keyboard.press("Enter")
    expect(page.locator("#lookup-status")).to_have_text(button.get_attribute("data-copied"))
    assert clipboard_text(page).startswith("Jervis")
    assert clipboard_text(page) == shown_text(page.locator("#ref-jervis1978"))
    assert not script_errors(tab), tab.errors


def test_without_javascript_there_is_no_button_and_the_text_can_be_selected(
    world, open_tab, browser
):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = open_tab(context).goto("/en/sources/jervis1978/")
        assert page.locator("button.copy-button").count() == 6
        assert not page.locator("button.copy-button").first.is_visible()
        reference = page.locator("#cite-apa")
        assert reference.is_visible()
        assert "Jervis" in reference.inner_text()
        assert reference.evaluate("(el) => getComputedStyle(el).userSelect") != "none"
    finally:
        context.close()
