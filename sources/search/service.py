"""Search across every registered kind of page: the service behind the search page, its
suggestions and the JSON API.

Each database's full-text index finds a bounded set of candidates, titles and alternative
names first; the final order is decided in Python (sources.search.ranking), so both databases
give the same results.
"""

from dataclasses import dataclass, field
from operator import itemgetter

from django.core.paginator import Page, Paginator
from django.db.models import F, Value
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import GreaterThan
from django.utils.safestring import SafeString

from sources.i18n import Translated, other_language
from sources.periods import Period
from sources.search import registry, typos
from sources.search.backends import Match, matching
from sources.search.models import SearchDocument
from sources.search.query import Query, parse
from sources.search.ranking import (
    Candidate,
    body_flag,
    body_pattern,
    pinned,
    score,
    sort_key,
    unit_found,
)
from sources.search.snippets import Highlighter, marked, snippet
from sources.search.text import is_cjk, key_token, stem

# Candidates fetched per stage: enough for every result a person pages through, few enough
# that a query for a very common word stays fast at a hundred thousand documents.
CANDIDATES = 200
# With fewer results containing every word, documents with only some of them follow.
FALLBACK_BELOW = 10
# Characters of each text searched for a snippet.
SNIPPET_SOURCE = 5000
# Characters of the folded body (summary first) where the whole query counts as a phrase.
BODY_OPENING = 2000
COLUMNS = (
    "id",
    "kind",
    "published",
    "url_en",
    "url_zh_hant",
    "title_en",
    "title_zh_hant",
    "subtitle_en",
    "subtitle_zh_hant",
    "start_year",
    "title_keys",
    "alt_keys",
    "title_stems",
    "alt_stems",
    "tokens_title",
    "tokens_alt",
)


@dataclass
class Result:
    kind: str
    label: str
    title: Translated
    url: str
    subtitle: str = ""
    subtitle_lang: str = ""
    # Titles of this kind are written in both languages, so a missing one is worth marking.
    bilingual: bool = False
    title_html: SafeString = SafeString("")
    snippet: SafeString = SafeString("")
    snippet_lang: str = ""
    published: bool = True
    score: float = 0.0
    # Named by the DOI, ISBN, citation key or "author year" of the query.
    identified: bool = False


@dataclass
class SearchResults:
    query: str
    results: list[Result] = field(default_factory=list)
    page: Page | None = None
    # The query with misspelt words corrected, when that is what was searched for.
    corrected: str = ""
    # More documents matched than were ranked; the rest are not shown.
    capped: bool = False

    @property
    def total(self) -> int:
        return self.page.paginator.count if self.page else 0


def _filtered(*, include_unpublished, kind, tag, period):
    docs = SearchDocument.objects.all()
    if not include_unpublished:
        docs = docs.filter(published=True)
    if kind:
        docs = docs.filter(kind=kind)
    if tag:
        docs = docs.filter(tags__contains=f" {tag} ")
    if period:
        start, end = Period(period).years
        docs = docs.filter(start_year__isnull=False)
        if start is not None:
            docs = docs.filter(start_year__gte=start)
        if end is not None:
            docs = docs.filter(start_year__lt=end)
    return docs


def _correct(query: Query) -> None:
    """Replace each word the index has never seen by its nearest indexed words."""
    words = [u for u in query.units if u.kind == "word" and len(u.text) >= 4 and u.text.isalpha()]
    if not words:
        return
    vocabulary = typos.vocabulary()
    for unit in words:
        if not vocabulary.knows(unit.text) and (near := vocabulary.nearest(unit.text)):
            unit.atoms = [frozenset(stem(w) for w in near)]
            unit.text, unit.corrected = near[0], True


def _contains(text: str, opening: int | None = None) -> GreaterThan:
    body = Substr("folded_body", 1, opening) if opening else F("folded_body")
    return GreaterThan(StrIndex(body, Value(body_pattern(text))), 0)


def _flags(query: Query) -> dict:
    """SQL flags for the body: does it hold each phrase and long run of Chinese as written
    (anywhere), and the whole query (in its opening: a cheaper hint for ranking)?"""
    flags = {body_flag(u.text): _contains(u.text) for u in query.units if u.needs_adjacency}
    if len(query.units) > 1:
        flags.setdefault(body_flag(query.key), _contains(query.key, BODY_OPENING))
    return flags


