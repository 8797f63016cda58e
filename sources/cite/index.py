"""The citation index for text: one Citation row per citation written in a Markdown field.

Models with Markdown fields list them in `markdown_fields` and call `sync_text_citations(self)`
after saving (sources.content.Article and sources.models.Cited do); `sources` stays ignorant of
the apps whose models these are. Rows carry the column name in `field` ("body_en",
"text_zh_hant"); rows with field="source" belong to Cited and are left alone here.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from sources.cite.markup import clusters
from sources.models import Citation, LocatorLabel, Source

_LOCATOR_LENGTH = Citation._meta.get_field("locator").max_length


@dataclass(frozen=True)
class Occurrence:
    field: str
    key: str
    label: str
    locator: str


def occurrences(obj: models.Model) -> list[Occurrence]:
    """Every citation in the object's Markdown fields, field by field, in text order."""
    return [
        Occurrence(field, item.key, item.label, item.locator)
        for field in type(obj).markdown_fields
        for cluster in clusters(getattr(obj, field) or "")
        for item in cluster.items
    ]


def _rows(obj, found: Iterable[Occurrence], sources: dict[str, int], content_type):
    labels = set(LocatorLabel.values)
    for occurrence in found:
        if occurrence.key not in sources:
            continue  # refused by validation; text saved around it is not indexed
        label = occurrence.label if occurrence.label in labels else LocatorLabel.PAGE
        yield Citation(
            source_id=sources[occurrence.key],
            locator_label=label,
            locator=occurrence.locator[:_LOCATOR_LENGTH],
            content_type=content_type,
            object_id=obj.pk,
            field=occurrence.field,
        )


def sync_text_citations(obj: models.Model, update_fields=None) -> None:
    """Make the object's text citation rows match its Markdown fields: one query for the
    sources, one to delete the old rows, one to insert the new."""
    fields = type(obj).markdown_fields
    if update_fields is not None and not set(update_fields) & set(fields):
        return
    found = occurrences(obj)
    keys = {o.key for o in found}
    sources = (
        dict(Source.objects.filter(citation_key__in=keys).values_list("citation_key", "pk"))
        if keys
        else {}
    )
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        Citation.objects.filter(
            content_type=content_type, object_id=obj.pk, field__in=fields
        ).delete()
        Citation.objects.bulk_create(_rows(obj, found, sources, content_type))


def models_with_markdown() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if getattr(model, "markdown_fields", None) and not model._meta.abstract
    ]


def reindex(progress=None) -> dict[str, int]:
    """Rebuild the text citations of every object, in one transaction; returns the number of
    rows written per model. Sources are read once, not once per object."""
    sources = dict(Source.objects.values_list("citation_key", "pk"))
    written = {}
    with transaction.atomic():
        for model in models_with_markdown():
            fields = model.markdown_fields
            content_type = ContentType.objects.get_for_model(model)
            Citation.objects.filter(content_type=content_type, field__in=fields).delete()
            objects = model._default_manager.only("pk", *fields).order_by("pk")
            rows = []
            for obj in objects.iterator(chunk_size=500):
                rows += _rows(obj, occurrences(obj), sources, content_type)
                if progress:
                    progress(model)
            Citation.objects.bulk_create(rows, batch_size=500)
            written[model._meta.label] = len(rows)
    return written
