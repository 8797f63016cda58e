"""The search page and the suggestions its box offers as you type."""

from django.core.paginator import InvalidPage
from django.http import Http404, JsonResponse
from django.shortcuts import render

from sources.cited import is_staff
from sources.collation import sorted_by_label
from sources.i18n import active_language
from sources.models import Tag
from sources.search.forms import SearchForm
from sources.search.service import search, suggest
from sources.search.text import is_cjk

PER_PAGE = 20
# Linked from the empty page: one of each kind of query a student types, with its language.
EXAMPLES = (
    ("同盟", "zh-Hant"),
    ("冷战", "zh-Hans"),
    ("安全兩難", "zh-Hant"),
    ("security dilemma", "en"),
    ("Jervis 1978", "en"),
    ("10.2307/2009958", "en"),
)


def query_lang(query: str) -> str:
    """The language a query is probably in, for the `lang` of the page's echo of it."""
    return "zh" if any(map(is_cjk, query)) else "en"


def search_page(request):
    form = SearchForm(request.GET, tags=sorted_by_label(Tag.objects.all()))
    context = {"form": form, "results": None, "examples": EXAMPLES}
    if not form.is_valid():
        return render(request, "search/results.html", context, status=400)
    data = form.cleaned_data
    if data["q"]:
        try:
            results = search(
                data["q"],
                lang=active_language(),
                include_unpublished=is_staff(request),
                kind=data["type"] or None,
                tag=data["tag"] or None,
                period=data["period"] or None,
                page=request.GET.get("page") or 1,
                per_page=PER_PAGE,
            )
        except InvalidPage:
            raise Http404("No such page") from None
        context.update(results=results, page=results.page, query_lang=query_lang(data["q"]))
    return render(request, "search/results.html", context)


def suggestions(request):
    """JSON for the search box: {"query": …, "suggestions": [{type, label, title, url}]}."""
    query = request.GET.get("q", "")
    found = suggest(query, active_language(), include_unpublished=is_staff(request))
    return JsonResponse(
        {
            "query": query[:200],
            "suggestions": [
                {"type": r.kind, "label": r.label, "title": r.title, "url": r.url} for r in found
            ],
        }
    )
