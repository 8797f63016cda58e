"""The corpus loader: files in, objects out, all or nothing, and editors' changes kept."""

import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cases.models import Case, Event
from concepts.models import Concept, Definition
from sources.models import Citation, Person, Source

FILES = {
    "tags.yaml": """
        - slug: security
          name: {zh-hant: 安全, en: security}
    """,
    "people.yaml": """
        - slug: robert-jervis
          family_name: Jervis
          given_name: Robert
    """,
    "sources.yaml": """
        - citation_key: jervis1978
          item_type: article-journal
          title: Cooperation under the security dilemma
          container_title: World Politics
          year: 1978
          doi: https://doi.org/10.2307/2009958
          authors: [robert-jervis]
    """,
    "concepts.yaml": """
        - slug: security-dilemma
          name: {zh-hant: 安全困境, en: Security dilemma}
          summary: {zh-hant: 求安全反而不安全。, en: Seeking security breeds insecurity.}
          tags: [security]
          alt_terms: {zh-hant: [安全兩難]}
          definition_families:
            - name: {zh-hant: 損及他國的安全, en: Harming others}
              definitions:
                - text: {en: Means to security for one lessen it for others.}
                  source: jervis1978
                  pages: "169"
                  people: [robert-jervis]
    """,
    "actors.yaml": """
        - {slug: united-states, name: {zh-hant: 美國, en: United States}}
    """,
    "cases.yaml": """
        - slug: cold-war
          title: {zh-hant: 冷戰, en: Cold War}
          summary: {zh-hant: 美蘇對抗。, en: US-Soviet rivalry.}
          start: 1947
          end: 1991-12-26
          actors: [{actor: united-states, role: adversary}]
          events:
            - date: "1949-04"
              title: {zh-hant: 北約成立, en: NATO founded}
          analyses:
            - concept: security-dilemma
              text: {zh-hant: 軍備競賽。, en: An arms race.}
              source: jervis1978
              pages: 170–171
    """,
}


