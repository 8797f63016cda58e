"""The real corpus (corpus/): complete, bilingual, cited, and stable when loaded twice.

The corpus is loaded once for the module inside a transaction that is rolled back at the end.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import serializers
from django.db import transaction

from cases.corpus.service import load_corpus
from cases.models import Analysis, Case, Event
from concepts.models import Concept, Definition
from sources.content import Status
from sources.models import Citation, Person, Source

CORPUS = Path(settings.BASE_DIR) / "corpus"

CONCEPTS = """security-dilemma prisoners-dilemma international-anarchy spiral-model
offense-defense-balance arms-race thucydides-trap defensive-realism
security-seekers-and-greedy-states alliance-dilemma abandonment entrapment chain-ganging
counter-alliance alliance-management alliance-phases balance-of-threat
balancing-and-bandwagoning coercive-diplomacy neoclassical-realism rebalancing-to-asia
offshore-balancing trustpolitik generalized-trust american-decline""".split()
CASES = """peloponnesian-war outbreak-of-world-war-i cold-war nato-and-warsaw-pact
cuban-missile-crisis sino-soviet-split russo-ukrainian-war thaad-deployment-south-korea
east-china-sea-adiz-and-senkaku us-japan-alliance-obama-abe us-rok-alliance-park-geun-hye
cheonan-sinking japan-fear-of-abandonment""".split()


def simplified_characters(text: str) -> set[str]:
    """Chinese characters outside Taiwan's character set (Big5, as Python's cp950 codec has
    it): Simplified forms such as 战 or 导, and variants Taiwan does not use (着 for 著).
    Standard characters that converters treat as ambiguous (群, 占, 台, 朴) pass."""
    found = set()
    for ch in set(text):
        if "\u4e00" <= ch <= "\u9fff":
            try:
                ch.encode("cp950")
            except UnicodeEncodeError:
                found.add(ch)
    return found


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        report = load_corpus(path=CORPUS)
        yield report
        transaction.set_rollback(True)


@pytest.fixture
def loaded(corpus, db):
    return corpus


def test_every_concept_and_case_the_seeds_discuss_is_published(loaded):
    concepts = set(Concept.objects.published().values_list("slug", flat=True))
    cases = set(Case.objects.published().values_list("slug", flat=True))
    assert not set(CONCEPTS) - concepts, "missing concepts"
    assert not set(CASES) - cases, "missing cases"


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Concept, ["name", "summary", "body"]),
        (Case, ["title", "summary", "body"]),
        (Definition, ["text"]),
        (Analysis, ["text"]),
        (Event, ["title"]),
    ],
)
def test_every_text_is_written_in_both_languages(loaded, model, fields):
    missing = [
        f"{obj}: {field}_{lang}"
        for obj in model.objects.all()
        for field in fields
        for lang in ("zh_hant", "en")
        if not getattr(obj, f"{field}_{lang}").strip()
    ]
    assert not missing


def test_event_descriptions_are_in_both_languages_or_neither(loaded):
    lopsided = [
        str(e)
        for e in Event.objects.all()
        if bool(e.description_zh_hant) != bool(e.description_en)
    ]
    assert not lopsided


def test_concept_bodies_run_to_several_paragraphs(loaded):
    short = [
        c.slug
        for c in Concept.objects.all()
        for body in (c.body_zh_hant, c.body_en)
        if len([p for p in body.split("\n\n") if p.strip()]) < 2
    ]
    assert not short


@pytest.mark.parametrize("model", [Definition, Analysis, Event])
def test_every_definition_analysis_and_event_is_cited(loaded, model):
    uncited = [str(obj) for obj in model.objects.filter(source__isnull=True)]
    assert not uncited
    assert Citation.objects.filter(content_type__model=model._meta.model_name).count() == (
        model.objects.count()
    )


def test_every_definition_is_attributed_to_someone(loaded):
    assert not Definition.objects.filter(people__isnull=True).exists()


def test_the_security_dilemma_has_collins_four_families(loaded):
    concept = Concept.objects.get(slug="security-dilemma")
    assert concept.families.count() >= 4
    authors = set(concept.definitions.values_list("people__family_name", flat=True))
    for name in (
        "Jervis",
        "Glaser",
        "Buzan",
        "Lieber",
        "Posen",
        "Butterfield",
        "Wheeler",
        "Booth",
        "Smoke",
    ):
        assert name in authors, name


def test_no_source_is_orphaned_without_a_reason(loaded):
    cited = set(Citation.objects.values_list("source_id", flat=True))
    orphans = [s.citation_key for s in Source.objects.exclude(pk__in=cited) if not s.note.strip()]
    assert not orphans, "uncited sources need an editorial note saying why they are listed"


def test_every_source_and_person_passes_validation(loaded):
    # Includes the DOI, ISBN, ISSN, ORCID and Wikidata checks.
    for obj in [*Source.objects.all(), *Person.objects.all()]:
        obj.full_clean()


def test_every_source_names_who_is_responsible_for_it(loaded):
    # Works without personal authors (government reports, news items) name their
    # publisher or the site or paper they appeared in.
    anonymous = [
        s.citation_key
        for s in Source.objects.filter(creators__isnull=True)
        if not (s.publisher or s.container_title)
    ]
    assert not anonymous


def test_chinese_texts_use_traditional_characters(loaded):
    texts = [
        (str(obj), getattr(obj, field))
        for model, fields in (
            (Concept, ["name_zh_hant", "summary_zh_hant", "body_zh_hant"]),
            (Case, ["title_zh_hant", "summary_zh_hant", "body_zh_hant"]),
            (Definition, ["text_zh_hant"]),
            (Analysis, ["text_zh_hant"]),
            (Event, ["title_zh_hant", "description_zh_hant"]),
        )
        for obj in model.objects.all()
        for field in fields
    ]
    found = {where: chars for where, text in texts if (chars := simplified_characters(text))}
    assert not found


def test_the_detector_finds_simplified_characters():
    assert simplified_characters("冷战时萨德导弹着陆") == set("战时萨导弹着陆")
    assert simplified_characters("冷戰與薩德飛彈，台灣占有一席之地，族群與朴槿惠") == set()


def test_loading_again_changes_nothing(loaded):
    def snapshot():
        models = [Source, Person, Concept, Definition, Case, Event, Analysis, Citation]
        return {
            m.__name__: serializers.serialize("json", m.objects.order_by("pk")) for m in models
        }

    before = snapshot()
    report = load_corpus(path=CORPUS)
    assert report.total["created"] == report.total["updated"] == report.total["skipped"] == 0
    assert snapshot() == before
    assert Concept.objects.exclude(status=Status.PUBLISHED).count() == 0
