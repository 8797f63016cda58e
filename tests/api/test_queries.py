"""Query counts: every list page, detail and the dump reads what it serialises in a fixed
number of queries, so that a client paging through a hundred items, or a dump of the whole
base, costs the same handful of queries whatever the size of the base."""

import datetime as dt

import pytest

from cases.models import Actor, ActorRole, Analysis, Case, CaseActor, Event
from concepts.models import AltTerm, ConceptRelation, Definition
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator, Tag
from tests.api.helpers import make_concept


def grow(sample, n=4):
    """More of everything, each tied to the rest as the sample's objects are."""
    for i in range(n):
        tag = Tag.objects.create(name=f"topic {i}", slug=f"topic-{i}", name_zh_hant=f"主題{i}")
        person = Person.objects.create(slug=f"author-{i}", family_name=f"Author{i}")
        source = Source.objects.create(
            citation_key=f"author{i}2000", item_type="book", title=f"Book {i}", year=2000
        )
        SourceCreator.objects.create(source=source, person=person, role=CreatorRole.AUTHOR)
        source.tags.add(tag)
        concept = make_concept(f"extra-{i}", body_en=f"See [@author{i}2000, p. {i + 1}].")
        concept.tags.add(tag, sample.tag_security)
        AltTerm.objects.create(concept=concept, lang="en", term=f"other {i}")
        Definition.objects.create(
            concept=concept, text_en=f"Definition {i}.", source=source, locator=str(i + 1)
        ).people.add(person)
        ConceptRelation.objects.create(
            origin=concept, kind="related_to", target=sample.security_dilemma
        )
        actor = Actor.objects.create(slug=f"state-{i}", name_en=f"State {i}", name_zh_hant="國")
        case = Case.objects.create(
            slug=f"case-{i}",
            title_en=f"Case {i}",
            title_zh_hant=f"案例{i}",
            start_year=1900 + i,
            parent=sample.cold_war,
            status=Status.PUBLISHED,
        )
        case.tags.add(tag)
        CaseActor.objects.create(case=case, actor=actor, role=ActorRole.ALLY)
        Event.objects.create(
            case=case, date=dt.date(1900 + i, 1, 1), title_en=f"Event {i}", source=source
        )
        Analysis.objects.create(case=case, concept=concept, text_en="Fits.", source=source)


def count_queries(client, path, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


# (address, queries): a list is a count, its page and one query per prefetched relation.
LISTS = [
    ("/api/v1/concepts/?page_size=100", 3),  # count, page, tags
    ("/api/v1/cases/?page_size=100", 3),  # count, page with parents, tags
    ("/api/v1/sources/?page_size=100", 4),  # count, page, creators with persons, tags
    ("/api/v1/persons/?page_size=100", 2),  # count, page
    ("/api/v1/tags/?page_size=100", 2),  # count, page with its counts as subqueries
    ("/api/v1/actors/?page_size=100", 2),  # count, page with persons
]


@pytest.mark.parametrize(("path", "expected"), LISTS)
def test_list_pages_take_the_same_queries_however_long(
    visitor, sample, django_assert_num_queries, path, expected
):
    """Each prefetch serves the whole page: more items on it must not add a query."""
    count_queries(visitor, path, django_assert_num_queries, expected)
    grow(sample)
    count_queries(visitor, path, django_assert_num_queries, expected)


DETAILS = [
    # concept, tags, terms, families, definitions, their people, relations out and in, analyses
    ("/api/v1/concepts/security-dilemma/", 9),
    # case, tags, actors, events, analyses, children
    ("/api/v1/cases/cold-war/", 6),
    # person, works, definitions, actors
    ("/api/v1/persons/robert-jervis/", 4),
    # tag, its concepts, cases and sources
    ("/api/v1/tags/security/", 4),
    # actor, its roles in cases
    ("/api/v1/actors/united-states/", 2),
]


@pytest.mark.parametrize(("path", "expected"), DETAILS)
def test_detail_pages_take_the_same_queries_however_rich(
    visitor, sample, django_assert_num_queries, path, expected
):
    """Details gather their relations by prefetching: more relations, no more queries."""
    count_queries(visitor, path, django_assert_num_queries, expected)
    grow(sample)
    Definition.objects.create(
        concept=sample.security_dilemma, text_en="Another.", source=sample.herz1950
    ).people.add(sample.jervis, sample.herz)
    CaseActor.objects.create(
        case=sample.cold_war, actor=Actor.objects.get(slug="state-0"), role=ActorRole.ALLY
    )
    SourceCreator.objects.create(
        source=Source.objects.get(citation_key="author12000"),
        person=sample.jervis,
        role=CreatorRole.EDITOR,
    )
    sample.usa.person = sample.jervis
    sample.usa.save()
    count_queries(visitor, path, django_assert_num_queries, expected)


def test_source_detail_takes_a_query_per_kind_of_citing_page(
    visitor, sample, django_assert_num_queries
):
    """Where a source is cited is read with one query per kind of citing record (definitions,
    events, analyses, concepts, cases), not one per citation."""
    # source, creators, tags, citations, definitions, events
    count_queries(visitor, "/api/v1/sources/jervis1978/", django_assert_num_queries, 6)
    for i in range(3):
        Definition.objects.create(
            concept=sample.alliance_dilemma, text_en=f"D{i}", source=sample.jervis1978
        )
        Event.objects.create(
            case=sample.cold_war, year=1950 + i, title_en=f"E{i}", source=sample.jervis1978
        )
    count_queries(visitor, "/api/v1/sources/jervis1978/", django_assert_num_queries, 6)


def test_the_dump_takes_the_same_queries_whatever_the_size(
    visitor, sample, django_assert_num_queries
):
    """The dump reads each section in chunks of hundreds with their prefetches; below a chunk
    more objects cost nothing, above it a few queries per chunk (not per object)."""
    # Citations in bodies, so that every kind of citing record is present from the start.
    sample.security_dilemma.body_en += " [@herz1950]"
    sample.security_dilemma.save()
    sample.cold_war.body_en = "[@snyder1984, p. 470]"
    sample.cold_war.save()
    # Sections: tags 1, persons 1, sources 3, concepts 9, cases 6, actors 1, citations 1 and
    # one per kind of citing record (concepts, cases, definitions, events, analyses).
    count_queries(visitor, "/api/v1/dump.json", django_assert_num_queries, 27)
    grow(sample)
    count_queries(visitor, "/api/v1/dump.json", django_assert_num_queries, 27)
