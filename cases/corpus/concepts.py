"""The concept kind: names, texts, tags, alternative terms, definitions and relations."""

from cases.corpus.base import (
    Kind,
    Resolver,
    cited,
    current_tags,
    set_tags,
    translation_pair,
    validated,
)
from cases.corpus.reading import LANG_KEYS, Entry
from concepts.models import AltTerm, Concept, ConceptRelation, Definition, DefinitionFamily
from sources.models import Person


def _definition(item: dict, family: int, position: int, entry: Entry, resolver: Resolver):
    if not isinstance(item, dict):
        raise entry.error("each definition must be a mapping")
    zh, en = translation_pair(entry, "text", item, required=False)
    key, label, locator = cited(item, entry, resolver)
    people = tuple(sorted(str(s) for s in item.get("people") or []))
    for slug in people:
        resolver.get(Person, slug, entry, "person")
    row = Definition(
        text_zh_hant=zh,
        text_en=en,
        locator_label=label,
        locator=locator,
        position=position,
        source=resolver.source(key, entry) if key else None,
    )
    validated(row, entry, f"definition {position} of family {family}", exclude=["concept"])
    return (family, position, zh, en, key, label, locator, people)


class ConceptKind(Kind):
    filename = "concepts.yaml"
    label = "concepts"
    model = Concept
    plain = ("status", "featured")
    translated = {"name": True, "summary": True, "body": False}
    link_keys = ("tags", "alt_terms", "definition_families", "definitions", "relations")

    def field_values(self, entry, resolver):
        entry.data.setdefault("status", "published")
        return super().field_values(entry, resolver)

    def plan(self, entry: Entry, resolver: Resolver):
        alt_terms = entry.data.get("alt_terms") or {}
        if not isinstance(alt_terms, dict) or set(alt_terms) - set(LANG_KEYS):
            raise entry.error("alt_terms must map zh-hant and en to lists of terms")
        families, definitions = [], []
        for position, item in enumerate(entry.data.get("definitions") or [], start=1):
            definitions.append(_definition(item, 0, position, entry, resolver))
        for number, family in enumerate(entry.data.get("definition_families") or [], start=1):
            zh, en = translation_pair(entry, "name", family, required=True)
            families.append((number, zh, en))
            for position, item in enumerate(family.get("definitions") or [], start=1):
                definitions.append(_definition(item, number, position, entry, resolver))
        relations = []
        for item in entry.data.get("relations") or []:
            target = resolver.get(Concept, item.get("target"), entry, "concept")
            zh, en = translation_pair(entry, "note", item, required=False)
            row = ConceptRelation(
                kind=item.get("kind"), target=target, note_zh_hant=zh, note_en=en
            )
            validated(row, entry, f"relation to {target.slug}", exclude=["origin"])
            relations.append((row.kind, target.slug, zh, en))
        return {
            "tags": resolver.tags(entry),
            "alt_terms": tuple(
                sorted((lang, str(t)) for lang, terms in alt_terms.items() for t in terms or [])
            ),
            "families": tuple(families),
            "definitions": tuple(sorted(definitions)),
            "relations": tuple(sorted(relations)),
        }

    def current(self, obj):
        definitions = obj.definitions.select_related("family", "source").prefetch_related("people")
        return {
            "tags": current_tags(obj),
            "alt_terms": tuple(sorted(obj.alt_terms.values_list("lang", "term"))),
            "families": tuple(
                obj.families.order_by("position").values_list(
                    "position", "name_zh_hant", "name_en"
                )
            ),
            "definitions": tuple(
                sorted(
                    (
                        d.family.position if d.family else 0,
                        d.position,
                        d.text_zh_hant,
                        d.text_en,
                        d.source.citation_key if d.source else "",
                        d.locator_label,
                        d.locator,
                        tuple(sorted(p.slug for p in d.people.all())),
                    )
                    for d in definitions
                )
            ),
            "relations": tuple(
                sorted(
                    obj.relations_out.values_list(
                        "kind", "target__slug", "note_zh_hant", "note_en"
                    )
                )
            ),
        }

    def write(self, obj, plan, entry, resolver):
        set_tags(obj, plan["tags"], entry, resolver)
        obj.alt_terms.all().delete()
        AltTerm.objects.bulk_create(
            AltTerm(concept=obj, lang=lang, term=term) for lang, term in plan["alt_terms"]
        )
        obj.definitions.all().delete()
        obj.families.all().delete()
        families = {
            number: DefinitionFamily.objects.create(
                concept=obj, position=number, name_zh_hant=zh, name_en=en
            )
            for number, zh, en in plan["families"]
        }
        for family, position, zh, en, key, label, locator, people in plan["definitions"]:
            definition = Definition.objects.create(
                concept=obj,
                family=families.get(family),
                position=position,
                text_zh_hant=zh,
                text_en=en,
                source=resolver.source(key, entry) if key else None,
                locator_label=label,
                locator=locator,
            )
            definition.people.set(resolver.get(Person, s, entry, "person") for s in people)
        obj.relations_out.all().delete()
        for kind, target, zh, en in plan["relations"]:
            ConceptRelation.objects.create(
                origin=obj,
                kind=kind,
                target=resolver.get(Concept, target, entry, "concept"),
                note_zh_hant=zh,
                note_en=en,
            )
