"""The search benchmark command, at a tiny scale: it prints a row per query group and scale
with positive figures, cleans up after itself, and refuses to touch real content. (Not a timed
test: the figures themselves are recorded in docs/search.md.)"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sources.models import SearchDocument
from sources.search.service import search
from sources.search.synthetic import Generator, counts, synthetic_type

GROUPS = [
    "zh 1 char",
    "zh 2 chars",
    "zh 3+ chars",
    "zh simplified",
    "en words",
    "en typos",
    "en phrases",
    "identifiers",
    "overall",
]


def run(*args) -> list[list[str]]:
    out = StringIO()
    call_command("search_benchmark", *args, stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def test_the_table_has_a_row_per_group_and_scale_with_positive_figures(db):
    header, rule, *rows = run("--scales", "0.1", "0.2", "--repeat", "2")
    assert header == ["scale", "documents", "fill s", "group", "queries", "p50 ms", "p95 ms"]
    assert len(rule) == len(header)
    assert [(r[0], r[3]) for r in rows] == [(s, g) for s in ("0.1", "0.2") for g in GROUPS]
    for _scale, documents, fill, _group, queries, p50, p95 in rows:
        assert int(documents) >= 4
        assert float(fill) >= 0
        assert int(queries) > 0
        assert 0 < float(p50) <= float(p95)
    # The larger scale has more documents; the overall row counts every query run.
    assert int(rows[-1][1]) > int(rows[0][1])
    assert int(rows[-1][4]) == sum(int(r[4]) for r in rows[len(GROUPS) : -1])
    assert not SearchDocument.objects.exists()


def test_keep_leaves_the_synthetic_corpus(db):
    run("--scales", "0.1", "--repeat", "1", "--keep")
    assert SearchDocument.objects.filter(content_type=synthetic_type()).count() > 0


def test_a_database_with_real_content_is_refused_and_left_alone(sample):
    before = SearchDocument.objects.count()
    with pytest.raises(CommandError, match="real content"):
        run("--scales", "0.1")
    assert SearchDocument.objects.count() == before
    assert not SearchDocument.objects.filter(content_type=synthetic_type()).exists()


def test_the_identifier_queries_find_their_synthetic_source_first(db):
    """Otherwise the identifier group would time misses, which are cheaper than hits."""
    run("--scales", "0.5", "--repeat", "1", "--keep")
    generator = Generator()
    for kind, n in counts(0.5).items():
        for i in range(n):
            generator.fields(kind, i)
    assert set(generator.probes) == {"author_year", "doi", "isbn", "key"}
    for query in generator.probes.values():
        assert search(query, lang="en").results[0].url == "/en/synthetic/source/0/", query
