"""Every page type, in both languages, is valid HTML according to the Nu HTML Checker (the
W3C validator), together with the error pages, filtered and paginated lists and what an
editor sees on a draft. The admin is Django's markup and is left out."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation

from concepts.models import Concept
from config.views import server_error
from sources.content import Status
from tests.pages import crawl

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGS = ("en", "zh-hant")
CANARY = "(canary: a page that must fail)"

# Query strings that show a list in its other states: filtered, filtered to nothing, and
# refusing a bad filter with a 400 and an error list.
FILTERED = (
    "/{lang}/concepts/?tag=security",
    "/{lang}/cases/?region=global&period=&tag=",
    "/{lang}/cases/?region=europe",
    "/{lang}/cases/?region=atlantis",
    "/{lang}/sources/?type=article-journal&year=1978&author=robert-jervis",
    "/{lang}/sources/?year=1066",
    "/{lang}/sources/?year=abc&type=scroll",
)
# Pages only an editor sees: drafts, with the draft banner.
EDITOR_ONLY = (
    "/{lang}/concepts/secret-draft/",
    "/{lang}/cases/draft-case/",
    "/{lang}/sources/jervis1978/",
)


def checker_command() -> list[str]:
    """The command that runs vnu; fails (never skips) when Java or the jar is missing."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is not installed: run `apt-get install default-jre-headless`.")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make node_modules/.installed`.")
    return [java, "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always"]


def validate(pages: dict[str, str], folder: Path) -> list[dict]:
    """vnu's messages for every page, from one run of the checker; each names its page."""
    labels = {}
    for n, (label, html) in enumerate(pages.items()):
        path = folder / f"page-{n:03d}.html"
        path.write_text(html, encoding="utf-8")
        labels[path.name] = label
    result = subprocess.run(
        [*checker_command(), *(str(folder / name) for name in labels)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout.strip(), f"vnu printed nothing: {result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    for message in messages:
        name = message.get("url", "").rsplit("/", 1)[-1]
        message["page"] = labels.get(name, name or "(no page)")
    return messages


def describe(message: dict) -> str:
    where = f"{message['page']} line {message.get('lastLine', '?')}"
    extract = message.get("extract", "").strip().replace("\n", " ")
    return f"{where}: {message['message']}\n      {extract}"


def gather(client, editor_client) -> dict[str, str]:
    """Every page to check, {label: html}."""
    pages = {}

    def get(url, who=client, expect=(200, 400, 404), label=""):
        response = who.get(url)
        assert response.status_code in expect, f"{url} gave {response.status_code}"
        label = label or (url if who is client else f"{url} (editor)")
        pages[label] = response.content.decode()

    for lang in LANGS:
        # Every page the crawl reaches (the crawl behind tests.pages.page_types), not just one
        # per type: the sample is small, one run of the checker takes them all, and the
        # richest page of a type is not always the one page_types picks.
        for url, response in crawl(client, f"/{lang}/").items():
            pages[url] = response.content.decode()
        for url in FILTERED:
            get(url.format(lang=lang))
        for url in EDITOR_ONLY:
            get(url.format(lang=lang), editor_client, expect=(200,))
        get(f"/{lang}/no-such-page/", expect=(404,))
        with translation.override(lang):
            pages[f"500 page ({lang})"] = server_error(
                RequestFactory().get(f"/{lang}/")
            ).content.decode()

    # Enough concepts for two pages of the index, so both pagination links show.
    Concept.objects.bulk_create(
        Concept(
            slug=f"topic-{n:02}",
            name_en=f"Topic {n:02}",
            name_zh_hant=f"主題{n:02}",
            status=Status.PUBLISHED,
        )
        for n in range(35)
    )
    for lang in LANGS:
        get(f"/{lang}/concepts/", expect=(200,), label=f"/{lang}/concepts/ (page 1 of 2)")
        get(f"/{lang}/concepts/?page=2", expect=(200,))
    return pages


def test_every_page_type_is_valid_html(sample, django_user_model, tmp_path):
    client = Client()
    editor_client = Client()
    editor_client.force_login(
        django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-Ed-1")
    )
    pages = gather(client, editor_client)
    # Guard against a crawl that silently found nothing to check.
    assert len(pages) >= 40, sorted(pages)
    assert any("page=2" in url for url in pages)

    # A page with known faults rides along, proving that the checker really ran and read it.
    pages[CANARY] = '<!DOCTYPE html><html lang="en"><title>x</title><p id="a"><p id="a">'
    messages = validate(pages, tmp_path)
    assert any(m["page"] == CANARY and "Duplicate ID" in m["message"] for m in messages), (
        f"vnu did not flag the faulty canary page: {messages[:3]}"
    )
    messages = [m for m in messages if m["page"] != CANARY]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    # A section or article without a heading is only a warning to vnu, but it leaves a
    # nameless region in screen readers' outline, so it counts as an error here.
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")] + [
        m for m in warnings if "lacks heading" in m["message"]
    ]
    assert not errors, (
        f"{len(errors)} HTML errors in {len(pages)} pages:\n"
        + "\n".join(map(describe, errors))
        + ("\nWarnings:\n" + "\n".join(map(describe, warnings)) if warnings else "")
    )
