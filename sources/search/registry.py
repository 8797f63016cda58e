"""Which models are searchable, and how each one describes itself to the index.

Like sources.citing, this lets `sources` index concepts and cases without importing them: each
app registers its models in AppConfig.ready(). Saving or deleting a registered object, or one of
the rows its document is built from (an alternative term, a creator), reindexes it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save


@dataclass
class Document:
    """What a registered model says about one object; the indexer folds and tokenises it."""

    title_en: str
    title_zh_hant: str
    # Other titles searched as titles (a translated or original title).
    titles: Sequence[str] = ()
    # Alternative terms and names: searched just below titles.
    alt: Sequence[str] = ()
    # Plain text in each language: searched, and quoted in snippets.
    body_en: str = ""
    body_zh_hant: str = ""
    # Searched as body text but never quoted (a journal, a publisher).
    extra: Sequence[str] = ()
    # (kind, value) pairs found only by an exact lookup: ("doi", "10.2307/2009958").
    idents: Sequence[tuple[str, str]] = ()
    subtitle_en: str = ""
    subtitle_zh_hant: str = ""
    tags: Sequence[str] = ()
    published: bool = True
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    plural: str
    order: int
    model: type[models.Model]
    # Everything `build` reads, prefetched, so that a rebuild takes a few queries per batch.
    queryset: Callable[[], models.QuerySet]
    build: Callable[[models.Model], Document]
    # Written in both languages by the editors, so a title missing in one is a fallback
    # worth marking (unlike a book's title, which exists in its own language only).
    bilingual: bool = False


_kinds: dict[type[models.Model], Kind] = {}


def register(
    model, *, key, label, plural, order, queryset, build, m2m=(), bilingual=False
) -> None:
    """Make `model` searchable as `key`; `m2m` lists through models (tags) whose changes
    reindex it."""
    _kinds[model] = Kind(key, label, plural, order, model, queryset, build, bilingual)
    post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{key}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{key}")
    for through in m2m:
        m2m_changed.connect(_m2m, sender=through, dispatch_uid=f"search-m2m-{key}-{through}")


def depends(model, parents: Callable[[models.Model], Iterable[models.Model]]) -> None:
    """Reindex the objects `parents(row)` returns when a row of `model` is saved or deleted
    (an alternative term → its concept). Unsaved stubs such as Concept(pk=…) are fine."""
    _parents.setdefault(model, []).append(parents)
    uid = f"{model._meta.label}-{len(_parents[model])}"
    post_save.connect(_part_changed, sender=model, dispatch_uid=f"search-part-save-{uid}")
    post_delete.connect(_part_changed, sender=model, dispatch_uid=f"search-part-delete-{uid}")


_parents: dict[type[models.Model], list[Callable]] = {}


def kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda k: k.order)


def kind(key: str) -> Kind:
    return next(k for k in _kinds.values() if k.key == key)


def kind_of(model) -> Kind | None:
    return _kinds.get(model._meta.concrete_model)


def _schedule(model, pk) -> None:
    from sources.search.indexing import schedule  # the indexer imports the models

    schedule(model._meta.concrete_model, pk)


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _schedule(sender, instance.pk)


def _deleted(sender, instance, **kwargs):
    _schedule(sender, instance.pk)


def _part_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for parents in _parents[sender]:
        for parent in parents(instance):
            if parent is not None and parent.pk is not None:
                _schedule(type(parent), parent.pk)


def _m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        _schedule(type(instance), instance.pk)
    else:
        # tag.concepts.add(…): the objects are the other side.
        for pk in pk_set or ():
            if kind_of(model):
                _schedule(model, pk)
