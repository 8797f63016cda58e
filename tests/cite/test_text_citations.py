"""Citations written in text: unknown keys are refused (admin, models, corpus loader) and every
citation enters the citation index with its pinpoint, kept in step on save and delete."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cases.models import Event
from concepts.models import Concept, Definition
from sources.cite.validators import validate_citation_keys
from sources.models import Citation
from tests.test_admin import admin_url, form_data, inline_errors
from tests.test_load_corpus import FILES, load, write_corpus

pytestmark = pytest.mark.django_db


def index(obj) -> list[tuple[str, str, str, str]]:
    """The object's citation rows as (field, key, label, locator), in the order written."""
    rows = Citation.objects.for_object(obj).select_related("source").order_by("id")
    return [(c.field, c.source.citation_key, c.locator_label, c.locator) for c in rows]


# Validation


def test_unknown_keys_are_all_named_in_the_order_written(sample):
    with pytest.raises(ValidationError) as excinfo:
        validate_citation_keys("[@jervis1978] then @foo2020 [p. 3] and [see @bar1999; @foo2020]")
    assert excinfo.value.messages == ["Unknown citation keys: foo2020, bar1999"]
    assert excinfo.value.code == "unknown_citation_key"


def test_one_unknown_key_is_named_in_the_singular(sample):
    with pytest.raises(ValidationError) as excinfo:
        validate_citation_keys("As @nobody2000 said.")
    assert excinfo.value.messages == ["Unknown citation key: nobody2000"]


def test_the_message_is_translated_and_still_names_the_keys(sample):
    with translation.override("zh-hant"), pytest.raises(ValidationError) as excinfo:
        validate_citation_keys("[@foo2020; @bar1999]")
    assert "foo2020, bar1999" in excinfo.value.messages[0]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No citations at all.",
        "[@Jervis1978, p. 170] and @HERZ1950",  # keys match whatever their case
        "Code `@nobody2000` and \\@nobody2000 and nobody@example.org are not citations.",
    ],
)
def test_known_keys_and_texts_without_citations_pass(sample, text):
    validate_citation_keys(text)


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Concept, "body_en"),
        (Concept, "body_zh_hant"),
        (Definition, "text_en"),
        (Definition, "text_zh_hant"),
        (Event, "description_en"),
        (Event, "description_zh_hant"),
    ],
)
def test_every_markdown_field_refuses_unknown_keys(sample, model, field):
    obj = model._default_manager.first()
    setattr(obj, field, "As [@ghost1999, p. 3] showed.")
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert excinfo.value.message_dict[field] == ["Unknown citation key: ghost1999"]


def test_analysis_text_refuses_unknown_keys(sample):
    sample.analysis.text_zh_hant = "見[@ghost1999，頁3]。"
    with pytest.raises(ValidationError) as excinfo:
        sample.analysis.full_clean()
    assert excinfo.value.message_dict["text_zh_hant"] == ["Unknown citation key: ghost1999"]


def test_admin_refuses_a_concept_body_with_unknown_keys_and_saves_nothing(editor, sample):
    concept = sample.security_dilemma
    url = admin_url(Concept, "change", concept.pk)
    data = form_data(editor.get(url), "concept_form")
    data["body_en"] = "Herz [@herz1950] and @ghost1999 [p. 3], see [@phantom2001]."
    before = index(concept)

    response = editor.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Unknown citation keys: ghost1999, phantom2001" in response.text
    concept.refresh_from_db()
    assert (
        concept.body_en
        == "John H. Herz coined the term.\n\nJervis named two aggravating conditions."
    )
    assert index(concept) == before


def test_admin_refuses_a_definition_inline_with_an_unknown_key(editor, sample):
    url = admin_url(Concept, "change", sample.security_dilemma.pk)
    data = form_data(editor.get(url), "concept_form")
    data["definitions-0-text_en"] = "Means to security for one [@ghost1999] lessen it."

    response = editor.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Unknown citation key: ghost1999" in response.text
    sample.definition.refresh_from_db()
    assert "ghost1999" not in sample.definition.text_en


