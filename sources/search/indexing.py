"""Writing the search index: one document per registered object, kept current on save."""

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation

from sources.search import registry, typos
from sources.search.models import SearchDocument
from sources.search.text import fold, ident_token, key_token, stem_key, tokens, words

BATCH = 500
_state = threading.local()


@contextmanager
def deferred():
    """Collect reindexing until the block ends, then do each object once: for bulk writes
    such as loading the corpus, where a concept and its many parts are saved one by one."""
    outer = getattr(_state, "pending", None) is None
    if outer:
        _state.pending = {}
    try:
        yield
    finally:
        if outer:
            pending, _state.pending = _state.pending, None
            by_model: dict = {}
            for model, pk in pending:
                by_model.setdefault(model, set()).add(pk)
            for model, pks in by_model.items():
                reindex(model, pks)


def schedule(model, pk) -> None:
    pending = getattr(_state, "pending", None)
    if pending is None:
        reindex(model, [pk])
    else:
        pending[(model, pk)] = None


def reindex(model, pks: Iterable) -> None:
    """Rewrite (or remove) the documents of these objects of a registered model."""
    kind = registry.kind_of(model)
    if kind is None:
        return
    pks = set(pks)
    content_type = ContentType.objects.get_for_model(model)
    objects = list(kind.queryset().filter(pk__in=pks))
    with transaction.atomic():
        gone = pks - {obj.pk for obj in objects}
        if gone:
            SearchDocument.objects.filter(content_type=content_type, object_id__in=gone).delete()
        learned: set[str] = set()
        for obj in objects:
            fields, vocabulary = document_fields(kind, obj)
            learned |= vocabulary
            SearchDocument.objects.update_or_create(
                content_type=content_type, object_id=obj.pk, defaults=fields
            )
        typos.learn(learned)


def rebuild() -> dict[str, int]:
    """Empty the index and build it again from every registered model."""
    counts = {}
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        typos.forget()
        for kind in registry.kinds():
            content_type = ContentType.objects.get_for_model(kind.model)
            batch, learned, n = [], set(), 0
            for obj in kind.queryset().order_by("pk").iterator(chunk_size=BATCH):
                fields, vocabulary = document_fields(kind, obj)
                learned |= vocabulary
                batch.append(SearchDocument(content_type=content_type, object_id=obj.pk, **fields))
                if len(batch) >= BATCH:
                    n += len(SearchDocument.objects.bulk_create(batch))
                    batch = []
            n += len(SearchDocument.objects.bulk_create(batch))
            typos.learn(learned)
            counts[kind.key] = n
    return counts


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def document_fields(kind: registry.Kind, obj) -> tuple[dict, set[str]]:
    """The SearchDocument columns for one object, and the words it adds to the vocabulary."""
    doc = kind.build(obj)
    urls = {}
    for lang in ("en", "zh-hant"):
        with translation.override(lang):
            urls[lang] = obj.get_absolute_url()
    title_keys = _unique(fold(t) for t in (doc.title_en, doc.title_zh_hant, *doc.titles))
    alt_keys = _unique(fold(t) for t in doc.alt)
    alt_keys = [k for k in alt_keys if k not in title_keys]
    body = " ".join(fold(t) for t in (doc.body_en, doc.body_zh_hant, *doc.extra))
    title_tokens = tokens(" ".join(title_keys), surface=True) + [
        key_token(stem_key(k)) for k in title_keys
    ]
    alt_tokens = (
        tokens(" ".join(alt_keys), surface=True)
        + [key_token(stem_key(k)) for k in alt_keys]
        + [ident_token(k, v) for k, v in doc.idents if v]
    )
    fields = {
        "kind": kind.key,
        "published": doc.published,
        "url_en": urls["en"][:500],
        "url_zh_hant": urls["zh-hant"][:500],
        "title_en": (doc.title_en or doc.title_zh_hant)[:500],
        "title_zh_hant": (doc.title_zh_hant or doc.title_en)[:500],
        "subtitle_en": doc.subtitle_en[:300],
        "subtitle_zh_hant": doc.subtitle_zh_hant[:300],
        "body_en": doc.body_en,
        "body_zh_hant": doc.body_zh_hant,
        "tags": f" {' '.join(doc.tags)} ",
        "start_year": doc.start_year,
        "end_year": doc.end_year,
        "title_keys": "\n".join(title_keys),
        "alt_keys": "\n".join(alt_keys),
        "title_stems": "\n".join(map(stem_key, title_keys)),
        "alt_stems": "\n".join(map(stem_key, alt_keys)),
        "folded_body": f" {body} ",
        "tokens_title": " ".join(title_tokens),
        "tokens_alt": " ".join(alt_tokens),
        "tokens_body": " ".join(tokens(body)),
    }
    return fields, words(" ".join([*title_keys, *alt_keys, body]))
