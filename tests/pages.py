"""Finding the site's pages by crawling from the home page, as a visitor would.

Suites that must cover every page type (crawl, browser, accessibility, HTML validity,
security) use `page_types`, so a page type added later is covered without anyone listing it.
"""

from urllib.parse import urldefrag, urlparse

from bs4 import BeautifulSoup
from django.urls import Resolver404, resolve

SKIP_PREFIXES = ("/admin/", "/static/")


def internal_links(html: bytes | str) -> list[str]:
    """The site-internal links of a page (paths, no fragment), in document order."""
    links = []
    for a in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        href = urldefrag(a["href"])[0]
        parsed = urlparse(href)
        if parsed.scheme or parsed.netloc or not href.startswith("/"):
            continue
        if not href.startswith(SKIP_PREFIXES):
            links.append(href)
    return links


def crawl(client, start: str, limit: int = 2000) -> dict[str, object]:
    """Every page reachable from `start` by internal links: {url: response}.

    Every response must be a 200 (after redirects); the caller asserts what it needs. Links to
    downloads (BibTeX, RIS…) are followed and checked but are not pages, so not returned."""
    seen, queue, pages = set(), [start], {}
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url} gave {response.status_code}"
        if "text/html" in response["Content-Type"]:
            pages[url] = response
            queue.extend(internal_links(response.content))
    return pages


def page_type(url: str) -> str:
    """The URL pattern a page belongs to ("concepts:detail"), with its query keys, so that
    /en/cases/?region=europe and /en/cases/ count as two types of page."""
    path, _sep, query = url.partition("?")
    try:
        name = resolve(path).view_name
    except Resolver404:
        name = path
    keys = sorted({pair.split("=")[0] for pair in query.split("&") if pair})
    return f"{name}?{'&'.join(keys)}" if keys else name


def page_types(client, lang: str) -> dict[str, str]:
    """One URL per page type reachable from the home page in `lang`: {type: url}."""
    found: dict[str, str] = {}
    for url in sorted(crawl(client, f"/{lang}/")):
        if url.startswith(f"/{lang}/"):
            found.setdefault(page_type(url), url)
    return found
