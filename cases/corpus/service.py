"""The corpus loading service behind `manage.py load_corpus`."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cases.corpus.base import Kind, Resolver
from cases.corpus.cases import ActorKind, CaseKind
from cases.corpus.concepts import ConceptKind
from cases.corpus.library import PersonKind, SourceKind, TagKind
from cases.corpus.reading import read_entries
from cases.models import CorpusStamp
from sources.search.indexing import deferred

# In dependency order: anything an entry refers to is loaded by an earlier kind.
KINDS: tuple[Kind, ...] = (
    TagKind(),
    PersonKind(),
    SourceKind(),
    ConceptKind(),
    ActorKind(),
    CaseKind(),
)
OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class LoadReport:
    counts: dict[str, Counter] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def add(self, kind: Kind, key: str, outcome: str) -> None:
        self.counts.setdefault(kind.label, Counter())[outcome] += 1
        if outcome == "skipped":
            self.skipped.append(f"{kind.filename}: {key}")

    @property
    def total(self) -> Counter:
        return sum(self.counts.values(), Counter())

    @staticmethod
    def line(counter: Counter) -> str:
        total = {outcome: counter[outcome] for outcome in OUTCOMES}
        return (
            "{created} created, {updated} updated, {unchanged} unchanged, "
            "{skipped} skipped (edited in admin)".format(**total)
        )

    def __str__(self) -> str:
        lines = [f"{label}: {self.line(c)}" for label, c in self.counts.items()]
        lines += [f"skipped (changed in the admin since the last load): {s}" for s in self.skipped]
        return "\n".join([*lines, f"total: {self.line(self.total)}"])


def load_corpus(*, path: Path, overwrite: bool = False) -> LoadReport:
    """Load the corpus files under `path` in one transaction: all of it, or on error nothing.

    New objects are created. An existing object is updated only if it still holds what the
    last load wrote (its CorpusStamp): one an editor changed or created in the admin is
    reported as skipped and left alone, unless `overwrite` is set.
    """
    report = LoadReport()
    # Each object is reindexed for search once, after all its parts are written.
    with transaction.atomic(), deferred():
        resolver = Resolver()
        staged = []
        for kind in KINDS:
            entries = read_entries(Path(path), kind.filename, kind.key)
            keys = [entry.key for entry in entries]
            existing = {
                str(getattr(obj, kind.key)): obj
                for obj in kind.model.objects.filter(**{f"{kind.key}__in": keys})
            }
            staged += [kind.stage(e, existing.get(e.key), resolver) for e in entries]
        stamps = {(s.kind, s.key): s for s in CorpusStamp.objects.all()}
        for item in staged:
            stamp = stamps.get((item.kind.label, item.entry.key))
            outcome, new_digest = item.kind.settle(
                item, resolver, stamp=stamp.digest if stamp else None, overwrite=overwrite
            )
            report.add(item.kind, item.entry.key, outcome)
            if new_digest and (stamp is None or stamp.digest != new_digest):
                CorpusStamp.objects.update_or_create(
                    kind=item.kind.label, key=item.entry.key, defaults={"digest": new_digest}
                )
    return report
