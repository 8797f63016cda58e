"""Invariants of the domain model, enforced by the database and by validation."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases.models import Case, Event
from concepts.models import ConceptRelation, Definition
from sources.models import Citation, LocatorLabel


def test_cited_records_are_mirrored_into_the_citation_index(sample):
    cited = Citation.objects.filter(source=sample.jervis1978)
    assert {c.content_object for c in cited} == {sample.definition, sample.event}
    assert {c.pinpoint for c in cited} == {"p. 169", "p. 170"}


def test_changing_a_citation_updates_the_index_instead_of_adding_to_it(sample):
    sample.definition.source = sample.herz1950
    sample.definition.locator = "157–158"
    sample.definition.save()
    rows = list(Citation.objects.for_object(sample.definition))
    assert [(r.source, r.pinpoint) for r in rows] == [(sample.herz1950, "pp. 157–158")]


def test_deleting_a_citing_record_removes_its_citations(sample):
    rows = Citation.objects.for_object(sample.event)
    assert rows.exists()
    sample.event.delete()
    assert not rows.exists()


def test_a_cited_source_cannot_be_deleted(sample):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        sample.jervis1978.delete()


def test_locator_labels_abbreviate_pages():
    assert LocatorLabel.PAGE.abbreviate("170") == "p. 170"
    assert LocatorLabel.PAGE.abbreviate("461–495") == "pp. 461–495"


def test_a_concept_cannot_be_related_to_itself(sample):
    relation = ConceptRelation(
        origin=sample.security_dilemma, kind="related_to", target=sample.security_dilemma
    )
    with pytest.raises(ValidationError):
        relation.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        relation.save()


def test_relations_are_unique_per_kind(sample):
    with pytest.raises(IntegrityError), transaction.atomic():
        ConceptRelation.objects.create(
            origin=sample.alliance_dilemma, kind="variant_of", target=sample.security_dilemma
        )


def test_relation_wording_differs_at_each_end(sample):
    relation = ConceptRelation.objects.get(origin=sample.alliance_dilemma)
    assert relation.forward_label == "is a variant of"
    assert relation.reverse_label == "has the variant"


def test_a_case_cannot_end_before_it_starts(sample):
    case = Case(
        slug="backwards",
        title_en="Backwards",
        title_zh_hant="倒序",
        start_date=dt.date(1990, 1, 1),
        end_date=dt.date(1980, 1, 1),
    )
    with pytest.raises(ValidationError, match="end"):
        case.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        case.save()


def test_a_case_cannot_be_its_own_ancestor(sample):
    sample.cold_war.parent = sample.cuba
    with pytest.raises(ValidationError, match="part of itself"):
        sample.cold_war.full_clean()
    sample.cold_war.parent = sample.cold_war
    with pytest.raises(IntegrityError), transaction.atomic():
        sample.cold_war.save()


def test_a_definition_needs_text_in_some_language(sample):
    definition = Definition(concept=sample.security_dilemma)
    with pytest.raises(ValidationError):
        definition.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        definition.save()


def test_a_definition_family_must_belong_to_the_same_concept(sample):
    definition = Definition(
        concept=sample.alliance_dilemma, family=sample.family, text_en="Fear of abandonment."
    )
    with pytest.raises(ValidationError, match="another concept"):
        definition.full_clean()


def test_an_event_needs_a_title(sample):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(case=sample.cold_war, date=dt.date(1950, 6, 25))


def test_chinese_sort_key_is_kept_current(sample):
    sample.security_dilemma.name_zh_hant = "不安全困境"
    sample.security_dilemma.save(update_fields=["name_zh_hant"])
    sample.security_dilemma.refresh_from_db()
    assert sample.security_dilemma.sort_key_zh.startswith("ㄅㄨ4")


def test_every_public_model_has_str_ordering_and_url(sample):
    for obj in (
        sample.jervis,
        sample.jervis1978,
        sample.tag_security,
        sample.security_dilemma,
        sample.definition,
        sample.cold_war,
        sample.event,
        sample.analysis,
        sample.usa,
    ):
        assert str(obj)
        assert obj._meta.ordering, type(obj)
        assert obj.get_absolute_url().startswith("/")


def test_a_case_before_the_common_era_keeps_its_years_and_sorts_first(sample):
    from django.utils import translation

    athens = Case.objects.create(
        slug="peloponnesian-war",
        title_en="Peloponnesian War",
        title_zh_hant="伯羅奔尼撒戰爭",
        start_year=-431,
        end_year=-404,
        status="published",
    )
    Event.objects.create(case=athens, year=-421, title_en="Peace of Nicias", precision="year")
    assert (athens.start_display, athens.end_display) == ("431 BCE", "404 BCE")
    assert athens.period.value == "before-1914"
    assert Case.objects.published().chronological().first() == athens
    with translation.override("zh-hant"):
        assert athens.events.get().date_display == "西元前 421 年"


def test_there_is_no_year_zero(sample):
    case = Case(slug="zero", title_en="Zero", title_zh_hant="零", start_year=0)
    with pytest.raises(ValidationError, match="no year 0"):
        case.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        case.save()


def test_a_full_date_decides_the_year(sample):
    sample.cuba.start_year = 1900
    sample.cuba.save()
    assert sample.cuba.start_year == 1962
