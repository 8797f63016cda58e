"""Final ranking, in Python over a bounded set of candidates, so both databases agree.

In order: a citation identifier the query spells; every part of the query found before only
some; then where and how well the whole query matches (a title above an alternative name
above the body; exact above prefix above partial); then the kind of page, how closely the
matched title fits, and newer before older.
"""

from dataclasses import dataclass, field

from sources.search.query import Query, Unit
from sources.search.text import is_cjk

# Where the whole query was found, best first (higher is better).
TITLE_EXACT, ALT_EXACT, TITLE_PREFIX, ALT_PREFIX = 9, 8, 7, 6
TITLE_PHRASE, ALT_PHRASE, TITLE_ALL, NAMES_ALL, BODY_PHRASE, BODY = 5, 4, 3, 2, 1, 0


@dataclass
class Candidate:
    row: dict
    # Found by a match requiring every atom, so each is somewhere in the document.
    has_all_atoms: bool
    title_tokens: set[str] = field(init=False)
    alt_tokens: set[str] = field(init=False)
    title_keys: list[str] = field(init=False)
    alt_keys: list[str] = field(init=False)
    # The keys with words stemmed, in the same order: "the secur dilemma".
    title_stems: list[str] = field(init=False)
    alt_stems: list[str] = field(init=False)

    def __post_init__(self):
        self.title_tokens = set(self.row["tokens_title"].split())
        self.alt_tokens = set(self.row["tokens_alt"].split())
        self.title_keys = self.row["title_keys"].split("\n") if self.row["title_keys"] else []
        self.alt_keys = self.row["alt_keys"].split("\n") if self.row["alt_keys"] else []
        self.title_stems = self.row["title_stems"].split("\n") if self.title_keys else []
        self.alt_stems = self.row["alt_stems"].split("\n") if self.alt_keys else []


def _latin_edge(ch: str) -> bool:
    return not is_cjk(ch)


def occurs(key: str, text: str, *, at_start: bool = False, open_end: bool = False) -> bool:
    """Whether folded `text` occurs in folded `key` on word boundaries (none are needed
    around Chinese characters, which are written without spaces)."""
    if not text:
        return False
    start = key.find(text)
    if at_start and start != 0:
        return False
    while start != -1:
        end = start + len(text)
        before_ok = start == 0 or key[start - 1] == " " or not _latin_edge(text[0])
        after_ok = open_end or end == len(key) or key[end] == " " or not _latin_edge(text[-1])
        if before_ok and after_ok:
            return True
        if at_start:
            return False
        start = key.find(text, start + 1)
    return False


def _in_keys(keys, text, **kwargs) -> bool:
    return any(occurs(k, text, **kwargs) for k in keys)


def _in_field(unit: Unit, tokens: set[str], keys: list[str]) -> bool:
    if unit.needs_adjacency:
        return _in_keys(keys, unit.text)
    return not any(atom.isdisjoint(tokens) for atom in unit.atoms)


def body_flag(text: str) -> str:
    """The name of the SQL flag telling whether the folded body contains `text`."""
    return f"body_{abs(hash(text)) % 10**12}"


def body_pattern(text: str) -> str:
    """The substring the padded folded body must contain: spaces mark word edges."""
    left = " " if _latin_edge(text[0]) else ""
    right = " " if _latin_edge(text[-1]) else ""
    return f"{left}{text}{right}"


def _in_body(c: Candidate, unit: Unit) -> bool:
    if unit.needs_adjacency:
        return bool(c.row.get(body_flag(unit.text)))
    # A document found with only some of the atoms counts those in its titles and names.
    return c.has_all_atoms


def unit_found(c: Candidate, unit: Unit) -> bool:
    """Whether the document contains the unit anywhere (adjacent where that matters)."""
    return (
        _in_field(unit, c.title_tokens, c.title_keys)
        or _in_field(unit, c.alt_tokens, c.alt_keys)
        or _in_body(c, unit)
    )


def _keys(c: Candidate, field: str, open_end: bool) -> tuple[list[str], str]:
    """A field's keys, stemmed unless the last word is unfinished, and all of them joined."""
    if open_end:
        return getattr(c, f"{field}_keys"), c.row[f"{field}_keys"]
    return getattr(c, f"{field}_stems"), c.row[f"{field}_stems"]


def _tier(
    c: Candidate, q: Query, open_end: bool, all_in_title: bool, all_in_names: bool
) -> tuple[int, int]:
    """(tier, length of the key that matched) for the whole query. Keys are compared with
    their words stemmed ("security dilemmas" is exactly "Security dilemma"), except when the
    last word is still being typed."""
    if q.key:
        key = q.key if open_end else q.stem_key
        # Fields whose keys contain the query at all: usually none, decided at C speed.
        fields = [
            (tiers, keys)
            for tiers, (keys, joined) in (
                ((TITLE_EXACT, TITLE_PREFIX, TITLE_PHRASE), _keys(c, "title", open_end)),
                ((ALT_EXACT, ALT_PREFIX, ALT_PHRASE), _keys(c, "alt", open_end)),
            )
            if key in joined
        ]
        for tiers, keys in fields:
            if key in keys:
                return tiers[0], len(key)
        for at_start, index in ((True, 1), (False, 2)):
            for tiers, keys in fields:
                lengths = [
                    len(k) for k in keys if occurs(k, key, at_start=at_start, open_end=open_end)
                ]
                if lengths:
                    return tiers[index], min(lengths)
    shortest = min((len(k) for k in c.title_keys), default=0)
    if q.units and all_in_title:
        return TITLE_ALL, shortest
    if q.units and all_in_names:
        return NAMES_ALL, shortest
    if q.key and c.row.get(body_flag(q.key)):
        return BODY_PHRASE, shortest
    return BODY, shortest


def pinned(c: Candidate, q: Query) -> int:
    """2 for the source a DOI, ISBN or citation key names; 1 for an "author year" match."""
    if q.idents & c.alt_tokens:
        return 2
    if (
        q.year is not None
        and c.row["kind"] == "source"
        and c.row["start_year"] == q.year
        and all(_in_field(u, c.alt_tokens, c.alt_keys) for u in q.names)
    ):
        return 1
    return 0


def _begins_a_word(c: Candidate, unit: Unit) -> bool:
    return any(t.startswith(unit.text) for t in c.title_tokens | c.alt_tokens)


def sort_key(c: Candidate, q: Query, kind_order: dict[str, int], open_end=False) -> tuple:
    """The candidate's place in the results (ascending). With `open_end`, the query's last
    word may be unfinished (suggestions as you type)."""
    in_title = [_in_field(u, c.title_tokens, c.title_keys) for u in q.units]
    in_names = [
        t or _in_field(u, c.alt_tokens, c.alt_keys) for t, u in zip(in_title, q.units, strict=True)
    ]
    found = [n or _in_body(c, u) for n, u in zip(in_names, q.units, strict=True)]
    if open_end and q.units and q.units[-1].kind == "word":
        found[-1] = found[-1] or _begins_a_word(c, q.units[-1])
    tier, closeness = _tier(c, q, open_end, all(in_title), all(in_names))
    year = c.row["start_year"]
    return (
        -pinned(c, q),
        not all(found),
        -sum(found),
        -tier,
        kind_order.get(c.row["kind"], 99),
        closeness,
        -(year if year is not None else -(10**5)),
        c.title_keys[0] if c.title_keys else "",
        c.row["id"],
    )


def score(key: tuple) -> float:
    """A number for the API that follows the order (higher is better)."""
    pin, partial, found, tier = key[:4]
    return round(-pin * 100 + (0 if partial else 50) - found + -tier * 4, 2)