def candidates(query: Query, docs, *, limit=CANDIDATES) -> tuple[list[Candidate], bool]:
    """The documents worth ranking, and whether there were more than `limit`."""
    flags = _flags(query)
    atoms = tuple(query.atoms)
    also = tuple(sorted(query.idents | ({key_token(query.stem_key)} if query.key else set())))
    found: dict[int, Candidate] = {}

    def fetch(match: Match, has_all: bool) -> bool:
        """Add up to the remaining number of candidates; True when that filled them up."""
        wanted = limit - len(found)
        rows = matching(match, docs.exclude(pk__in=list(found))).annotate(**flags)
        rows = list(rows.values(*COLUMNS, *flags).order_by()[:wanted])
        for row in rows:
            found[row["id"]] = Candidate(row, has_all)
        return len(rows) >= wanted

    # Titles and names first, so that a common word's many mentions in bodies never crowd
    # out the pages named by it.
    full = False
    if atoms or also:
        full = fetch(Match(atoms, titles_only=True, also=also), True)
    if atoms and not full:
        full = fetch(Match(atoms), True)
    identified = any(query.idents & c.alt_tokens for c in found.values())
    if len(atoms) > 1 and len(found) < FALLBACK_BELOW and not identified:
        # Every document with all the atoms is already found, so these have only some.
        full = fetch(Match(atoms, mode="any"), False)
    return list(found.values()), full


def _kind_order() -> dict[str, int]:
    return {k.key: k.order for k in registry.kinds()}


def _title(row: dict, lang: str) -> Translated:
    for code in (lang, other_language(lang)):
        value = row[f"title_{code.replace('-', '_')}"]
        if value:
            return Translated(value, code, is_fallback=code != lang)
    return Translated("", lang)


def _result(row: dict, lang: str) -> Result:
    column = lang.replace("-", "_")
    kind = registry.kind(row["kind"])
    subtitle = row[f"subtitle_{column}"]
    return Result(
        kind=row["kind"],
        label=str(kind.label),
        title=_title(row, lang),
        url=row[f"url_{column}"],
        subtitle=subtitle,
        # Subtitles give the other language's name, or authors and dates.
        subtitle_lang="zh-hant" if any(map(is_cjk, subtitle)) else "en",
        bilingual=kind.bilingual,
        published=row["published"],
    )


def search(
    q: str,
    *,
    lang: str,
    include_unpublished: bool = False,
    kind: str | None = None,
    tag: str | None = None,
    period: str | None = None,
    page: int | str = 1,
    per_page: int = 20,
) -> SearchResults:
    """The page `page` of results for `q`, best first, with titles, URLs and snippets in
    `lang`. Raises django.core.paginator.InvalidPage for a page that does not exist."""
    query = parse(q)
    results = SearchResults(query=query.text)
    ranked = []
    if query:
        _correct(query)
        docs = _filtered(
            include_unpublished=include_unpublished, kind=kind, tag=tag, period=period
        )
        found, results.capped = candidates(query, docs)
        order = _kind_order()
        phrases = [u for u in query.units if u.kind == "phrase"]
        ranked = sorted(
            (
                (sort_key(c, query, order), c)
                for c in found
                if all(unit_found(c, u) for u in phrases)
            ),
            key=itemgetter(0),
        )
        if query.corrected and ranked:
            results.corrected = query.key
    results.page = Paginator(ranked, per_page).page(page)
    results.results = _hydrate(results.page.object_list, query, lang)
    return results


def _hydrate(ranked, query: Query, lang: str) -> list[Result]:
    """Results for one page: titles in `lang`, and snippets from its text (or the other
    language's when only that one matches)."""
    if not ranked:
        return []
    ids = [c.row["id"] for _key, c in ranked]
    # The opening of each text is enough for a snippet, and much less to read.
    rows = SearchDocument.objects.filter(pk__in=ids).values_list(
        "id", Substr("body_en", 1, SNIPPET_SOURCE), Substr("body_zh_hant", 1, SNIPPET_SOURCE)
    )
    bodies = {pk: {"en": en, "zh-hant": zh} for pk, en, zh in rows}
    highlighter = Highlighter(query)
    langs = (lang, other_language(lang))
    out = []
    for key, c in ranked:
        result = _result(c.row, lang)
        body = bodies.get(c.row["id"], {})
        texts = [body.get(code, "") for code in langs]
        result.snippet, which = snippet(texts, highlighter)
        result.snippet_lang = langs[which]
        result.title_html = marked(result.title, highlighter.spans(result.title))
        result.score = score(key)
        result.identified = pinned(c, query) > 0
        out.append(result)
    return out


def suggest(q: str, lang: str, limit: int = 8, include_unpublished: bool = False) -> list[Result]:
    """Titles and names that begin with (or contain) what has been typed so far, best first."""
    query = parse(q)
    if not query.units:
        return []
    last = query.units[-1]
    prefix = ""
    atoms = query.atoms
    if last.kind == "word" and len(last.text) >= 2:
        # The last word is still being typed: match words that begin with it.
        prefix = last.text
        atoms = [a for a in atoms if a not in last.atoms]
    docs = _filtered(include_unpublished=include_unpublished, kind=None, tag=None, period=None)
    match = Match(tuple(atoms), titles_only=True, prefix=prefix, also=(key_token(query.stem_key),))
    rows = matching(match, docs).values(*COLUMNS).order_by()[: limit * 5]
    found = [Candidate(row, True) for row in rows]
    order = _kind_order()
    ranked = sorted(found, key=lambda c: sort_key(c, query, order, open_end=bool(prefix)))
    return [_result(c.row, lang) for c in ranked[:limit]]
