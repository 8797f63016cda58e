"""Finding duplicates: the same DOI, the same ISBN, or the same first author, year and title,
against the sources already in the atlas and the entries earlier in the same file."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from sources.cite.imports.entry import Entry
from sources.cite.imports.names import fold_name
from sources.cite.keys import fold
from sources.models import CreatorRole, Source, SourceCreator


def normalise_title(title: str) -> str:
    """Titles compared without case, accents, punctuation or spacing (Zotero's rule)."""
    title = fold(title).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", title).split())


def fingerprint(family: str, year: int | None, title: str) -> tuple[str, int | None, str]:
    return (fold_name(family), year, normalise_title(title))


@dataclass
class Seen:
    """Every DOI, ISBN and author-year-title already taken, each with who holds it: a
    citation key in the atlas, or an entry number in the file."""

    doi: dict[str, str | int] = field(default_factory=dict)
    isbn: dict[str, str | int] = field(default_factory=dict)
    prints: dict[tuple, str | int] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)

    @classmethod
    def from_db(cls) -> "Seen":
        """What the atlas holds, in two queries whatever its size."""
        seen = cls()
        rows = Source.objects.values_list("pk", "citation_key", "doi", "isbn", "year", "title")
        by_pk = {}
        for pk, key, doi, isbn, year, title in rows:
            by_pk[pk] = (key, year, title)
            seen.keys.add(key)
            if doi:
                seen.doi[doi] = key
            if isbn:
                seen.isbn[isbn] = key
        first: dict[int, tuple] = {}
        creators = SourceCreator.objects.filter(
            Q(role=CreatorRole.AUTHOR) | Q(role=CreatorRole.EDITOR)
        ).values_list("source_id", "role", "position", "id", "person__family_name")
        for source_id, role, position, pk, family in creators:
            rank = (role != CreatorRole.AUTHOR, position, pk)
            if source_id not in first or rank < first[source_id][0]:
                first[source_id] = (rank, family)
        for pk, (key, year, title) in by_pk.items():
            family = first[pk][1] if pk in first else ""
            seen.prints.setdefault(fingerprint(family, year, title), key)
        return seen

    def holder(self, entry: Entry) -> str:
        """Why the entry is a duplicate, naming the holder; empty when it is not one."""
        f = entry.fields
        if f.get("doi") and f["doi"] in self.doi:
            return _("Same DOI as %(holder)s.") % {"holder": _holder(self.doi[f["doi"]])}
        if f.get("isbn") and f["isbn"] in self.isbn:
            return _("Same ISBN as %(holder)s.") % {"holder": _holder(self.isbn[f["isbn"]])}
        if (found := self.prints.get(self._print(entry))) is not None:
            return _("Same first author, year and title as %(holder)s.") % {
                "holder": _holder(found)
            }
        return ""

    def add(self, entry: Entry) -> None:
        f = entry.fields
        if f.get("doi"):
            self.doi[f["doi"]] = entry.number
        if f.get("isbn"):
            self.isbn[f["isbn"]] = entry.number
        self.prints.setdefault(self._print(entry), entry.number)

    @staticmethod
    def _print(entry: Entry) -> tuple:
        first = entry.first_creator
        return fingerprint(first.family if first else "", entry.year, entry.title)


def _holder(holder: str | int) -> str:
    if isinstance(holder, int):
        return _("entry %(number)d of this file") % {"number": holder}
    return _("“%(key)s”, already in the atlas") % {"key": holder}
