"""GET /api/search and /api/v1/search: the search page's results as JSON, in the same order,
from the same service (sources.search.service.search) with the same filters."""

from html import unescape
from typing import Annotated

from django.core.paginator import InvalidPage
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from ninja import Query

from config.api import envelopes
from config.api.errors import ApiError
from config.api.links import API_LANG, Links
from config.api.pagination import MAX_PAGE_SIZE, PAGE_SIZE, PageNumber, page_url
from sources.search.query import MAX_CHARS, clean
from sources.search.service import search

SITE_LANG = {api: site for site, api in API_LANG.items()}

Q = Annotated[str, Query(..., max_length=MAX_CHARS, description="What to look for; may be empty.")]
Lang = Annotated[
    envelopes.SearchLang,
    Query("zh-Hant", description="The language of titles, URLs, labels and snippets."),
]
Type = Annotated[envelopes.SearchType | None, Query(None, description="Only this type.")]
Tag = Annotated[
    str | None,
    Query(None, max_length=100, pattern=r"^[-\w]+$", description="Only pages with this tag."),
]
Period = Annotated[
    envelopes.SearchPeriod | None, Query(None, description="Only cases that began in it.")
]
# The search page shows 20 results a page; the API lets a client ask for up to 100.
PageSize = Annotated[int, Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)]


def _hit(result, links: Links) -> dict:
    return {
        "type": result.kind,
        "label": result.label,
        "title": str(result.title),
        "title_lang": API_LANG[result.title.lang],
        "subtitle": result.subtitle,
        "url": links.absolute(result.url),
        "snippet": _plain(result.snippet),
        "snippet_html": str(result.snippet),
        "snippet_lang": API_LANG.get(result.snippet_lang, "en"),
        "score": result.score,
        "identified": result.identified,
    }


def _plain(html: str) -> str:
    return unescape(strip_tags(html))


def search_view(
    request,
    q: Q,
    lang: Lang = "zh-Hant",
    type: Type = None,
    tag: Tag = None,
    period: Period = None,
    page: PageNumber = 1,
    page_size: PageSize = PAGE_SIZE,
):
    """Concepts, cases, sources and people matching `q`, best first: the search page's results.
    Chinese in either script, English with stemming and typos, DOIs, ISBNs, citation keys and
    "author year" all work; only published pages are found."""
    site_lang = SITE_LANG[lang]
    # Labels (and corrections) read in the language asked for, whatever the browser sends.
    with translation.override(site_lang):
        try:
            found = search(
                clean(q),
                lang=site_lang,
                include_unpublished=False,
                kind=type,
                tag=tag,
                period=period,
                page=page,
                per_page=page_size,
            )
        except InvalidPage:
            raise ApiError(404, "page_not_found", _("There is no such page of results.")) from None
        links = Links.for_request(request)
        current = found.page
        return {
            "query": found.query,
            "corrected": found.corrected,
            "lang": lang,
            "count": found.total,
            "page": current.number,
            "page_size": page_size,
            "next": page_url(request, current.next_page_number()) if current.has_next() else None,
            "previous": (
                page_url(request, current.previous_page_number())
                if current.has_previous()
                else None
            ),
            "results": [_hit(result, links) for result in found.results],
        }


def add_routes(api, v1, operation) -> None:
    """The search, at /api/v1/search and (as the issue promises) at /api/search."""
    errors = {400: envelopes.ErrorOut, 404: envelopes.ErrorOut}
    operation(v1, "/search", envelopes.SearchPage, "search", errors)(search_view)
    operation(api.default_router, "/search", envelopes.SearchPage, "search-latest", errors)(
        search_view
    )
