"""The search box's suggestions in a real browser: an ARIA combobox used with the keyboard,
and a plain search form when the suggestion is not taken."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_suggestions_are_offered_and_chosen_with_the_keyboard(world, open_tab, desktop):
    page = open_tab(desktop).goto("/en/")
    box = page.locator("#site-search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    with page.expect_response(lambda response: "q=secu" in response.url):
        box.press_sequentially("secu")
    listbox = page.locator("#site-search-suggestions")
    listbox.get_by_role("option").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.get_attribute("role") == "listbox"
    first = listbox.get_by_role("option").first
    assert "Security dilemma" in first.inner_text()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert listbox.is_hidden() and box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/en/concepts/security-dilemma/")


def test_enter_without_a_chosen_suggestion_submits_the_search(world, open_tab, desktop):
    page = open_tab(desktop).goto("/zh-hant/")
    box = page.locator("#site-search")
    box.fill("冷战")
    box.press("Enter")
    page.wait_for_url("**/zh-hant/search/?q=*")
    assert page.locator("ol.search-results h2 a").first.inner_text() == "冷戰"
