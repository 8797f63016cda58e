"""A real Chromium reads the concept page in both languages and switches between them."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.sample import build_sample

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def allow_orm_beside_playwright(monkeypatch):
    """Playwright's sync API runs an event loop in this thread; the ORM calls here are plain
    test set-up, so Django's async-safety guard would only get in the way (only in this module:
    the deploy check rightly refuses the variable)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is not installed: run `apt-get install chromium fonts-noto-cjk`.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def world():
    from django.utils import translation

    with translation.override("en"):
        return build_sample()


def test_concept_page_in_both_languages_and_language_switch(browser, live_server, world):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport=DESKTOP)

    page.goto(f"{live_server.url}/en/concepts/security-dilemma/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == "Security dilemma"
    page.screenshot(path=ARTIFACTS / "concept-en-desktop.png", full_page=True)

    page.locator(".language-switcher a[hreflang='zh-Hant']").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/zh-hant/concepts/security-dilemma/"
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("h1").inner_text().strip() == "安全困境"
    page.screenshot(path=ARTIFACTS / "concept-zh-hant-desktop.png", full_page=True)

    phone = browser.new_page(viewport=PHONE)
    phone.goto(f"{live_server.url}/zh-hant/concepts/security-dilemma/")
    assert phone.locator("h1").inner_text().strip() == "安全困境"
    phone.screenshot(path=ARTIFACTS / "concept-zh-hant-phone.png", full_page=True)
    # Nothing may be wider than a phone screen: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
