"""Sources, the people who wrote them, tags, and the citation index."""

from sources.models.bibliography import (
    CreatorRole,
    ItemType,
    Language,
    Source,
    SourceCreator,
    SourceQuerySet,
    citation_key_validator,
)
from sources.models.citations import Citation, CitationQuerySet, Cited, LocatorLabel
from sources.models.people import NameOrder, Person, PersonQuerySet
from sources.models.tags import Tag, TaggedSource
from sources.search.models import SearchDocument, SearchTerm

__all__ = [
    "Citation",
    "CitationQuerySet",
    "Cited",
    "CreatorRole",
    "ItemType",
    "Language",
    "LocatorLabel",
    "NameOrder",
    "Person",
    "PersonQuerySet",
    "SearchDocument",
    "SearchTerm",
    "Source",
    "SourceCreator",
    "SourceQuerySet",
    "Tag",
    "TaggedSource",
    "citation_key_validator",
]
