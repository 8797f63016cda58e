"""Candidate retrieval through each database's own full-text index, over the same tokens.

PostgreSQL matches a `to_tsquery('simple', …)` against `names_vector` (titles and alternative
names) or `search_vector` (everything); SQLite matches FTS5 (columns title, alt, body). Both
are given expressions built here from tokens, each quoted, so no user text reaches either
parser.
"""

from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from sources.search.models import SearchDocument


@dataclass(frozen=True)
class Match:
    """Documents with every atom (`mode="all"`) or any atom (`"any"`), each atom a set of
    alternative tokens, in the titles and alternative names only or anywhere; or holding any
    of the `also` tokens (identifiers, whole titles). A `prefix` atom matches words that
    begin with it (suggestions as you type)."""

    atoms: tuple[frozenset[str], ...]
    titles_only: bool = False
    mode: str = "all"
    also: tuple[str, ...] = ()
    prefix: str = ""

    def sql(self, vendor: str) -> RawSQL:
        if vendor == "postgresql":
            if self.titles_only:
                return RawSQL(
                    "names_vector @@ to_tsquery('simple'::regconfig, %s)",
                    [self._tsquery()],
                    output_field=BooleanField(),
                )
            return RawSQL(
                "search_vector @@ to_tsquery('simple'::regconfig, %s)",
                [self._tsquery()],
                output_field=BooleanField(),
            )
        return RawSQL(
            '"sources_searchdocument"."id" IN (SELECT rowid FROM sources_searchdocument_fts'
            " WHERE sources_searchdocument_fts MATCH %s)",
            [self._fts5()],
            output_field=BooleanField(),
        )

    def _tsquery(self) -> str:
        def quote(token: str, prefix: bool = False) -> str:
            escaped = token.replace("\\", "\\\\").replace("'", "''")
            return f"'{escaped}'" + (":*" if prefix else "")

        parts = [f"({' | '.join(quote(t) for t in sorted(atom))})" for atom in self.atoms]
        if self.prefix:
            parts.append(quote(self.prefix, prefix=True))
        core = (" & " if self.mode == "all" else " | ").join(parts)
        also = [f"'{t}'" for t in self.also]  # hex tokens made by the indexer: nothing to escape
        return " | ".join([*also, f"({core})"] if core else also)

    def _fts5(self) -> str:
        def quote(token: str) -> str:
            return '"' + token.replace('"', '""') + '"'

        parts = [f"({' OR '.join(quote(t) for t in sorted(atom))})" for atom in self.atoms]
        if self.prefix:
            parts.append(quote(self.prefix) + "*")
        core = (" AND " if self.mode == "all" else " OR ").join(parts)
        if core and self.titles_only:
            core = f"{{title alt}} : ({core})"
        also = [quote(t) for t in self.also]
        return " OR ".join([*also, f"({core})"] if core else also)


def vendor(using: str = "default") -> str:
    return connections[using].vendor


def matching(match: Match, queryset=None):
    """The documents of `queryset` (all by default) that the index says match."""
    queryset = SearchDocument.objects.all() if queryset is None else queryset
    return queryset.filter(match.sql(vendor(queryset.db)))
