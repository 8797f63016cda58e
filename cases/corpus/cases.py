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


def _event(item: dict, entry: Entry, resolver: Resolver) -> tuple:
    date, precision, year = entry.date("date", data=item)
    title_zh, title_en = translation_pair(entry, "title", item, required=True)
    text_zh, text_en = translation_pair(entry, "description", item, required=False)
    key, label, locator = cited(item, entry, resolver)
    row = Event(
        year=year,
        date=date,
        precision=precision,
        title_zh_hant=title_zh,
        title_en=title_en,
        description_zh_hant=text_zh,
        description_en=text_en,
        source=resolver.source(key, entry) if key else None,
        locator_label=label,
        locator=locator,
    )
    validated(row, entry, f"event {title_en!r}", exclude=["case"])
    # No calendar date before the Common Era: "" as in _rows, so plans and rows compare.
    return (
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


def _analysis(item: dict, entry: Entry, resolver: Resolver) -> tuple:
    concept = resolver.get(Concept, item.get("concept"), entry, "concept")
    text_zh, text_en = translation_pair(entry, "text", item, required=True)
    key, label, locator = cited(item, entry, resolver)
    row = Analysis(
        concept=concept,
        kind=item.get("kind") or "illustrates",
        text_zh_hant=text_zh,
        text_en=text_en,
        source=resolver.source(key, entry) if key else None,
        locator_label=label,
        locator=locator,
    )
    validated(row, entry, f"analysis as {concept.slug}", exclude=["case"])
    return (concept.slug, row.kind, text_zh, text_en, key, label, locator)


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
            "events": _rows(
                obj.events.values_list(
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
            ),
            "analyses": _rows(
                obj.analyses.values_list(
                    "concept__slug",
                    "kind",
                    "text_zh_hant",
                    "text_en",
                    "source__citation_key",
                    "locator_label",
                    "locator",
                )
            ),
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
        for year, date, precision, t_zh, t_en, d_zh, d_en, key, label, locator in plan["events"]:
            Event.objects.create(
                case=obj,
                year=year,
                date=date or None,
                precision=precision,
                title_zh_hant=t_zh,
                title_en=t_en,
                description_zh_hant=d_zh,
                description_en=d_en,
                source=resolver.source(key, entry) if key else None,
                locator_label=label,
                locator=locator,
            )
        obj.analyses.all().delete()
        for concept, kind, zh, en, key, label, locator in plan["analyses"]:
            Analysis.objects.create(
                case=obj,
                concept=resolver.get(Concept, concept, entry, "concept"),
                kind=kind,
                text_zh_hant=zh,
                text_en=en,
                source=resolver.source(key, entry) if key else None,
                locator_label=label,
                locator=locator,
            )
