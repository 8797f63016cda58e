"""Reading search results the way a person does: which pages, in which order."""

from sources.search.service import search

KINDS = {"concepts": "concept", "cases": "case", "sources": "source", "people": "person"}


def page_of(url: str) -> str:
    """The page a result URL names: /en/concepts/security-dilemma/ is concept:security-dilemma."""
    parts = url.strip("/").split("/")
    return f"{KINDS[parts[1]]}:{parts[2]}"


def found(query: str, lang: str = "en", **filters) -> list[str]:
    """The pages a search returns, best first (the first page of results)."""
    return [page_of(r.url) for r in search(query, lang=lang, **filters).results]
