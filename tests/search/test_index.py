"""The index stays current as editors work: saving or deleting a page or one of its parts
(an alternative term, a definition, a creator, a tag) changes what search finds at once, and
a command rebuilds everything."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from cases.models import Analysis, Event
from concepts.models import AltTerm, Concept, Definition
from sources.content import Status
from sources.models import CreatorRole, Person, SearchDocument, SourceCreator
from sources.search.indexing import deferred
from tests.search.helpers import found


def test_every_kind_of_page_is_indexed(sample):
    kinds = set(SearchDocument.objects.values_list("kind", flat=True))
    assert kinds == {"concept", "case", "source", "person"}
    assert not SearchDocument.objects.get(
        object_id=sample.draft_concept.pk, kind="concept"
    ).published


def test_a_renamed_concept_is_found_by_its_new_name_only(sample):
    concept = sample.alliance_dilemma
    concept.name_en = "Ally's quandary"
    concept.save()
    assert found("quandary")[:1] == ["concept:alliance-dilemma"]
    assert "concept:alliance-dilemma" not in found("alliance dilemma")[:1]


def test_alternative_terms_count_from_the_moment_they_are_added(sample):
    assert not found("entanglement paradox")
    term = AltTerm.objects.create(
        concept=sample.alliance_dilemma, lang="en", term="entanglement paradox"
    )
    assert found("entanglement paradox") == ["concept:alliance-dilemma"]
    term.delete()
    assert not found("entanglement paradox")


def test_a_definition_makes_its_concept_findable_by_its_words(sample):
    assert not found("gravitational")
    Definition.objects.create(
        concept=sample.alliance_dilemma,
        text_en="A gravitational pull between allies.",
        source=sample.snyder1984,
    )
    assert found("gravitational") == ["concept:alliance-dilemma"]


def test_an_event_makes_its_case_findable(sample):
    Event.objects.create(case=sample.cold_war, year=1948, title_en="Berlin airlift")
    assert found("airlift") == ["case:cold-war"]


def test_a_deleted_page_disappears(sample):
    sample.cuba.delete()
    assert "case:cuban-missile-crisis" not in found("Cuban Missile Crisis")
    assert not SearchDocument.objects.filter(kind="case", object_id=sample.cuba.pk).exists()


def test_a_new_creator_makes_a_source_findable_by_name(sample):
    assert "source:herz1950" not in found("Snyder")
    SourceCreator.objects.create(
        source=sample.herz1950, person=sample.snyder, role=CreatorRole.EDITOR, position=1
    )
    assert "source:herz1950" in found("Snyder")


def test_renaming_a_person_reindexes_their_works(sample):
    person = Person.objects.get(slug="robert-jervis")
    person.name_zh_hant = "傑維斯"
    person.save()
    results = found("傑維斯")
    assert results[0] == "person:robert-jervis"
    assert "source:jervis1978" in results


def test_tags_filter_results_as_soon_as_they_change(sample):
    assert "concept:alliance-dilemma" not in found("dilemma", tag="security")
    sample.alliance_dilemma.tags.add(sample.tag_security)
    assert "concept:alliance-dilemma" in found("dilemma", tag="security")
    sample.alliance_dilemma.tags.remove(sample.tag_security)
    assert "concept:alliance-dilemma" not in found("dilemma", tag="security")


def test_drafts_are_found_only_for_editors_and_once_published(sample):
    assert "concept:secret-draft" not in found("draft concept")
    assert "concept:secret-draft" in found("draft concept", include_unpublished=True)
    sample.draft_concept.status = Status.PUBLISHED
    sample.draft_concept.save()
    assert found("draft concept")[:1] == ["concept:secret-draft"]


def test_deferred_writes_reindex_each_page_once_at_the_end(sample, django_assert_max_num_queries):
    with deferred():
        concept = Concept.objects.create(
            slug="spiral", name_zh_hant="螺旋模型", name_en="Spiral model", status="published"
        )
        # bulk_create sends no signals: only reindexing at the end sees these terms.
        AltTerm.objects.bulk_create(
            [AltTerm(concept=concept, lang="en", term="conflict spiral")]
            + [AltTerm(concept=concept, lang="zh-hant", term="衝突螺旋")]
        )
        assert not found("conflict spiral")
    assert found("衝突螺旋")[:1] == ["concept:spiral"]
    assert found("conflict spiral")[:1] == ["concept:spiral"]


def test_the_full_text_index_follows_the_table(sample):
    # The database's own index (FTS5 table, or generated tsvector) is in step with the rows.
    sample.cold_war.delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sources_searchdocument_fts")
            assert cursor.fetchone()[0] == SearchDocument.objects.count()
    SearchDocument.objects.filter(kind="concept").update(tokens_title="zzyzx")
    assert set(found("zzyzx")) == {"concept:security-dilemma", "concept:alliance-dilemma"}


def test_the_rebuild_command_restores_a_lost_index(sample):
    SearchDocument.objects.all().delete()
    assert not found("security dilemma")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "concept: 3 document(s)" in out.getvalue()
    assert found("security dilemma")[:1] == ["concept:security-dilemma"]
    assert found("securty")[:1] == ["concept:security-dilemma"], "the vocabulary is rebuilt"


@pytest.mark.parametrize("word", ["zygomorphic", "Zygomorphic"])
def test_new_words_join_the_vocabulary_for_typo_correction(sample, word):
    Concept.objects.create(
        slug="zygo", name_zh_hant="兩側對稱", name_en=f"{word} balance", status="published"
    )
    assert found("zygomorfic")[:1] == ["concept:zygo"]


def test_a_renamed_or_deleted_tag_is_followed(sample):
    tag = sample.tag_security
    tag.slug = "safety"
    tag.save()
    assert "concept:security-dilemma" in found("dilemma", tag="safety")
    assert not found("dilemma", tag="security")
    tag.delete()
    assert not found("dilemma", tag="safety")


def test_analyses_count_for_a_case_only_once_their_concept_is_published(sample):
    Analysis.objects.create(
        case=sample.cuba, concept=sample.draft_concept, text_en="Quarantine brinkmanship."
    )
    assert not found("brinkmanship")
    sample.draft_concept.status = Status.PUBLISHED
    sample.draft_concept.save()
    assert found("brinkmanship") == ["case:cuban-missile-crisis"]
