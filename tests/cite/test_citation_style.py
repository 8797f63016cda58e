"""The citation-style picker: on every page, remembered in a cookie, back to the page the reader
was on (never to another site), and a clear 400 for a style that does not exist."""

import pytest
from django.test import override_settings

from sources.cite.styles import STYLE_COOKIE, STYLES
from tests.helpers import soup, url

LANGS = ("en", "zh-hant")


def picker(page):
    return page.select_one("footer form.citation-style")


def choose(client, style, next_path, lang="en"):
    return client.get(url("sources:citation_style", lang), {"style": style, "next": next_path})


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_offers_the_styles_with_apa_chosen_by_default(visitor, sample, lang):
    path = f"/{lang}/cases/?region=global&tag=security"
    form = picker(soup(visitor.get(path)))

    assert form["method"] == "get"
    assert form["action"] == url("sources:citation_style", lang)
    select = form.find("select", attrs={"name": "style"})
    assert form.find("label", attrs={"for": select["id"]}) is not None
    assert [o["value"] for o in select.find_all("option")] == list(STYLES)
    assert select.find("option", selected=True)["value"] == "apa"
    # The page the reader is on, query string included, to come back to.
    assert form.find("input", attrs={"name": "next"})["value"] == path
    assert form.find("button", type="submit") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_choosing_a_style_remembers_it_and_returns_to_the_page(visitor, sample, lang):
    back = f"/{lang}/sources/?type=article-journal&year=1978"
    response = choose(visitor, "chicago-author-date", back, lang)

    assert response.status_code == 302
    assert response["Location"] == back
    cookie = response.cookies[STYLE_COOKIE]
    assert cookie.value == "chicago-author-date"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"

    page = soup(visitor.get(back))
    assert picker(page).find("option", selected=True)["value"] == "chicago-author-date"


def test_the_chosen_style_formats_references_and_citations(visitor, sample):
    concept = "/en/concepts/security-dilemma/"
    apa = soup(visitor.get(concept)).find(id="ref-jervis1978").get_text()
    choose(visitor, "modern-language-association", concept)
    mla = soup(visitor.get(concept)).find(id="ref-jervis1978").get_text()
    assert "(1978)" in apa and "(1978)" not in mla
    assert "vol. 30" in mla
    sources = soup(visitor.get("/en/sources/")).select(".reference")
    assert any("vol. 30" in r.get_text() for r in sources)


def test_reference_lists_elsewhere_link_each_title_to_its_source(visitor, sample):
    page = soup(visitor.get("/en/sources/"))
    references = page.select(".references .reference")
    assert references, "the sources list shows formatted references"
    jervis = next(r for r in references if "Jervis" in r.get_text())
    title = jervis.find("a", href="/en/sources/jervis1978/")
    assert "security dilemma" in title.get_text().casefold()


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_style_is_a_400_that_says_so_and_offers_the_choice(visitor, sample, lang):
    response = choose(visitor, "harvard-made-up", f"/{lang}/concepts/", lang)

    assert response.status_code == 400
    assert STYLE_COOKIE not in response.cookies
    page = soup(response)
    assert "harvard-made-up" in page.select_one("[role=alert]").get_text()
    form = page.select_one("main form.citation-style")
    assert form.find("input", attrs={"name": "next"})["value"] == f"/{lang}/concepts/"
    assert len(page.find_all("h1")) == 1


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "/\\evil.example/",
        "en/concepts/",
    ],
)
def test_next_to_another_site_is_refused_for_the_home_page(visitor, db, target):
    response = choose(visitor, "apa", target)

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert response.cookies[STYLE_COOKIE].value == "apa"


def test_without_a_style_the_page_offers_the_choice(visitor, sample):
    response = visitor.get(url("sources:citation_style", "en"), {"next": "/en/cases/"})
    assert response.status_code == 200
    assert soup(response).select_one("main form.citation-style") is not None


@override_settings(SESSION_COOKIE_SECURE=True)
def test_style_cookie_is_secure_where_other_cookies_are(visitor, db):
    assert choose(visitor, "apa", "/en/").cookies[STYLE_COOKIE]["secure"] is True


def test_a_forged_cookie_falls_back_to_apa(visitor, sample):
    visitor.cookies[STYLE_COOKIE] = "<script>"
    response = visitor.get("/en/sources/")
    assert response.status_code == 200
    assert picker(soup(response)).find("option", selected=True)["value"] == "apa"


def test_picker_page_query_count(visitor, db, django_assert_num_queries):
    """Choosing a style reads nothing from the database: the styles are fixed in code."""
    with django_assert_num_queries(0):
        choose(visitor, "apa", "/en/")
    with django_assert_num_queries(0):
        visitor.get(url("sources:citation_style", "en"))


def test_picker_pages_are_valid_html(visitor, sample, tmp_path):
    """The picker's own page and its 400 are not linked from anywhere the crawl goes, so the
    site-wide HTML check does not see them: they are checked here."""
    from tests.test_html_validity import describe, validate

    pages = {}
    for lang in LANGS:
        pages[f"choice ({lang})"] = visitor.get(url("sources:citation_style", lang)).content
        pages[f"400 ({lang})"] = choose(visitor, "nope", f"/{lang}/", lang).content
    messages = validate({k: v.decode() for k, v in pages.items()}, tmp_path)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(map(describe, errors))


def test_pages_in_the_readers_style_tell_caches_they_vary_by_cookie(visitor, sample):
    """A shared cache must not hand a Chicago reader the page it stored for an APA reader."""
    response = visitor.get("/en/sources/")
    assert "Cookie" in response.headers.get("Vary", "")
