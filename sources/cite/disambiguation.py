"""Telling apart works and authors whose in-text citations would read the same.

citeproc-py does no disambiguation. As CSL (and citeproc-js) does, in the style's order:
authors who share a family name get initials or given names (APA's "H. Kim, 2011" and
"T. Kim, 2011"); works whose citations still collide show more names instead of "et al.",
then their `disambiguate="true"` branches (MLA adds the title), then year suffixes (1978a,
1978b) in reference-list order. The results are kept on the citeproc bibliography and read
by the fixes package while rendering.
"""

from collections import defaultdict
from string import ascii_lowercase

from citeproc import Citation, CitationItem

from sources.cite.fixes.names import initialise
from sources.cite.textcase import QUOTE_END

_NAME_VARIABLES = ("author", "editor", "translator")


def _suffix(n: int) -> str:
    """a … z, aa, ab …, as citeproc-js numbers year suffixes."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters


def _cite_text(bib, key: str) -> str:
    citation = Citation([CitationItem(key)])
    bib.register(citation)
    bib._cites = []
    return str(bib.cite(citation, lambda _item: None)).replace(QUOTE_END, "").casefold()


def _collisions(bib, keys) -> list[list[str]]:
    # Only works whose first creators share family names (or that have none) can collide:
    # rendering just those keeps a long reference list fast.
    candidates = defaultdict(list)
    for key in keys:
        _, names = _names(bib.source[key])
        family = tuple(str(n.get("family", n.get("literal", ""))).casefold() for n in names[:1])
        candidates[family].append(key)
    by_text = defaultdict(list)
    for group in candidates.values():
        if len(group) > 1:
            for key in group:
                by_text[_cite_text(bib, key)].append(key)
    return [group for group in by_text.values() if len(group) > 1]


def _names(reference):
    for variable in _NAME_VARIABLES:
        if names := reference.get(variable):
            return variable, names
    return None, []


def _expand_names(bib, rule: str) -> None:
    """Give initials (or whole given names) to every name whose family name belongs to more
    than one person, in every citation (the non-"by-cite" rules)."""
    primary_only = rule.startswith("primary-name")
    people = defaultdict(set)
    for key in bib.keys:
        _, names = _names(bib.source[key])
        for index, name in enumerate(names):
            if "literal" not in name and (index == 0 or not primary_only):
                people[str(name.get("family", "")).casefold()].add(str(name.get("given", "")))
    for key in bib.keys:
        variable, names = _names(bib.source[key])
        for index, name in enumerate(names):
            if "literal" in name or (primary_only and index):
                continue
            givens = people[str(name.get("family", "")).casefold()]
            if len(givens) < 2:
                continue
            initials = {initialise(given, ". ") for given in givens}
            level = (
                "initials" if rule.endswith("initials") or len(initials) == len(givens) else "full"
            )
            bib.expanded.setdefault((key, variable), {})[index] = level


def _colliding(bib, group) -> set[str]:
    return {key for keys in _collisions(bib, group) for key in keys}


def _expand_by_cite(bib, group: list[str]) -> None:
    """Initials, then whole given names, for the works of a colliding group, kept as far as
    they tell works apart (citeproc-js's "by-cite" rule)."""

    def expand(keys, level):
        for key in keys:
            variable, names = _names(bib.source[key])
            bib.expanded[key, variable] = {
                index: level for index, name in enumerate(names) if "literal" not in name
            }

    def reset(keys):
        for key in keys:
            bib.expanded.pop((key, _names(bib.source[key])[0]), None)

    expand(group, "initials")
    still = _colliding(bib, group)
    if len(still) == len(group):
        reset(group)
        still = set(group)
    if still:
        expand(still, "full")
        if len(_colliding(bib, group)) >= len(still):
            expand(still, "initials") if len(still) < len(group) else reset(still)


def disambiguate(bib) -> None:
    """Work out the disambiguation of the bibliography's works; called with the style's lock
    held, after sorting."""
    bib.disambiguated, bib.expanded, bib.more_names = set(), {}, {}
    root = bib.style.root
    citation = root.citation
    add_givenname = citation.get("disambiguate-add-givenname") == "true"
    rule = citation.get("givenname-disambiguation-rule", "by-cite")
    by_condition = bool(root.xpath_search(".//cs:*[@disambiguate]"))
    by_year = citation.get("disambiguate-add-year-suffix") == "true"
    if add_givenname and rule != "by-cite":
        _expand_names(bib, rule)
    if len(bib.keys) < 2:
        return
    groups = _collisions(bib, bib.keys)
    if groups and citation.get("disambiguate-add-names") == "true":
        for group in groups:
            most = max(len(_names(bib.source[key])[1]) for key in group)
            for count in range(2, most + 1):
                for key in group:
                    bib.more_names[key] = count
                if not _collisions(bib, group):
                    break
            else:
                for key in group:
                    bib.more_names.pop(key, None)
        groups = _collisions(bib, bib.keys)
    if groups and add_givenname and rule == "by-cite":
        for group in groups:
            _expand_by_cite(bib, group)
        groups = _collisions(bib, bib.keys)
    if groups and by_condition:
        bib.disambiguated = {key for group in groups for key in group}
        groups = _collisions(bib, bib.disambiguated)
    if not (groups and by_year):
        return
    explicit = bool(root.xpath_search(".//cs:text[@variable='year-suffix']"))
    order = {key: index for index, key in enumerate(bib.keys)}
    for group in groups:
        for n, key in enumerate(sorted(group, key=order.get)):
            reference = bib.source[key]
            reference["year_suffix"] = _suffix(n)
            if not explicit:
                # GB/T author-date prints no year-suffix variable: the suffix joins the year
                # of the date it shows (the access date when there is no other).
                for variable in ("issued", "accessed"):
                    if reference.get(variable):
                        reference[variable]["year_suffix"] = _suffix(n)
                        break
