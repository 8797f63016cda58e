"""Deciding what an import will do (`plan`) and doing it (`import_entries`): every entry is
new, a duplicate or invalid before anything is written, and the new ones are written together
or not at all."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sources.cite.imports.dedupe import Seen
from sources.cite.imports.entry import Entry
from sources.cite.imports.people import People
from sources.cite.keys import KeyRegistry, is_valid_key, key_stem
from sources.models import Person, Source, SourceCreator


class Status(models.TextChoices):
    NEW = "new", gettext_lazy("new")
    DUPLICATE = "duplicate", gettext_lazy("duplicate")
    INVALID = "invalid", gettext_lazy("invalid")


@dataclass
class Row:
    """One entry and what the import does with it."""

    entry: Entry
    status: str = Status.NEW
    reason: str = ""
    key: str = ""
    source: Source | None = None
    people: list = field(default_factory=list)  # (role, position, Person or pk)

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclass
class Plan:
    rows: list[Row]
    new_people: list[Person]
    dry_run: bool = True

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def created(self) -> int:
        return self.count(Status.NEW)

    @property
    def duplicates(self) -> int:
        return self.count(Status.DUPLICATE)

    @property
    def invalid(self) -> int:
        return self.count(Status.INVALID)


class ImportFailed(Exception):
    """The database refused the import; nothing was written."""


def plan(entries: list[Entry], *, progress: Callable[[Iterable], Iterable] = iter) -> Plan:
    """Classify every entry against the atlas and the file, give new ones their citation keys
    and people; reads the database in a fixed handful of queries and writes nothing."""
    seen = Seen.from_db()
    rows = [Row(entry=entry) for entry in entries]
    for row in progress(rows):
        _classify(row, seen)
    _assign_keys([row for row in rows if row.status == Status.NEW], seen.keys)
    people = People()
    for row in rows:
        if row.status == Status.NEW:
            _credit(row, people)
    return Plan(rows=rows, new_people=list(people.new.values()))


def import_entries(
    *,
    entries: list[Entry],
    dry_run: bool,
    progress: Callable[[Iterable], Iterable] = iter,
) -> Plan:
    """Write the new entries (sources, new people, credits) in one transaction, or, with
    `dry_run`, only say what would be written. Raises ImportFailed, having written nothing,
    when the database refuses any row."""
    try:
        with transaction.atomic():
            result = plan(entries, progress=progress)
            result.dry_run = dry_run
            if not dry_run:
                _write(result)
    except DatabaseError as exc:
        raise ImportFailed(str(exc)) from exc
    return result


def _classify(row: Row, seen: Seen) -> None:
    entry = row.entry
    if entry.error:
        row.status, row.reason = Status.INVALID, entry.error
        return
    source = Source(citation_key="x", **entry.fields)
    try:
        # Unique fields and constraints are checked against `seen` in memory: Django's own
        # checks would cost several queries per entry.
        source.full_clean(
            exclude=["citation_key"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        row.status, row.reason = Status.INVALID, _describe_errors(exc)
        return
    entry.fields.update(doi=source.doi, isbn=source.isbn, issn=source.issn)
    if reason := seen.holder(entry):
        row.status, row.reason = Status.DUPLICATE, reason
        return
    row.source = source
    seen.add(entry)


def _describe_errors(exc: ValidationError) -> str:
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    return " ".join(
        f"{Source._meta.get_field(name).verbose_name}: {' '.join(messages)}"
        if name in {f.name for f in Source._meta.fields}
        else " ".join(messages)
        for name, messages in exc.message_dict.items()
    )


def _assign_keys(rows: list[Row], taken: set[str]) -> None:
    """Keep each file key that is valid and free (in file order), then generate the rest, so
    a generated key never takes a key the file itself uses further down."""
    registry = KeyRegistry(taken)
    pending = []
    for row in rows:
        key = row.entry.key.strip().lower()
        if is_valid_key(key) and registry.is_free(key):
            row.key = registry.claim(key)
        else:
            pending.append(row)
    for row in pending:
        entry = row.entry
        first = entry.first_creator
        row.key = registry.new(
            key_stem(first.family if first else "", entry.year, title=entry.title)
        )
        if entry.key:
            why = (
                _("is already used")
                if is_valid_key(entry.key.lower())
                else _("cannot be a citation key (use a-z, 0-9 and _ : . - only)")
            )
            entry.warn(
                _("The key “%(key)s” %(why)s; this entry is “%(new)s”.")
                % {"key": entry.key, "why": why, "new": row.key}
            )
    for row in rows:
        row.source.citation_key = row.key


def _credit(row: Row, people: People) -> None:
    entry = row.entry
    positions: dict[str, int] = {}
    taken = set()
    try:
        for creator in entry.creators:
            person = people.resolve(creator.name, entry)
            identity = (creator.role, person if isinstance(person, int) else f"new-{id(person)}")
            if identity in taken:
                entry.warn(_("“%(name)s” is listed twice; kept once.") % {"name": creator.name})
                continue
            taken.add(identity)
            position = positions.get(creator.role, 0)
            positions[creator.role] = position + 1
            row.people.append((creator.role, position, person))
    except ValueError as exc:
        row.status, row.reason, row.source = Status.INVALID, str(exc), None


def _write(result: Plan) -> None:
    new_rows = [row for row in result.rows if row.status == Status.NEW]
    Person.objects.bulk_create(result.new_people, batch_size=500)
    sources = Source.objects.bulk_create([row.source for row in new_rows], batch_size=500)
    if any(source.pk is None for source in sources):
        # Databases that cannot return ids from a bulk insert: look them up by key.
        ids = dict(
            Source.objects.filter(citation_key__in=[s.citation_key for s in sources]).values_list(
                "citation_key", "pk"
            )
        )
        for source in sources:
            source.pk = ids[source.citation_key]
    credits = [
        SourceCreator(
            source=row.source,
            role=role,
            position=position,
            **({"person_id": person} if isinstance(person, int) else {"person": person}),
        )
        for row in new_rows
        for role, position, person in row.people
    ]
    SourceCreator.objects.bulk_create(credits, batch_size=1000)
