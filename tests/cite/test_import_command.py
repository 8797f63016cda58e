"""`manage.py import_sources FILE [--dry-run] [--format …]`: a progress bar on stderr, a
summary on stdout, nothing written on a dry run, and a non-zero exit for files it cannot read."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import Person, Source

BIB = r"""@article{jervis1978, author = {Jervis, Robert}, title = {Cooperation under the Security
Dilemma}, journal = {World Politics}, year = 1978}
@article{jervis78, author = {Jervis, Robert}, title = {Cooperation Under the Security Dilemma},
journal = {World Politics}, year = {1978}}
@book{waltz79, author = {Waltz, Kenneth N.}, title = {Theory of International Politics},
year = {1979}, note = {Classic}}
@article{notitle, author = {Nobody, A.}, year = {2001}}
"""


def run(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("import_sources", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_the_summary_counts_created_duplicates_and_invalid_with_reasons(db, bib):
    out, err = run(str(bib))
    assert "Created 2 sources and 2 people; 1 duplicates skipped; 1 invalid" in out
    assert "Invalid entry 4 (notitle): No title" in out
    assert "total" in out and " s)." in out  # the timing
    assert "Checking" in err  # the progress bar
    assert set(Source.objects.values_list("citation_key", flat=True)) == {"jervis1978", "waltz79"}


def test_dry_run_reports_the_same_and_writes_nothing(db, bib):
    out, _err = run(str(bib), "--dry-run")
    assert "Would create 2 sources and 2 people; 1 duplicates skipped; 1 invalid" in out
    assert "Dry run: nothing was written." in out
    assert not Source.objects.exists()
    assert not Person.objects.exists()


def test_a_second_run_finds_everything_already_there(db, bib):
    run(str(bib))
    out, _err = run(str(bib), verbosity=2)
    assert "Created 0 sources and 0 people; 3 duplicates skipped; 1 invalid" in out
    assert "Duplicate entry 1 (jervis1978): Same first author, year and title" in out


def test_verbose_output_lists_the_warnings(db, bib):
    out, _err = run(str(bib), "--dry-run", verbosity=2)
    assert "entry 3 (waltz79): Not imported: note." in out


def test_the_format_can_be_chosen(db, tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text("TY  - BOOK\nAU  - Waltz, Kenneth\nTI  - Man, the State, and War\nER  - \n")
    out, _err = run(str(path), "--format", "ris")
    assert "Created 1 sources" in out
    assert Source.objects.get().title == "Man, the State, and War"


def test_an_unreadable_file_exits_non_zero(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.bib"))
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path))  # a folder


def test_a_file_in_no_format_exits_non_zero(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Just notes.")
    with pytest.raises(CommandError, match="does not look like BibTeX"):
        run(str(path))
    path.write_text('{"not": "an array"}')
    with pytest.raises(CommandError, match="must be an array"):
        run(str(path))


def test_the_exit_status_is_non_zero_from_the_shell(db, tmp_path):
    """Scripts that chain imports rely on the exit status, not on the message."""
    from django.core.management import ManagementUtility

    utility = ManagementUtility(["manage.py", "import_sources", str(tmp_path / "missing.bib")])
    with pytest.raises(SystemExit) as exit_info:
        utility.execute()
    assert exit_info.value.code == 1
