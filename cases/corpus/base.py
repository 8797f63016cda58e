"""The shape every corpus kind shares: validated field values plus canonical "links".

An object's state is compared as (field values, links) where links are child rows and
many-to-many sets written as plain tuples of slugs and text, so a database object and a file
entry compare equal exactly when loading the entry again would change nothing.
"""

import copy
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from cases.corpus.reading import LANG_KEYS, CorpusError, Entry
from sources.i18n import column
from sources.models import LocatorLabel, Source, Tag


def describe(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)


def validated(instance: models.Model, entry: Entry, what: str = "", exclude=()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        where = f" ({what})" if what else ""
        raise entry.error(f"invalid{where}: {describe(exc)}") from None


class Resolver:
    """Finds referenced objects by their corpus key, naming the entry when one is unknown."""

    def __init__(self):
        self._cache: dict[tuple[type, str], models.Model] = {}

    def remember(self, obj: models.Model, key: str) -> None:
        self._cache[type(obj), key] = obj

    def get(self, model: type[models.Model], value: Any, entry: Entry, what: str, field="slug"):
        value = str(value)
        if (model, value) not in self._cache:
            obj = model.objects.filter(**{field: value}).first()
            if obj is None:
                raise entry.error(f"unknown {what} {value!r}")
            self._cache[model, value] = obj
        return self._cache[model, value]

    def source(self, value: Any, entry: Entry) -> Source:
        return self.get(Source, value, entry, "citation key", field="citation_key")

    def tags(self, entry: Entry) -> tuple[str, ...]:
        slugs = entry.data.get("tags") or []
        for slug in slugs:
            self.get(Tag, slug, entry, "tag")
        return tuple(sorted(str(s) for s in slugs))


def cited(item: dict, entry: Entry, resolver: Resolver) -> tuple[str, str, str]:
    """(citation key, locator label, locator) of a child row that cites a source."""
    key = item.get("source") or ""
    if key:
        resolver.source(key, entry)
    pages = item.get("pages")
    return str(key), LocatorLabel.PAGE, "" if pages is None else str(pages)


def translation_pair(entry: Entry, name: str, item: dict, required: bool) -> tuple[str, str]:
    value = entry.translated(name, required=required, data=item)
    return value["zh-hant"], value["en"]


def digest(fields: dict[str, Any], links: dict[str, Any]) -> str:
    """A fingerprint of an object's loadable state (field values and links)."""
    text = json.dumps([fields, links], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Staged:
    kind: "Kind"
    entry: Entry
    obj: models.Model
    created: bool
    before: dict[str, Any] | None  # the stored field values, for an existing object
    after: dict[str, Any]  # the field values the file asks for


class Kind:
    """One type of corpus entry; subclasses declare fields and implement the links."""

    filename: str
    label: str
    model: type[models.Model]
    key = "slug"
    plain: tuple[str, ...] = ()
    # Bilingual entry fields and whether both languages are required.
    translated: dict[str, bool] = {}
    link_keys: tuple[str, ...] = ()

    def columns(self, name: str) -> dict[str, str]:
        return {lang: column(name, lang) for lang in LANG_KEYS}

    def allowed_keys(self) -> set[str]:
        return {self.key, *self.plain, *self.translated, *self.link_keys}

    def field_values(self, entry: Entry, resolver: Resolver) -> dict[str, Any]:
        """Model field values the entry asks for; omitted fields take the model default."""
        values: dict[str, Any] = {self.key: entry.key}
        for name in self.plain:
            field = self.model._meta.get_field(name)
            raw = entry.data.get(name)
            try:
                values[name] = field.get_default() if raw is None else field.to_python(raw)
            except ValidationError as exc:
                raise entry.error(f"{name}: {describe(exc)}") from None
        for name, required in self.translated.items():
            text = entry.translated(name, required=required)
            for lang, col in self.columns(name).items():
                values[col] = text[lang]
        return values

    def snapshot(self, obj: models.Model, names) -> dict[str, Any]:
        return {n: self.model._meta.get_field(n).value_from_object(obj) for n in names}

    def stage(self, entry: Entry, obj: models.Model | None, resolver: Resolver) -> Staged:
        """Validate the entry's fields; create the object if it is missing."""
        entry.check_keys(self.allowed_keys())
        values = self.field_values(entry, resolver)
        created = obj is None
        before = None if created else self.snapshot(obj, values)
        candidate = self.model() if created else copy.copy(obj)
        for name, value in values.items():
            setattr(candidate, name, value)
        validated(candidate, entry)
        if created:
            candidate.save()
        resolver.remember(candidate, str(getattr(candidate, self.key)))
        return Staged(self, entry, candidate, created, before, self.snapshot(candidate, values))

    def settle(self, item: Staged, resolver: Resolver, *, stamp: str | None, overwrite: bool):
        """Bring one object in line with its file, unless an editor changed it since the
        last load. `stamp` is the digest of what the last load wrote (None: never loaded).

        Returns the outcome and the digest to stamp the entry with (None: leave as it is).
        """
        plan = self.plan(item.entry, resolver)
        wanted = digest(item.after, plan)
        if item.created:
            self.write(item.obj, plan, item.entry, resolver)
            return "created", wanted
        stored = digest(item.before, self.current(item.obj))
        if stored == wanted:
            return "unchanged", wanted
        # Untouched since the last load (the file changed): update. Changed in the admin, or
        # created there under the same key: keep the editor's version unless told otherwise.
        if not overwrite and stored != stamp:
            return "skipped", None
        item.obj.save()
        self.write(item.obj, plan, item.entry, resolver)
        return "updated", wanted

    def plan(self, entry: Entry, resolver: Resolver) -> dict[str, Any]:
        return {}

    def current(self, obj: models.Model) -> dict[str, Any]:
        return {}

    def write(self, obj, plan: dict[str, Any], entry: Entry, resolver: Resolver) -> None:
        pass


def set_tags(obj, slugs, entry: Entry, resolver: Resolver) -> None:
    obj.tags.set([resolver.get(Tag, slug, entry, "tag") for slug in slugs])


def current_tags(obj) -> tuple[str, ...]:
    return tuple(sorted(obj.tags.values_list("slug", flat=True)))


__all__ = ["CorpusError", "Kind", "Resolver", "Staged"]
