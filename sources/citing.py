"""A registry of the models that cite sources, so that `sources` can list where it is cited
without importing the apps that depend on it (dependencies point one way)."""

from django.contrib.contenttypes.prefetch import GenericPrefetch

_querysets = {}


def register(model, queryset_factory):
    """Register a citing model with a factory for the queryset that renders its context."""
    _querysets[model] = queryset_factory


def prefetch():
    return GenericPrefetch("content_object", [factory() for factory in _querysets.values()])
