"""The import service: each entry is new, a duplicate (of the atlas or of an earlier entry) or
invalid; new ones get citation keys and people; everything is written together or not at all."""

import pytest
from django.db import IntegrityError

from sources.cite.imports import parse
from sources.cite.imports.dedupe import Seen
from sources.cite.imports.service import ImportFailed, Status, import_entries, plan
from sources.cite.keys import KeyRegistry, key_stem
from sources.models import CreatorRole, NameOrder, Person, Source, SourceCreator


def run(text, dry_run=False):
    return import_entries(entries=parse(text).entries, dry_run=dry_run)


def statuses(result):
    return [(row.status, row.key) for row in result.rows]


@pytest.fixture
def jervis(db):
    """Jervis 1978 already in the atlas, with its DOI, and Waltz's book with its ISBN."""
    person = Person.objects.create(slug="robert-jervis", family_name="Jervis", given_name="Robert")
    source = Source.objects.create(
        citation_key="jervis1978",
        item_type="article-journal",
        title="Cooperation under the Security Dilemma",
        year=1978,
        doi="10.2307/2009958",
    )
    SourceCreator.objects.create(source=source, person=person)
    Source.objects.create(
        citation_key="waltz1979",
        item_type="book",
        title="Theory of International Politics",
        year=1979,
        isbn="9780075548522",
    )
    return source


ARTICLE = (
    "@article{{{key}, author = {{{author}}}, title = {{{title}}}, journal = {{World Politics}},"
    " year = {{{year}}}{extra}}}\n"
)


def article(key="", author="Jervis, Robert", title="A Title", year=1978, extra=""):
    return ARTICLE.format(key=key, author=author, title=title, year=year, extra=extra)


# Writing -------------------------------------------------------------------------------------


def test_new_entries_are_written_with_their_creators_in_order(db):
    result = run(
        "@incollection{snyder1997, author = {Snyder, Glenn H. and Diesing, Paul},"
        " editor = {Booth, Ken}, title = {Alliance Politics}, booktitle = {The Book},"
        " year = 1997, pages = {1--20}}"
    )
    assert statuses(result) == [(Status.NEW, "snyder1997")]
    source = Source.objects.with_creators().get(citation_key="snyder1997")
    assert (source.item_type, source.container_title, source.pages) == (
        "chapter",
        "The Book",
        "1–20",
    )
    credits = [(c.person.family_name, c.role, c.position) for c in source.creators.all()]
    assert sorted(credits, key=lambda c: (c[1], c[2])) == [
        ("Snyder", CreatorRole.AUTHOR, 0),
        ("Diesing", CreatorRole.AUTHOR, 1),
        ("Booth", CreatorRole.EDITOR, 0),
    ]
    assert Person.objects.get(family_name="Snyder").slug == "glenn-h-snyder"


def test_and_others_creates_no_person_called_others(db):
    run(article(key="a", author="Abbott, Kenneth and others"))
    assert list(Person.objects.values_list("family_name", flat=True)) == ["Abbott"]


def test_dry_run_writes_nothing_but_reports_the_same(db):
    text = article(key="a") + article(key="b", title="Another")
    result = run(text, dry_run=True)
    assert (result.created, result.duplicates, result.invalid) == (2, 0, 0)
    assert len(result.new_people) == 1
    assert not Source.objects.exists()
    assert not Person.objects.exists()


def test_invalid_entries_are_skipped_with_their_reason_and_the_rest_written(db):
    result = run(
        article(key="good")
        + "@article{notitle, year = 1990}\n"
        + article(key="badtype", title="T2").replace("@article", "@article")
    )
    assert [r.status for r in result.rows] == [Status.NEW, Status.INVALID, Status.NEW]
    assert "No title" in result.rows[1].reason
    assert set(Source.objects.values_list("citation_key", flat=True)) == {"good", "badtype"}


def test_control_characters_never_reach_the_database(db):
    """PostgreSQL refuses NUL in text; one stray byte must not sink the whole import."""
    run("@book{k, title = {A\x00B}, author = {Nul\x00l, Ann}, abstract = {x\x00y}}")
    source = Source.objects.get()
    assert (source.title, source.abstract) == ("AB", "xy")
    assert Person.objects.get().family_name == "Null"


def test_model_validation_makes_an_entry_invalid_before_anything_is_written(db):
    (entry,) = parse(article(key="k")).entries
    entry.fields["item_type"] = "scroll"
    result = import_entries(entries=[entry], dry_run=False)
    assert result.rows[0].status == Status.INVALID
    assert "type" in result.rows[0].reason
    assert not Source.objects.exists()


# Duplicates ----------------------------------------------------------------------------------


def test_same_doi_as_the_atlas_is_a_duplicate_whatever_its_spelling(jervis):
    result = run(
        article(key="x", title="Other", extra=", doi = {https://doi.org/10.2307/2009958}")
    )
    assert result.rows[0].status == Status.DUPLICATE
    assert "DOI" in result.rows[0].reason and "jervis1978" in result.rows[0].reason


