"""Corpus kinds for the sources app: tags, people and sources with their creators."""

from cases.corpus.base import Kind, Resolver, current_tags, set_tags
from cases.corpus.reading import Entry
from sources.models import CreatorRole, Person, Source, SourceCreator, Tag


class TagKind(Kind):
    filename = "tags.yaml"
    label = "tags"
    model = Tag
    translated = {"name": True}

    def columns(self, name):
        return {"zh-hant": "name_zh_hant", "en": "name"}


class PersonKind(Kind):
    filename = "people.yaml"
    label = "people"
    model = Person
    plain = (
        "family_name",
        "given_name",
        "family_name_original",
        "given_name_original",
        "name_zh_hant",
        "name_order",
        "orcid",
        "wikidata",
    )
    translated = {"note": False}


# Entry keys listing a source's creators, in order, by person slug.
_CREATOR_KEYS = {
    "authors": CreatorRole.AUTHOR,
    "editors": CreatorRole.EDITOR,
    "translators": CreatorRole.TRANSLATOR,
    "container_authors": CreatorRole.CONTAINER_AUTHOR,
}


class SourceKind(Kind):
    filename = "sources.yaml"
    label = "sources"
    model = Source
    key = "citation_key"
    plain = (
        "item_type",
        "title",
        "original_title",
        "translated_title",
        "container_title",
        "collection_title",
        "volume",
        "issue",
        "pages",
        "year",
        "month",
        "day",
        "edition",
        "publisher",
        "publisher_place",
        "doi",
        "isbn",
        "issn",
        "jstor_id",
        "handle",
        "url",
        "archived_url",
        "accessed",
        "language",
        "abstract",
        "note",
    )
    link_keys = ("tags", *_CREATOR_KEYS)

    def plan(self, entry: Entry, resolver: Resolver):
        creators = []
        for key, role in _CREATOR_KEYS.items():
            for position, slug in enumerate(entry.data.get(key) or []):
                resolver.get(Person, slug, entry, "person")
                creators.append((str(role), position, str(slug)))
        return {"tags": resolver.tags(entry), "creators": tuple(sorted(creators))}

    def current(self, obj):
        rows = obj.creators.values_list("role", "position", "person__slug")
        return {"tags": current_tags(obj), "creators": tuple(sorted(rows))}

    def write(self, obj, plan, entry, resolver):
        set_tags(obj, plan["tags"], entry, resolver)
        obj.creators.all().delete()
        for role, position, slug in plan["creators"]:
            person = resolver.get(Person, slug, entry, "person")
            SourceCreator.objects.create(source=obj, person=person, role=role, position=position)