def test_admin_saves_known_keys_into_the_index(editor, sample):
    concept = sample.security_dilemma
    url = admin_url(Concept, "change", concept.pk)
    data = form_data(editor.get(url), "concept_form")
    data["body_en"] = "Herz [-@herz1950, p. 157] coined it; @jervis1978 [pp. 167–170] refined it."

    response = editor.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302, inline_errors(response)
    assert index(concept) == [
        ("body_en", "herz1950", "page", "157"),
        ("body_en", "jervis1978", "page", "167–170"),
    ]


def test_corpus_loader_refuses_unknown_keys_in_text_and_loads_nothing(tmp_path):
    bad = FILES["concepts.yaml"].replace(
        "summary: {zh-hant: 求安全反而不安全。, en: Seeking security breeds insecurity.}",
        "summary: {zh-hant: 求安全反而不安全。, en: Seeking security breeds insecurity.}\n"
        "          body: {en: 'As [@nobody2000, p. 3] argued.'}",
    )
    assert bad != FILES["concepts.yaml"]
    with pytest.raises(CommandError) as excinfo:
        load(write_corpus(tmp_path, **{"concepts.yaml": bad}))
    message = str(excinfo.value)
    assert "concepts.yaml" in message and "'security-dilemma'" in message
    assert "Unknown citation key: nobody2000" in message
    assert not Concept.objects.exists() and not Citation.objects.exists()


def test_corpus_loader_indexes_citations_in_text(tmp_path):
    cases = FILES["cases.yaml"].replace(
        "text: {zh-hant: 軍備競賽。, en: An arms race.}",
        "text: {zh-hant: '軍備競賽[@jervis1978，頁170]。',\n"
        "                     en: 'An arms race [@jervis1978, p. 170].'}",
    )
    load(write_corpus(tmp_path, **{"cases.yaml": cases}))
    analysis = Concept.objects.get().analyses.get()
    assert index(analysis) == [
        ("source", "jervis1978", "page", "170–171"),
        ("text_zh_hant", "jervis1978", "page", "170"),
        ("text_en", "jervis1978", "page", "170"),
    ]


# The citation index


def test_concept_body_citations_are_indexed_on_create_update_and_delete(sample):
    concept = Concept.objects.create(
        slug="spiral-model",
        name_zh_hant="螺旋模型",
        name_en="Spiral model",
        body_en="@jervis1978 [p. 170] and [see @herz1950, chap. 2; @snyder1984, pp. 461–495].",
        body_zh_hant="赫茲[-@herz1950，第3節]。",
    )
    assert index(concept) == [
        ("body_zh_hant", "herz1950", "section", "3"),
        ("body_en", "jervis1978", "page", "170"),
        ("body_en", "herz1950", "chapter", "2"),
        ("body_en", "snyder1984", "page", "461–495"),
    ]

    concept.body_en = "Only [@lu2015, 頁 10] now."
    concept.body_zh_hant = ""
    concept.save()
    assert index(concept) == [("body_en", "lu2015", "page", "10")]

    rows = Citation.objects.for_object(concept)
    assert rows.exists()
    concept.delete()
    assert not rows.exists()


def test_definition_text_citations_are_indexed_beside_its_source(sample):
    definition = sample.definition
    assert index(definition) == [("source", "jervis1978", "page", "169")]

    definition.text_en = "After @herz1950 [p. 157], see also [@snyder1984, pp. 461–495]."
    definition.save()
    assert index(definition) == [
        ("source", "jervis1978", "page", "169"),
        ("text_en", "herz1950", "page", "157"),
        ("text_en", "snyder1984", "page", "461–495"),
    ]

    definition.text_en = "No citation any more."
    definition.locator = "170"
    definition.save()
    assert index(definition) == [("source", "jervis1978", "page", "170")]

    rows = Citation.objects.for_object(definition)
    definition.delete()
    assert not rows.exists()