def test_isbn_10_duplicates_the_same_books_isbn_13(jervis):
    result = run("@book{w, title = {Other title}, year = 1979, isbn = {0-07-554852-6}}")
    assert result.rows[0].status == Status.DUPLICATE
    assert "waltz1979" in result.rows[0].reason


def test_same_first_author_year_and_title_is_a_duplicate_despite_case_and_accents(jervis):
    result = run(
        article(
            key="j78", author="JERVIS, Robert", title="Cooperation Under the Security-Dilemma."
        )
    )
    assert result.rows[0].status == Status.DUPLICATE
    assert "first author, year and title" in result.rows[0].reason


def test_a_different_year_or_author_is_not_a_duplicate(jervis):
    title = "Cooperation under the Security Dilemma"
    result = run(
        article(key="a", title=title, year=1979) + article(key="b", author="Herz, J", title=title)
    )
    assert [r.status for r in result.rows] == [Status.NEW, Status.NEW]


def test_duplicates_within_the_file_are_found(db):
    result = run(
        article(key="a", extra=", doi = {10.1000/x}")
        + article(key="b", title="Other", extra=", doi = {10.1000/X}")
        + "@book{c, title = {Book}, isbn = {9780075548522}}\n"
        + "@book{d, title = {Book two}, isbn = {0-07-554852-6}}\n"
        + article(key="e", title="Same Work")
        + article(key="f", title="same work!")
    )
    assert [r.status for r in result.rows] == [
        Status.NEW,
        Status.DUPLICATE,
        Status.NEW,
        Status.DUPLICATE,
        Status.NEW,
        Status.DUPLICATE,
    ]
    assert "entry 1 of this file" in result.rows[1].reason
    assert Source.objects.count() == 3


def test_an_invalid_entry_does_not_make_a_later_one_a_duplicate(db):
    result = run(
        "@book{a, year = 1990, doi = {10.1000/x}}\n@book{b, title = {T}, doi = {10.1000/x}}"
    )
    assert [r.status for r in result.rows] == [Status.INVALID, Status.NEW]


# Citation keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("family", "year", "title", "stem"),
    [
        ("Jervis", 1978, "", "jervis1978"),
        ("Bättig", 2009, "", "battig2009"),
        ("Rød", None, "", "rodnd"),
        ("de Mello e Souza", 2010, "", "demelloesouza2010"),
        ("O'Neill", 2001, "", "oneill2001"),
        ("閻", 2014, "", "yan2014"),
        ("", 1910, "The Great Illusion", "great1910"),
        ("", None, "", "anonnd"),
    ],
)
def test_key_stems_are_ascii_family_name_and_year(family, year, title, stem):
    assert key_stem(family, year, title=title) == stem


def test_the_registry_adds_letters_a_b_c_and_then_aa():
    registry = KeyRegistry(
        ["jervis1978", *(f"jervis1978{c}" for c in "abcdefghijklmnopqrstuvwxyz")]
    )
    assert registry.new("jervis1978") == "jervis1978aa"
    assert registry.new("herz1950") == "herz1950"
    assert registry.new("herz1950") == "herz1950a"


def test_missing_keys_are_generated_and_clashes_get_a_letter(jervis):
    result = run(
        article(title="One")  # no key at all
        + article(key="", title="Two")
        + article(key="x", author="閻學通", title="中國崛起", year=2005).replace("{x,", "{,")
    )
    assert [r.key for r in result.rows] == ["jervis1978a", "jervis1978b", "yan2005"]
    assert Source.objects.get(pk=jervis.pk).citation_key == "jervis1978"


def test_a_valid_free_file_key_is_kept_lower_cased(db):
    result = run(article(key="Jervis:1978", title="One"))
    assert result.rows[0].key == "jervis:1978"
    assert Source.objects.filter(citation_key="jervis:1978").exists()


def test_a_file_key_used_in_the_atlas_is_replaced_with_a_warning_and_the_old_one_kept(jervis):
    result = run(article(key="JERVIS1978", title="A different paper"))
    row = result.rows[0]
    assert (row.status, row.key) == (Status.NEW, "jervis1978a")
    assert any("JERVIS1978" in w and "already used" in w for w in row.entry.warnings)
    assert Source.objects.get(pk=jervis.pk).title == "Cooperation under the Security Dilemma"


def test_duplicate_keys_in_one_file_keep_the_first_and_rename_the_second(db):
    result = run(article(key="same", title="One") + article(key="same", title="Two"))
    assert [r.key for r in result.rows] == ["same", "jervis1978"]


def test_unusable_file_keys_are_replaced(db):
    result = run(article(key="Jervis/78+", title="One"))
    assert result.rows[0].key == "jervis1978"
    assert any("cannot be a citation key" in w for w in result.rows[0].entry.warnings)


