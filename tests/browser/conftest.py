"""Fixtures for the browser suite: one Chromium for the whole package, one browser context
per screen width, the `sample` world served by pytest-django's live server, and axe-core.

Missing tools fail loudly: a browser suite that skips would hide every accessibility bug."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.chromium import launched_chromium
from tests.pages import page_types
from tests.sample import build_sample

ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
LANGS = ["en", "zh-hant"]
PHONE = {"width": 360, "height": 740}
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="package", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in the test thread; the ORM calls here are
    plain set-up, so Django's async-safety guard would only get in the way. Package-scoped,
    so the rest of the suite (and the deploy check, which refuses the variable) never sees it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(allow_orm_beside_playwright):
    with launched_chromium() as chromium:
        yield chromium


def _context(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(scope="package")
def phone(browser):
    context = _context(browser, viewport=PHONE)
    yield context
    context.close()


@pytest.fixture(scope="package")
def narrow(browser):
    context = _context(browser, viewport=NARROW)
    yield context
    context.close()


@pytest.fixture(scope="package")
def desktop(browser):
    context = _context(browser, viewport=DESKTOP)
    yield context
    context.close()


@pytest.fixture(scope="package")
def axe_source():
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make node_modules/.installed` (needs npm).")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def world(transactional_db):
    """The `sample` world, committed so that the live server's thread can read it."""
    with translation.override("en"):
        return build_sample()


_page_types = {}


@pytest.fixture
def pages(world, client):
    """{lang: {page type: path}} for every page type reachable from each home page. The
    crawl is the same for every test (the world is rebuilt identically), so it runs once."""
    if not _page_types:
        _page_types.update({lang: page_types(client, lang) for lang in LANGS})
    return _page_types


class Tab:
    """A page that records console errors and uncaught exceptions while it is open."""

    def __init__(self, context, base_url):
        self.page = context.new_page()
        self.base_url = base_url
        self.errors = []
        self.page.on(
            "console",
            lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"),
        )
        self.page.on("pageerror", lambda exc: self.errors.append(f"exception: {exc}"))

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, f"{path} gave {response and response.status}"
        return self.page


@pytest.fixture
def open_tab(live_server):
    """open_tab(context) -> Tab on the live server; closed when the test ends."""
    tabs = []

    def opener(context):
        tabs.append(Tab(context, live_server.url))
        return tabs[-1]

    yield opener
    for tab in tabs:
        tab.page.close()


def screenshot_path(lang, page_type, width):
    ARTIFACTS.mkdir(exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", page_type.lower()).strip("-")
    return ARTIFACTS / f"{lang}-{slug}-{width}.png"
