"""A visitor's query, read into what the index can answer: units of meaning (a word, a run of
Chinese, a quoted phrase), each made of atoms that a document must contain, plus the citation
identifiers the query may spell. Never raw text: only tokens reach the database."""

import re
from dataclasses import dataclass, field

from sources.lookup import as_doi, as_isbn
from sources.search.text import bigrams, fold, ident_token, is_cjk, stem, stem_key

MAX_CHARS = 200
# A query of more atoms than this is cut: longer queries add little but cost.
MAX_ATOMS = 32
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
_KEY = re.compile(r"^[a-z0-9][a-z0-9_:.\-]*$")
_YEAR = re.compile(r"^\d{3,4}$")
# Words of an author list that name nobody (folded: 與 is 与).
CONNECTORS = {"and", "et", "al", "ed", "eds", "与", "和", "等"}


@dataclass
class Unit:
    """A word, a run of Chinese, or a quoted phrase (folded), and its atoms: sets of tokens of
    which a matching document contains at least one each."""

    text: str
    kind: str  # "word", "cjk" or "phrase"
    atoms: list[frozenset[str]]
    corrected: bool = False

    @property
    def needs_adjacency(self) -> bool:
        """Whether containing the atoms is not enough: a phrase, or a run of three or more
        characters whose bigrams could be scattered."""
        return self.kind == "phrase" or (self.kind == "cjk" and len(self.text) > 2)


@dataclass
class Query:
    text: str
    units: list[Unit]
    idents: set[str] = field(default_factory=set)
    year: int | None = None
    names: list[Unit] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The whole query folded, as compared with whole titles and names."""
        return " ".join(u.text for u in self.units)

    @property
    def stem_key(self) -> str:
        return stem_key(self.key)

    @property
    def atoms(self) -> list[frozenset[str]]:
        required = [u for u in self.units if not (self.year and u.text in CONNECTORS)]
        atoms = list(dict.fromkeys(a for u in required for a in u.atoms))
        return atoms[:MAX_ATOMS]

    @property
    def corrected(self) -> bool:
        return any(u.corrected for u in self.units)

    def __bool__(self):
        return bool(self.units or self.idents)


def clean(raw: str) -> str:
    """The query without control characters (NUL bytes included), cut to MAX_CHARS."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:MAX_CHARS]


def _segment_unit(segment: str) -> Unit:
    if is_cjk(segment[0]):
        if len(segment) == 1:
            return Unit(segment, "cjk", [frozenset([segment])])
        pairs = bigrams(segment)
        if len(pairs) > 6:
            # Every other bigram (and the last) still covers each character; adjacency is
            # checked when ranking.
            pairs = pairs[::2] + pairs[-1:]
        return Unit(segment, "cjk", [frozenset([p]) for p in dict.fromkeys(pairs)])
    return Unit(segment, "word", [frozenset([stem(segment)])])


def _units(text: str) -> list[Unit]:
    units, position = [], 0
    for match in _QUOTED.finditer(text):
        units += [_segment_unit(s) for s in fold(text[position : match.start()]).split()]
        phrase = fold(next(g for g in match.groups() if g is not None))
        if phrase:
            parts = [_segment_unit(s) for s in phrase.split()]
            if len(parts) == 1 and not parts[0].needs_adjacency:
                units.append(parts[0])
            else:
                units.append(Unit(phrase, "phrase", [a for p in parts for a in p.atoms]))
        position = match.end()
    units += [_segment_unit(s) for s in fold(text[position:]).split()]
    return units


def _identifiers(text: str) -> set[str]:
    found = set()
    if doi := as_doi(text):
        found.add(ident_token("doi", doi))
    if isbn := as_isbn(text):
        found.add(ident_token("isbn", isbn))
    if _KEY.match(text.lower()):
        found.add(ident_token("key", text.lower()))
    return found


def parse(raw: str) -> Query:
    text = clean(raw)
    query = Query(text=text, units=_units(text), idents=_identifiers(text))
    # "Jervis 1978", "Snyder and Diesing 1977", "傑維斯 1978": names and one year.
    years = [u for u in query.units if u.kind == "word" and _YEAR.match(u.text)]
    names = [u for u in query.units if u not in years and u.text not in CONNECTORS]
    if len(years) == 1 and names and not any(u.text.isdigit() for u in names):
        query.year, query.names = int(years[0].text), names
    return query