def test_a_new_definition_with_text_citations_is_indexed(sample):
    definition = Definition.objects.create(
        concept=sample.alliance_dilemma,
        text_en="Abandonment and entrapment [@snyder1984, pp. 466–467].",
        text_zh_hant="拋棄與牽連[@snyder1984，頁466–467]。",
    )
    assert index(definition) == [
        ("text_zh_hant", "snyder1984", "page", "466–467"),
        ("text_en", "snyder1984", "page", "466–467"),
    ]


def test_saving_other_fields_only_leaves_the_index_alone(sample):
    concept = sample.alliance_dilemma
    concept.body_en = "[@snyder1984, p. 466]"
    concept.save()
    ids = list(Citation.objects.for_object(concept).values_list("id", flat=True))

    concept.featured = True
    concept.save(update_fields=["featured"])

    assert list(Citation.objects.for_object(concept).values_list("id", flat=True)) == ids


def test_a_save_resolves_all_its_keys_in_one_query(sample):
    """However many citations a text holds, a save reads the sources once: the query count
    does not grow with the number of citations."""
    concept = sample.alliance_dilemma

    def queries_for(body):
        concept.body_en = body
        with CaptureQueriesContext(connection) as captured:
            concept.save()
        return len(captured)

    few = queries_for("[@snyder1984]")
    many = queries_for(
        "[@snyder1984, p. 1] @jervis1978 [@herz1950; @lu2015] [@snyder1984, p. 2] "
        "@jervis1978 [p. 3]"
    )
    assert many == few
    assert len(index(concept)) == 6


def test_unknown_keys_saved_without_validation_are_left_out_of_the_index(sample):
    concept = Concept.objects.create(
        slug="x", name_zh_hant="某", name_en="X", body_en="[@ghost1999] and [@herz1950]"
    )
    assert index(concept) == [("body_en", "herz1950", "page", "")]


def test_source_page_lists_places_that_cite_it_in_body_text(sample, visitor):
    sample.alliance_dilemma.body_en = "Snyder [-@snyder1984, pp. 461–495] described it."
    sample.alliance_dilemma.save()

    response = visitor.get("/en/sources/snyder1984/")

    assert response.status_code == 200
    assert 'href="/en/concepts/alliance-dilemma/"' in response.text
    assert "pp. 461–495" in response.text


def test_text_citations_in_a_draft_are_hidden_from_visitors(sample, visitor):
    sample.draft_concept.body_en = "Unpublished thoughts [@herz1950, p. 158]."
    sample.draft_concept.save()

    response = visitor.get("/en/sources/herz1950/")

    assert response.status_code == 200
    assert "/concepts/secret-draft/" not in response.text


def test_reindex_command_rebuilds_text_citations_and_keeps_source_citations(sample):
    Concept.objects.filter(pk=sample.security_dilemma.pk).update(
        body_en="Herz [@herz1950, p. 157]; @jervis1978 [chap. 2]."
    )  # a bulk update bypasses save(): the index is stale
    assert index(sample.security_dilemma) == []
    source_rows = Citation.objects.filter(field="source").count()

    out = StringIO()
    call_command("reindex_citations", stdout=out)

    assert index(sample.security_dilemma) == [
        ("body_en", "herz1950", "page", "157"),
        ("body_en", "jervis1978", "chapter", "2"),
    ]
    assert Citation.objects.filter(field="source").count() == source_rows
    assert "concepts.Concept: 2 citation(s)" in out.getvalue()
    assert "total: 2 citation(s) indexed" in out.getvalue()

    call_command("reindex_citations", stdout=StringIO())  # running it again changes nothing
    assert Citation.objects.exclude(field="source").count() == 2
