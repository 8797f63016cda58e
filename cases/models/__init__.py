"""Historical cases, their actors, timelines and analyses; and the corpus loader's stamps."""

from cases.models.actors import Actor, ActorKind, ActorQuerySet
from cases.models.cases import (
    ActorRole,
    Analysis,
    AnalysisKind,
    Case,
    CaseActor,
    CaseQuerySet,
    Event,
    Region,
    TaggedCase,
)
from cases.models.corpus import CorpusStamp

__all__ = [
    "Actor",
    "ActorKind",
    "ActorQuerySet",
    "ActorRole",
    "Analysis",
    "AnalysisKind",
    "Case",
    "CaseActor",
    "CaseQuerySet",
    "CorpusStamp",
    "Event",
    "Region",
    "TaggedCase",
]