def write_corpus(folder: Path, **changes: str) -> Path:
    for name, text in {**FILES, **changes}.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def load(path: Path, *args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("load_corpus", "--path", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_loads_every_kind_with_links_and_citations(tmp_path):
    out = load(write_corpus(tmp_path))

    assert "total: 6 created, 0 updated, 0 unchanged, 0 skipped" in out
    concept = Concept.objects.get(slug="security-dilemma")
    assert concept.status == "published"
    assert list(concept.tags.values_list("slug", flat=True)) == ["security"]
    assert list(concept.alt_terms.values_list("term", flat=True)) == ["安全兩難"]
    definition = Definition.objects.get(concept=concept)
    assert (definition.family.name_en, definition.pinpoint) == ("Harming others", "p. 169")
    assert list(definition.people.all()) == [Person.objects.get(slug="robert-jervis")]
    assert Source.objects.get().doi == "10.2307/2009958"
    case = Case.objects.get(slug="cold-war")
    assert (case.start_display, case.end_precision) == ("1947", "day")
    assert Event.objects.get(case=case).precision == "month"
    assert case.analyses.get().pinpoint == "pp. 170–171"
    assert Citation.objects.filter(source__citation_key="jervis1978").count() == 2


@pytest.mark.django_db
def test_second_run_changes_nothing(tmp_path):
    corpus = write_corpus(tmp_path)
    load(corpus)
    before = {m: list(m.objects.values()) for m in (Concept, Definition, Case, Event, Citation)}

    out = load(corpus)

    assert "total: 0 created, 0 updated, 6 unchanged, 0 skipped" in out
    after = {m: list(m.objects.values()) for m in before}
    assert after == before


@pytest.mark.django_db
def test_unknown_citation_key_names_file_and_entry_and_loads_nothing(tmp_path):
    bad = FILES["cases.yaml"].replace("source: jervis1978", "source: nobody2000")
    with pytest.raises(CommandError) as excinfo:
        load(write_corpus(tmp_path, **{"cases.yaml": bad}))

    message = str(excinfo.value)
    assert "cases.yaml" in message and "'cold-war'" in message and "nobody2000" in message
    assert not Person.objects.exists() and not Concept.objects.exists()


@pytest.mark.django_db
def test_bad_date_is_reported_with_its_entry(tmp_path):
    bad = FILES["cases.yaml"].replace("1991-12-26", "1991-13-40")
    with pytest.raises(CommandError, match=r"cases.yaml, entry 'cold-war': bad date '1991-13-40'"):
        load(write_corpus(tmp_path, **{"cases.yaml": bad}))
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_missing_required_translation_is_an_error(tmp_path):
    bad = FILES["concepts.yaml"].replace(", en: Seeking security breeds insecurity.", "")
    with pytest.raises(CommandError, match="missing English translation of 'summary'"):
        load(write_corpus(tmp_path, **{"concepts.yaml": bad}))
    assert not Concept.objects.exists()


@pytest.mark.django_db
def test_unknown_person_slug_is_an_error(tmp_path):
    bad = FILES["sources.yaml"].replace("[robert-jervis]", "[no-such-person]")
    with pytest.raises(CommandError, match="sources.yaml, entry 'jervis1978': unknown person"):
        load(write_corpus(tmp_path, **{"sources.yaml": bad}))


@pytest.mark.django_db
def test_editor_changes_are_kept_unless_overwrite_is_asked_for(tmp_path):
    corpus = write_corpus(tmp_path)
    load(corpus)
    Concept.objects.filter(slug="security-dilemma").update(summary_en="Edited in the admin.")
    Case.objects.get(slug="cold-war").events.all().delete()

    out = load(corpus)

    assert "total: 0 created, 0 updated, 4 unchanged, 2 skipped" in out
    assert "concepts.yaml: security-dilemma" in out
    assert Concept.objects.get().summary_en == "Edited in the admin."
    assert not Event.objects.exists()

    out = load(corpus, "--overwrite")
    assert "total: 0 created, 2 updated, 4 unchanged, 0 skipped" in out
    assert Concept.objects.get().summary_en == "Seeking security breeds insecurity."
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_a_changed_file_updates_objects_nobody_edited_since_the_last_load(tmp_path):
    corpus = write_corpus(tmp_path)
    load(corpus)
    changed = FILES["concepts.yaml"].replace(
        "Seeking security breeds insecurity.", "Security for one is insecurity for another."
    )
    out = load(write_corpus(tmp_path, **{"concepts.yaml": changed}))

    assert "concepts: 0 created, 1 updated, 0 unchanged, 0 skipped" in out
    assert Concept.objects.get().summary_en == "Security for one is insecurity for another."
    # The stamp moved on: the next run sees nothing to do.
    assert "total: 0 created, 0 updated, 6 unchanged, 0 skipped" in load(corpus)


@pytest.mark.django_db
def test_an_admin_edit_survives_a_later_change_to_the_file(tmp_path):
    corpus = write_corpus(tmp_path)
    load(corpus)
    Concept.objects.filter(slug="security-dilemma").update(summary_en="Edited in the admin.")
    changed = FILES["concepts.yaml"].replace("Seeking security", "Looking for security")

    out = load(write_corpus(tmp_path, **{"concepts.yaml": changed}))

    assert "skipped (changed in the admin since the last load): concepts.yaml" in out
    assert Concept.objects.get().summary_en == "Edited in the admin."


@pytest.mark.django_db
def test_an_object_created_in_the_admin_is_not_taken_over_by_a_file_entry(tmp_path):
    Concept.objects.create(slug="security-dilemma", name_zh_hant="安全困境", name_en="Mine")

    out = load(write_corpus(tmp_path))

    assert "concepts: 0 created, 0 updated, 0 unchanged, 1 skipped" in out
    assert Concept.objects.get().name_en == "Mine"


@pytest.mark.django_db
def test_entries_may_be_split_into_a_folder_per_type(tmp_path):
    corpus = write_corpus(tmp_path)
    (corpus / "people").mkdir()
    (corpus / "people" / "more.yaml").write_text(
        "- {slug: john-h-herz, family_name: Herz, given_name: John H.}\n", encoding="utf-8"
    )
    load(corpus)
    assert Person.objects.filter(slug="john-h-herz").exists()

    (corpus / "people" / "twice.yaml").write_text(
        "- {slug: robert-jervis, family_name: Jervis}\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match=r"people/twice.yaml.*already defined in people.yaml"):
        load(corpus)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        load(tmp_path / "nowhere")


@pytest.mark.django_db
def test_years_before_the_common_era_are_negative(tmp_path):
    cases = (
        FILES["cases.yaml"]
        .replace("start: 1947", "start: -431")
        .replace("end: 1991-12-26", "end: -404")
        .replace('- date: "1949-04"', "- date: -421")
    )
    load(write_corpus(tmp_path, **{"cases.yaml": cases}))
    case = Case.objects.get()
    assert (case.start_date, case.start_year, case.end_year) == (None, -431, -404)
    assert case.events.get().year == -421
    assert "0 created, 0 updated" in load(tmp_path).splitlines()[-1]


@pytest.mark.django_db
def test_a_broken_file_is_named_and_nothing_is_loaded(tmp_path):
    corpus = write_corpus(tmp_path, **{"concepts.yaml": "- slug: x\n  name: {en: : broken"})
    with pytest.raises(CommandError, match=r"concepts.yaml: not valid YAML"):
        load(corpus)
    assert not Person.objects.exists()
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_an_unknown_field_is_named_with_its_entry(tmp_path):
    people = FILES["people.yaml"].rstrip() + "\n          shoe_size: 44\n"
    with pytest.raises(CommandError, match=r"people.yaml, entry 'robert-jervis'.*shoe_size"):
        load(write_corpus(tmp_path, **{"people.yaml": people}))
