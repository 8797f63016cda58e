"""What the API and the dump read: published objects only, in a stable order, with everything
their serialisers touch prefetched, so that a page of any size takes a constant number of
queries. The API shows more than the pages do (every relation with its own links), so these are
its own prefetches rather than the pages' for_detail()."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from cases.models import Actor, Analysis, Case, CaseActor, Event, TaggedCase
from concepts.models import Concept, ConceptRelation, Definition, TaggedConcept
from sources.content import Status
from sources.models import Citation, Person, Source, SourceCreator, Tag, TaggedSource

PUBLISHED = Status.PUBLISHED


def _tagged_count(through, **filters):
    """Rows tagged per tag, as a subquery: counts of several kinds as joins would multiply."""
    rows = (
        through.objects.filter(tag=OuterRef("pk"), **filters)
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def tags():
    return Tag.objects.annotate(
        concept_count=_tagged_count(TaggedConcept, content_object__status=PUBLISHED),
        case_count=_tagged_count(TaggedCase, content_object__status=PUBLISHED),
        source_count=_tagged_count(TaggedSource),
    ).order_by("slug")


def persons():
    return Person.objects.order_by("slug")


def person_detail():
    return persons().prefetch_related(
        Prefetch(
            "credits",
            queryset=SourceCreator.objects.select_related("source").order_by(
                "source__citation_key", "role", "position"
            ),
        ),
        Prefetch(
            "definitions",
            queryset=Definition.objects.filter(concept__status=PUBLISHED)
            .select_related("concept")
            .order_by("concept__slug", "position", "pk"),
        ),
        Prefetch("actors", queryset=Actor.objects.order_by("slug")),
    )


def sources():
    return Source.objects.with_creators().prefetch_related("tags").order_by("citation_key")


def source_detail():
    from sources import citing  # the registry of citing models, filled in by the apps

    return sources().prefetch_related(
        Prefetch(
            "citations",
            queryset=Citation.objects.prefetch_related(citing.prefetch()).order_by("pk"),
        )
    )


def citations():
    """Every citation with its source and citing object; the caller drops those on drafts."""
    from sources import citing

    return (
        Citation.objects.select_related("source")
        .prefetch_related(citing.prefetch())
        .order_by("pk")
    )


def concepts():
    return Concept.objects.published().prefetch_related("tags").order_by("slug")


def _analyses(**published):
    return Prefetch(
        "analyses",
        queryset=Analysis.objects.filter(**published)
        .select_related("case", "concept", "source")
        .order_by("case__slug", "concept__slug"),
    )


def concept_detail():
    return concepts().prefetch_related(
        "alt_terms",
        "families",
        Prefetch(
            "definitions",
            queryset=Definition.objects.select_related("source").prefetch_related(
                Prefetch("people", queryset=Person.objects.order_by("slug"))
            ),
        ),
        Prefetch(
            "relations_out",
            queryset=ConceptRelation.objects.filter(target__status=PUBLISHED).select_related(
                "target"
            ),
        ),
        Prefetch(
            "relations_in",
            queryset=ConceptRelation.objects.filter(origin__status=PUBLISHED).select_related(
                "origin"
            ),
        ),
        _analyses(case__status=PUBLISHED),
    )


def cases():
    return (
        Case.objects.published().select_related("parent").prefetch_related("tags").chronological()
    )


def case_detail():
    return cases().prefetch_related(
        Prefetch("actors", queryset=CaseActor.objects.select_related("actor")),
        Prefetch("events", queryset=Event.objects.select_related("source")),
        _analyses(concept__status=PUBLISHED),
        Prefetch("children", queryset=Case.objects.published().chronological()),
    )


def actors():
    return Actor.objects.select_related("person").order_by("slug")


def actor_detail():
    return actors().prefetch_related(
        Prefetch(
            "roles",
            queryset=CaseActor.objects.filter(case__status=PUBLISHED)
            .select_related("case")
            .order_by("case__start_year", "case__start_date", "case__slug", "position"),
        )
    )
