"""Site-wide guards: starting from the home page in each language, every internal link works
and every page has one <h1>, a <title>, a meta description and hreflang alternates."""

from urllib.parse import urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup

SKIP_PREFIXES = ("/admin/", "/static/")


def crawl(client, start):
    seen, queue, pages = set(), [start], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} gave {response.status_code}"
        if "text/html" not in response["Content-Type"]:
            continue
        soup = BeautifulSoup(response.content, "html.parser")
        pages[url] = soup
        for a in soup.find_all("a", href=True):
            href = urldefrag(a["href"])[0]
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc or not href.startswith("/"):
                continue
            if href.startswith(SKIP_PREFIXES):
                continue
            queue.append(href)
    return pages


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_every_page_reachable_from_home_works_and_is_well_formed(visitor, sample, lang):
    pages = crawl(visitor, f"/{lang}/")
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
    for url, soup in pages.items():
        assert len(soup.find_all("h1")) == 1, f"{url} must have exactly one <h1>"
        assert soup.title and soup.title.string.strip(), f"{url} has no <title>"
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), f"{url} has no description"
        hreflangs = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
        assert hreflangs == {"zh-Hant", "en"}, url
        assert soup.html["lang"] == ("en" if url.startswith("/en/") else "zh-Hant"), url


def test_drafts_are_never_linked_for_visitors(visitor, sample):
    pages = crawl(visitor, "/en/")
    assert not any("secret-draft" in url or "draft-case" in url for url in pages)
    for soup in pages.values():
        assert "Draft concept" not in soup.get_text()
