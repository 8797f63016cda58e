"""Hostile values in every parameter and address segment reach the database only as data: no
server error, nothing changed, and no SQL built from strings anywhere in the code."""

import ast
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings

from concepts.models import Concept
from sources.models import Source
from tests.helpers import url

HOSTILE = [
    "'",
    '"',
    "' OR 1=1 --",
    "' OR '1'='1",
    "1; DROP TABLE sources_source; --",
    "1) UNION SELECT password FROM auth_user --",
    "%",
    "_",
    "%_%",
    "\\",
    "\\'",
    "\\x00",
    "\x00",
    "a\x00b",
    "security\x00",
    "x" * 5000,
    "9" * 5000,
    "安全'困境%",
    "ｓｅｃｕｒｉｔｙ",
    "\u202e\u200b\ufeff",
    "\U0001f4a3",
    "$1",
    "?",
    "*",
]
# Each list page with the parameters it reads, plus one it does not.
PAGE_PARAMS = {
    "home": [],
    "concepts:list": ["tag", "page"],
    "cases:list": ["tag", "region", "period", "page"],
    "cases:actors": ["page"],
    "sources:list": ["type", "year", "author", "page"],
    "sources:people": [],
    "tags:list": [],
}
DETAIL_PREFIXES = ["concepts", "cases", "cases/actors", "sources", "people", "tags"]
APP_CODE = ["cases", "concepts", "sources", "config"]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for app in ("sources", "concepts", "cases", "auth")
        for model in apps.get_app_config(app).get_models()
    }


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_hostile_query_values_are_answered_and_change_nothing(client, sample, lang):
    before = row_counts()
    for name, params in PAGE_PARAMS.items():
        path = url(name, lang)
        for param in [*params, "unknown"]:
            for value in HOSTILE:
                response = client.get(path, {param: value})
                assert response.status_code in (200, 400, 404), (path, param, value[:40])
    assert row_counts() == before
    concept = Concept.objects.get(slug="security-dilemma")
    assert concept.name_en == "Security dilemma"


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_hostile_address_segments_are_404s(client, sample, lang):
    before = row_counts()
    for prefix in DETAIL_PREFIXES:
        for value in HOSTILE:
            response = client.get(f"/{lang}/{prefix}/{quote(value, safe='')}/", follow=True)
            assert response.status_code == 404, (prefix, value[:40])
    assert row_counts() == before
    assert Source.objects.filter(citation_key="jervis1978").exists()


def test_a_nul_byte_is_a_readable_400_in_the_query_and_a_404_in_the_path(client, sample):
    bad_query = client.get("/en/concepts/", {"tag": "security\x00"})
    assert bad_query.status_code == 400
    assert b"<h1>Bad request</h1>" in bad_query.content
    bad_path = client.get("/en/sources/jervis1978%00/")
    assert bad_path.status_code == 404
    assert b"Page not found" in bad_path.content


def test_hostile_values_in_admin_search_do_not_break_it(editor, sample):
    for value in HOSTILE:
        response = editor.get("/admin/sources/source/", {"q": value})
        assert response.status_code in (200, 400), value[:40]


SQL_CALLS = {"raw", "extra", "execute", "executemany"}


def sql_built_from_strings(source: str) -> list[int]:
    """Lines that run SQL whose text is not a plain literal (f-strings, %, .format, +), or
    that use QuerySet.extra() at all."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "extra":
            lines.append(node.lineno)
        elif name in SQL_CALLS | {"RawSQL"} and node.args:
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                lines.append(node.lineno)
    return lines


def test_no_sql_is_built_from_strings_in_app_code():
    offenders = []
    for app in APP_CODE:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line in sql_built_from_strings(path.read_text(encoding="utf-8")):
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{line}")
    assert not offenders, f"SQL built from strings: {offenders}"


@pytest.mark.parametrize(
    "code",
    [
        "Source.objects.raw(f\"SELECT * FROM t WHERE k = '{key}'\")",
        'cursor.execute("SELECT %s" % value)',
        'cursor.execute("SELECT " + value)',
        'Concept.objects.extra(where=["1=1"])',
        'RawSQL("lower({})".format(column), [])',
    ],
)
def test_the_code_check_finds_string_built_sql(code):
    assert sql_built_from_strings(code) == [1]


def test_the_code_check_allows_parameterised_sql():
    assert sql_built_from_strings('cursor.execute("SELECT %s", [value])') == []
