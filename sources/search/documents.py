"""How sources and people are searched: the documents of the `sources` app's own kinds."""

import re

from django.utils.translation import gettext_lazy as _

from sources.models import Person, Source, SourceCreator, Tag, TaggedSource
from sources.search import registry
from sources.search.registry import Document

_NAME_PARTS = re.compile(r"[·・‧•]")


def source_document(source: Source) -> Document:
    names = [
        name
        for credit in source.creators.all()
        for name in (
            credit.person.romanised_name,
            credit.person.original_name,
            credit.person.name_zh_hant,
        )
    ]
    if source.is_chinese:
        title_zh, title_en = source.title, source.translated_title
    else:
        title_en, title_zh = source.title, source.translated_title
    where = " · ".join(
        part
        for part in (
            source.container_title,
            source.collection_title,
            source.publisher,
            source.publisher_place,
        )
        if part
    )
    subtitle = " · ".join(part for part in (source.author_year, source.container_title) if part)
    return Document(
        title_en=title_en,
        title_zh_hant=title_zh,
        titles=[source.original_title],
        # The year sits with the names, so that "Jervis 1978" is found among titles and names.
        alt=[*names, str(source.year or "")],
        body_zh_hant=where if source.is_chinese else "",
        body_en="" if source.is_chinese else where,
        idents=[("key", source.citation_key), ("doi", source.doi), ("isbn", source.isbn)],
        subtitle_en=subtitle,
        subtitle_zh_hant=subtitle,
        tags=[tag.slug for tag in source.tags.all()],
        start_year=source.year,
    )


def person_document(person: Person) -> Document:
    chinese = person.original_name or person.name_zh_hant
    return Document(
        title_en=person.romanised_name,
        title_zh_hant=chinese,
        alt=[
            person.family_name,
            person.sort_name,
            person.original_name,
            person.name_zh_hant,
            # 羅伯特·傑維斯 is often just 傑維斯: each part of a transcribed name counts.
            *_NAME_PARTS.split(person.name_zh_hant),
        ],
        body_en=person.note_en,
        body_zh_hant=person.note_zh_hant,
        idents=[("orcid", person.orcid), ("wikidata", person.wikidata.lower())],
        subtitle_en=chinese,
        subtitle_zh_hant=person.romanised_name if chinese else "",
    )


def register() -> None:
    registry.register(
        Source,
        key="source",
        label=_("Source"),
        plural=_("Sources"),
        order=2,
        queryset=lambda: Source.objects.with_creators().prefetch_related("tags"),
        build=source_document,
        m2m=[TaggedSource],
    )
    registry.register(
        Person,
        key="person",
        label=_("Person"),
        plural=_("People"),
        order=3,
        queryset=lambda: Person.objects.all(),
        build=person_document,
    )
    registry.depends(SourceCreator, lambda credit: [Source(pk=credit.source_id)])
    registry.depends(TaggedSource, lambda row: [Source(pk=row.content_object_id)])
    registry.depends(Tag, lambda tag: Source.objects.filter(tags=tag).only("pk"))
    # A source is found by its creators' names: renaming a person reindexes their works.
    registry.depends(
        Person,
        lambda person: Source.objects.filter(
            pk__in=SourceCreator.objects.filter(person=person).values("source")
        ).only("pk"),
    )