def test_a_generated_key_never_takes_a_key_the_file_uses_later(db):
    result = run(article(title="One") + article(key="jervis1978", title="Two"))
    assert [r.key for r in result.rows] == ["jervis1978a", "jervis1978"]


# People --------------------------------------------------------------------------------------


def test_an_existing_person_is_reused_whatever_the_accents_and_full_stops(db):
    rod = Person.objects.create(slug="jan-k-rod", family_name="Rod", given_name="Jan K.")
    run(article(key="a", author="R{\\o}d, Jan K"))
    assert SourceCreator.objects.get().person == rod
    assert Person.objects.count() == 1


def test_initials_are_not_merged_with_a_full_name_but_the_editor_is_told(jervis):
    result = run(article(key="a", author="Jervis, R.", title="Other"))
    people = sorted(Person.objects.values_list("given_name", flat=True))
    assert people == ["R.", "Robert"]
    assert any("merge" in w for w in result.rows[0].entry.warnings)
    assert Person.objects.get(given_name="R.").slug == "r-jervis"


def test_one_new_person_is_created_once_for_many_entries(db):
    run(
        article(key="a", author="Herz, John H.")
        + article(key="b", author="Herz, John H", title="B")
    )
    assert Person.objects.filter(family_name="Herz").count() == 1
    assert SourceCreator.objects.count() == 2


def test_chinese_names_match_on_their_characters_not_on_pinyin(db):
    lu = Person.objects.create(
        slug="lu-yeh-chung",
        family_name="Lu",
        given_name="Yeh-chung",
        family_name_original="盧",
        given_name_original="業中",
        name_order=NameOrder.EASTERN,
    )
    wang = Person.objects.create(
        slug="wang-wei",
        family_name="Wang",
        given_name="Wei",
        family_name_original="王",
        given_name_original="偉",
    )
    run(
        article(key="a", author="盧業中", title="同盟")
        + article(key="b", author="王維", title="詩")
    )
    assert Source.objects.get(citation_key="a").creators.get().person == lu
    other = Source.objects.get(citation_key="b").creators.get().person
    assert other != wang
    assert (other.family_name_original, other.given_name_original) == ("王", "維")
    assert other.name_order == NameOrder.EASTERN
    assert other.slug == "wei-wang"


def test_new_people_get_unique_slugs(db):
    Person.objects.create(slug="sean-oneill", family_name="O'Neill", given_name="Sean")
    run(article(key="a", author="ONeill, Sean"))
    assert Person.objects.get(family_name="ONeill").slug == "sean-oneill-2"


# All or nothing ------------------------------------------------------------------------------


def test_a_database_error_midway_leaves_nothing_written(db, monkeypatch):
    Person.objects.create(slug="robert-jervis", family_name="Jervis", given_name="Robert")

    def refuse(*args, **kwargs):
        raise IntegrityError("simulated failure after sources and people were inserted")

    monkeypatch.setattr(SourceCreator.objects, "bulk_create", refuse)
    with pytest.raises(ImportFailed):
        run(article(key="a", author="Herz, John") + article(key="b", title="B"))
    assert not Source.objects.exists()
    assert list(Person.objects.values_list("slug", flat=True)) == ["robert-jervis"]


def test_the_database_constraints_are_the_last_guard(jervis, monkeypatch):
    """If validation is fooled (another editor saved the same DOI meanwhile), the unique
    constraint refuses the row and the whole import is rolled back."""
    monkeypatch.setattr(Seen, "from_db", classmethod(lambda cls: cls()))
    text = article(key="fresh", title="Fine") + article(
        key="clash", title="Other", extra=", doi = {10.2307/2009958}"
    )
    with pytest.raises(ImportFailed):
        run(text)
    assert set(Source.objects.values_list("citation_key", flat=True)) == {
        "jervis1978",
        "waltz1979",
    }


# Speed ---------------------------------------------------------------------------------------


def _file(n):
    return "".join(
        article(key=f"k{i}", author=f"Author{i}, Given and Shared, Person", title=f"T{i}")
        for i in range(n)
    )


def test_planning_reads_the_database_in_a_fixed_number_of_queries(
    jervis, django_assert_num_queries
):
    """Duplicate checks and person look-ups load what they need in bulk: sources, their first
    creators and people, whatever the number of entries."""
    for n in (2, 40):
        entries = parse(_file(n)).entries
        with django_assert_num_queries(3):
            plan(entries)


def test_writing_takes_a_fixed_number_of_queries(db, django_assert_num_queries):
    """Three reads, then one bulk insert each for people, sources and credits (and the
    savepoint around them)."""
    for n, offset in ((2, 0), (40, 100)):
        text = "".join(
            article(key=f"k{i}", author=f"Author{i}, Given", title=f"T{i}")
            for i in range(offset, offset + n)
        )
        with django_assert_num_queries(8):
            run(text)
    assert Source.objects.count() == 42
