"""Corpus kinds for the cases app: actors, and cases with roles, timelines and analyses."""

from cases.corpus.base import (
    Kind,
    Resolver,
    cited,
    current_tags,
    set_tags,
    translation_pair,
    validated,
)
from cases.corpus.reading import Entry
from cases.models import Actor, Analysis, Case, CaseActor, Event
from concepts.models import Concept
from sources.models import Person


class ActorKind(Kind):
    filename = "actors.yaml"
    label = "actors"
    model = Actor
    plain = ("kind",)
    translated = {"name": True}
    link_keys = ("person",)

    def field_values(self, entry, resolver):
        values = super().field_values(entry, resolver)
        slug = entry.data.get("person")
        values["person"] = resolver.get(Person, slug, entry, "person") if slug else None
        return values


# The columns of a timeline event and of an analysis, in the order of their plan rows: plan()
# builds rows in this order from a file and current() reads them from the database.
EVENT_FIELDS = (
    "year",
    "date",
    "precision",
    "title_zh_hant",
    "title_en",
    "description_zh_hant",
    "description_en",
    "source__citation_key",
    "locator_label",
    "locator",
)
ANALYSIS_FIELDS = (
    "concept__slug",
    "kind",
    "text_zh_hant",
    "text_en",
    "source__citation_key",
    "locator_label",
    "locator",
)


def _instance(model, fields, row: tuple, entry: Entry, resolver: Resolver, **extra):
    """An unsaved model object from a plan row, with keys resolved to objects; the one place
    that maps plan rows to models, for validating a file entry and for writing it."""
    values = dict(zip(fields, row, strict=True))
    key = values.pop("source__citation_key")
    if "concept__slug" in values:
        values["concept"] = resolver.get(Concept, values.pop("concept__slug"), entry, "concept")
    if "date" in values:
        values["date"] = values["date"] or None  # "" in plans: no calendar date (BCE)
    return model(**values, source=resolver.source(key, entry) if key else None, **extra)


def _event(item: dict, entry: Entry, resolver: Resolver) -> tuple:
    date, precision, year = entry.date("date", data=item)
    title_zh, title_en = translation_pair(entry, "title", item, required=True)
    text_zh, text_en = translation_pair(entry, "description", item, required=False)
    key, label, locator = cited(item, entry, resolver)
    # No calendar date before the Common Era: "" as in _rows, so plans and rows compare.
    row = (
        year,
        date or "",
        str(precision),
        title_zh,
        title_en,
        text_zh,
        text_en,
        key,
        label,
        locator,
    )
    event = _instance(Event, EVENT_FIELDS, row, entry, resolver)
    validated(event, entry, f"event {title_en!r}", exclude=["case"])
    return row


def _analysis(item: dict, entry: Entry, resolver: Resolver) -> tuple:
    concept = resolver.get(Concept, item.get("concept"), entry, "concept")
    text_zh, text_en = translation_pair(entry, "text", item, required=True)
    key, label, locator = cited(item, entry, resolver)
    kind = item.get("kind") or "illustrates"
    row = (concept.slug, kind, text_zh, text_en, key, label, locator)
    analysis = _instance(Analysis, ANALYSIS_FIELDS, row, entry, resolver)
    validated(analysis, entry, f"analysis as {concept.slug}", exclude=["case"])
    return row


def _rows(rows) -> tuple:
    """Database rows in the plan's form: sorted, with a missing source as ""."""
    return tuple(sorted(tuple("" if v is None else v for v in row) for row in rows))


class CaseKind(Kind):
    filename = "cases.yaml"
    label = "cases"
    model = Case
    plain = ("region", "status", "featured")
    translated = {"title": True, "summary": True, "body": False}
    link_keys = ("start", "end", "parent", "tags", "actors", "events", "analyses")

    def field_values(self, entry, resolver):
        entry.data.setdefault("status", "published")
        values = super().field_values(entry, resolver)
        values["start_date"], values["start_precision"], values["start_year"] = entry.date("start")
        values["end_date"], values["end_precision"], values["end_year"] = entry.date("end")
        return values

    def plan(self, entry: Entry, resolver: Resolver):
        parent = entry.data.get("parent") or ""
        if parent:
            resolver.get(Case, parent, entry, "parent case")
        actors = []
        for position, item in enumerate(entry.data.get("actors") or []):
            actor = resolver.get(Actor, item.get("actor"), entry, "actor")
            row = CaseActor(actor=actor, role=item.get("role"), position=position)
            validated(row, entry, f"role of {actor.slug}", exclude=["case"])
            actors.append((position, actor.slug, row.role))
        return {
            "parent": str(parent),
            "tags": resolver.tags(entry),
            "actors": tuple(actors),
            "events": tuple(
                sorted(_event(i, entry, resolver) for i in entry.data.get("events") or [])
            ),
            "analyses": tuple(
                sorted(_analysis(i, entry, resolver) for i in entry.data.get("analyses") or [])
            ),
        }

    def current(self, obj):
        return {
            "parent": obj.parent.slug if obj.parent else "",
            "tags": current_tags(obj),
            "actors": tuple(
                obj.actors.order_by("position").values_list("position", "actor__slug", "role")
            ),
            "events": _rows(obj.events.values_list(*EVENT_FIELDS)),
            "analyses": _rows(obj.analyses.values_list(*ANALYSIS_FIELDS)),
        }

    def write(self, obj, plan, entry, resolver):
        obj.parent = resolver.get(Case, plan["parent"], entry, "case") if plan["parent"] else None
        validated(obj, entry)
        obj.save()
        set_tags(obj, plan["tags"], entry, resolver)
        obj.actors.all().delete()
        for position, actor, role in plan["actors"]:
            CaseActor.objects.create(
                case=obj,
                actor=resolver.get(Actor, actor, entry, "actor"),
                role=role,
                position=position,
            )
        obj.events.all().delete()
        for row in plan["events"]:
            _instance(Event, EVENT_FIELDS, row, entry, resolver, case=obj).save()
        obj.analyses.all().delete()
        for row in plan["analyses"]:
            _instance(Analysis, ANALYSIS_FIELDS, row, entry, resolver, case=obj).save()
