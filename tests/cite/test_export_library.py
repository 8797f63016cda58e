"""`manage.py export_library`: the whole library on standard output, in every format, style
and language, the same as the site's download."""

import json
from io import StringIO

import pytest
import rispy
from django.core.management import CommandError, call_command

from sources.cite.engine import Processor
from sources.cite.styles import STYLES
from sources.models import Source
from tests.helpers import url

KEYS = ["herz1950", "jervis1978", "lu2015", "snyder1984"]


def run(*args) -> str:
    out = StringIO()
    call_command("export_library", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson"])
def test_file_formats_are_the_library_download(visitor, sample, fmt):
    download = visitor.get(url("sources:library_export", "en", fmt))
    assert run("--format", fmt) == b"".join(download.streaming_content).decode()


def test_each_file_format_holds_the_whole_library(sample):
    assert [item["id"] for item in json.loads(run("--format", "csljson"))] == KEYS
    assert [record["id"] for record in rispy.loads(run("--format", "ris"))] == KEYS
    bibtex = run("--format", "bibtex")
    assert [line.split("{")[1].rstrip(",") for line in bibtex.splitlines() if line[:1] == "@"] == (
        KEYS
    )


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("style_id", STYLES)
def test_text_is_the_bibliography_in_the_style_and_language(sample, style_id, lang):
    lines = run("--format", "text", "--style", style_id, "--lang", lang).splitlines()
    processor = Processor(style_id, lang)
    processor.register(Source.objects.with_creators().by_first_author())
    assert lines == [entry.text.strip() for entry in processor.bibliography()]
    assert len(lines) == len(KEYS) and all(lines)
    assert any("盧業中" in line for line in lines)


def test_text_follows_the_styles_order(sample):
    """Author-date styles sort by author; numeric GB/T numbers works as they were registered
    (here the reference-list order), each line starting with its number."""
    apa = run("--format", "text", "--style", "apa").splitlines()
    first = [
        next(i for i, line in enumerate(apa) if line.startswith(n))
        for n in ("Herz", "Jervis", "Snyder")
    ]
    assert first == sorted(first)
    numeric = run(
        "--format", "text", "--style", "china-national-standard-gb-t-7714-2015-numeric"
    ).splitlines()
    assert [line.split("]")[0] for line in numeric] == ["[1", "[2", "[3", "[4"]


def test_text_defaults_to_apa_in_english(sample):
    assert run("--format", "text") == run("--format", "text", "--style", "apa", "--lang", "en")


def test_unknown_style_is_refused_with_the_valid_ids(sample):
    with pytest.raises(CommandError) as error:
        run("--format", "text", "--style", "harvard")
    assert "harvard" in str(error.value)
    for style_id in STYLES:
        assert style_id in str(error.value)


@pytest.mark.parametrize("args", [["--format", "docx"], ["--format", "text", "--lang", "fr"], []])
def test_bad_format_or_language_is_refused(sample, args):
    with pytest.raises(CommandError):
        run(*args)


def test_empty_library_is_an_empty_file_not_an_error(db):
    assert json.loads(run("--format", "csljson")) == []
    assert run("--format", "bibtex") == ""
    assert run("--format", "text") == ""
