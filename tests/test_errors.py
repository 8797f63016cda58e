"""The 404 and 500 pages: friendly, in the reader's language, with a way back in."""

import copy

import pytest
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.test import Client, override_settings
from django.urls import path
from django.utils import translation

from config import urls as config_urls
from config.views import server_error
from tests.helpers import soup as soup_of


def boom(request):
    raise RuntimeError("a bug")


def broken_context_processor(request):
    raise RuntimeError("the context processor itself is broken")


# This module doubles as a URLconf: the site's URLs plus one view that fails.
urlpatterns = [*config_urls.urlpatterns, *i18n_patterns(path("boom/", boom))]
handler404 = config_urls.handler404
handler500 = config_urls.handler500


def links(soup):
    return {a["href"] for a in soup.select("main a")}


@override_settings(DEBUG=False)
@pytest.mark.parametrize(("lang", "heading"), [("en", "Page not found"), ("zh-hant", "頁面")])
def test_missing_page_is_a_friendly_404_in_the_language_of_the_url(visitor, db, lang, heading):
    response = visitor.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert heading in soup.h1.get_text()
    assert soup.html["lang"] == ("en" if lang == "en" else "zh-Hant")
    assert {f"/{lang}/", f"/{lang}/concepts/", f"/{lang}/cases/"} <= links(soup)


@override_settings(DEBUG=False)
def test_missing_concept_uses_the_same_404_page(visitor, sample):
    response = visitor.get("/en/concepts/secret-draft/")
    assert response.status_code == 404
    assert soup_of(response).h1.get_text() == "Page not found"


@pytest.mark.urls("tests.test_errors")
@override_settings(DEBUG=False)
@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_server_error_shows_a_friendly_500_with_links_home(db, lang):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{lang}/boom/")
    assert response.status_code == 500
    soup = soup_of(response)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == ("en" if lang == "en" else "zh-Hant")
    assert {f"/{lang}/", f"/{lang}/concepts/"} <= links(soup)


def _templates_with_a_broken_context_processor():
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(
        "tests.test_errors.broken_context_processor"
    )
    return templates


@pytest.mark.urls("tests.test_errors")
def test_500_page_renders_even_when_context_processors_fail(db):
    with override_settings(DEBUG=False, TEMPLATES=_templates_with_a_broken_context_processor()):
        response = Client(raise_request_exception=False).get("/en/boom/")
    assert response.status_code == 500
    assert soup_of(response).h1.get_text() == "Something went wrong"


def test_server_error_view_needs_no_request_context(rf):
    with translation.override("en"):
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert soup_of(response).h1.get_text() == "Something went wrong"


def test_the_site_uses_these_handlers():
    assert config_urls.handler404 == "config.views.page_not_found"
    assert config_urls.handler500 == "config.views.server_error"


def test_the_favicon_browsers_ask_for_is_served(client):
    """Browsers fetch /favicon.ico by themselves; a 404 there is a console error on every page."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
