"""Site-wide guards: starting from the home page in each language, every internal link works
and every page has one <h1>, a <title>, a meta description and hreflang alternates."""

import pytest

from tests.helpers import soup
from tests.pages import crawl, page_types


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_every_page_reachable_from_home_works_and_is_well_formed(visitor, sample, lang):
    pages = {url: soup(r) for url, r in crawl(visitor, f"/{lang}/").items()}
    # Every page type is reachable from the home page.
    for path in (
        f"/{lang}/concepts/",
        f"/{lang}/concepts/security-dilemma/",
        f"/{lang}/cases/",
        f"/{lang}/cases/cold-war/",
        f"/{lang}/cases/actors/united-states/",
        f"/{lang}/sources/",
        f"/{lang}/sources/jervis1978/",
        f"/{lang}/people/",
        f"/{lang}/people/robert-jervis/",
        f"/{lang}/tags/",
        f"/{lang}/tags/security/",
    ):
        assert any(url.split("?")[0] == path for url in pages), f"{path} not linked from home"
    for url, html in pages.items():
        assert len(html.find_all("h1")) == 1, f"{url} must have exactly one <h1>"
        assert html.title and html.title.string.strip(), f"{url} has no <title>"
        description = html.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), f"{url} has no description"
        hreflangs = {link["hreflang"] for link in html.find_all("link", hreflang=True)}
        assert hreflangs == {"zh-Hant", "en"}, url
        assert html.html["lang"] == ("en" if url.startswith("/en/") else "zh-Hant"), url


def test_drafts_are_never_linked_for_visitors(visitor, sample):
    pages = {url: soup(r) for url, r in crawl(visitor, "/en/").items()}
    assert not any("secret-draft" in url or "draft-case" in url for url in pages)
    for html in pages.values():
        assert "Draft concept" not in html.get_text()


def test_every_page_type_is_found_in_both_languages(visitor, sample):
    en, zh = page_types(visitor, "en"), page_types(visitor, "zh-hant")
    assert set(en) == set(zh)
    for name in (
        "home",
        "concepts:list",
        "concepts:detail",
        "cases:detail",
        "cases:actor",
        "sources:detail",
        "sources:person",
        "tags:detail",
    ):
        assert name in en, name
