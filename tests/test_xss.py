"""Script written into any text an editor can write renders as inert text on every page."""

import itertools
import json
import re
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from sources.models import Source
from tests.helpers import soup
from tests.helpers import url as page_url
from tests.pages import crawl

PAYLOADS = [
    '<script>alert("xss1")</script>',
    '<img src=x onerror=alert("xss2")>',
    '"><svg onload=alert("xss3")>',
    "' onmouseover='alert(4)' data-x='",
    '" onfocus="alert(5)" autofocus="',
    "javascript:alert(6)",
    "</title></textarea><script>alert(7)</script>",
    '<a href="javascript:alert(8)">x</a><iframe src="javascript:alert(9)"></iframe>',
    "{{ settings.SECRET_KEY }}{% debug %}{{ request.user.password }}",
    "＜script＞alert(10)＜/script＞\u202e\u200b<scr\u200bipt>alert(11)</script>",
    '<a href="jav&#x09;ascript:alert(12)">&lt;b&gt;</a>',
    "<svg onload=alert()>",
    "<b onclick=1>",  # for short fields (volume, issue)
]
URL_PAYLOADS = ['https://example.org/?q="><script>alert(13)</script>', "https://x.example/'<b>"]
# Identifiers have their own validators and database checks (DOI, ISBN, ORCID...); sort keys
# are computed; neither is free text an editor types.
NOT_FREE_TEXT = {
    "citation_key",
    "doi",
    "isbn",
    "issn",
    "orcid",
    "wikidata",
    "jstor_id",
    "handle",
    "sort_key_zh",
}
# Derived rows nobody edits: the loader's stamps and the search index (rebuilt from the rest).
NOT_EDITED = {"CorpusStamp", "SearchDocument", "SearchTerm"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
DANGEROUS_ELEMENTS = {"iframe", "object", "embed", "base", "frame", "frameset"}
DATA_BLOCKS = {"application/json", "application/ld+json"}


def free_text_fields(model):
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not isinstance(field, models.SlugField)
            and not field.choices
            and field.name not in NOT_FREE_TEXT
        ):
            yield field


def hostile(field, rotation, pk) -> str:
    """A payload that fits the field, made unique per row for unique columns."""
    suffix = f" {pk}"
    corpus = URL_PAYLOADS if isinstance(field, models.URLField) else PAYLOADS
    for payload in itertools.islice(rotation, len(corpus) * 2):
        payload = corpus[payload % len(corpus)]
        if field.max_length is None or len(payload + suffix) <= field.max_length:
            return payload + suffix
    raise AssertionError(f"no payload fits {field}")


@pytest.fixture
def hostile_world(sample):
    """The sample, with every free-text field of every editable row replaced by a payload."""
    rotation = itertools.count()
    written = 0
    for app in ("sources", "concepts", "cases"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__ in NOT_EDITED:
                continue
            fields = list(free_text_fields(model))
            for pk in model.objects.values_list("pk", flat=True):
                values = {f.name: hostile(f, rotation, pk) for f in fields}
                written += model.objects.filter(pk=pk).update(**values) * len(values)
    assert written > 100, "the hostile world should have replaced the sample's texts"
    return sample


def assert_inert(response, where):
    html = response.content.decode()
    for payload in PAYLOADS + URL_PAYLOADS:
        if "<" in payload:
            assert payload not in html, f"{where}: unescaped {payload!r}"
    assert settings.SECRET_KEY not in html, where
    page = soup(response)
    for script in page.find_all("script"):
        if script.get("src"):
            src = script["src"]
            assert src.startswith("/") and not src.startswith("//"), f"{where}: {script}"
            assert "alert(" not in script.get_text(), f"{where}: {script}"
        else:
            # Inline scripts are data blocks browsers never run (JSON, schema.org JSON-LD);
            # a payload in one must stay data: valid JSON with no "<" that could close it.
            assert script.get("type") in DATA_BLOCKS, f"{where}: {script}"
            assert "<" not in script.get_text(), f"{where}: {script}"
            json.loads(script.get_text())
    for tag in page.find_all(True):
        assert tag.name not in DANGEROUS_ELEMENTS, f"{where}: <{tag.name}>"
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {name} on <{tag.name}>"
            if name.lower() in URL_ATTRIBUTES:
                # Browsers ignore whitespace and control characters inside the scheme.
                scheme = re.sub(r"[\s\x00-\x1f]", "", str(value)).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), where


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_stored_payloads_render_as_text_on_every_public_page(client, hostile_world, lang):
    pages = crawl(client, f"/{lang}/")
    text = []
    for url, response in pages.items():
        if "text/html" in response["Content-Type"]:
            assert_inert(response, url)
            text.append(soup(response).get_text())
    shown = "".join(text)
    # The payloads were really on the pages, shown as text rather than dropped.
    missing = [p for p in PAYLOADS if p.replace("&#x09;", "\t") not in shown and p not in shown]
    assert not missing, f"payloads never shown in {lang}: {missing}"


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_payloads_in_query_parameters_and_paths_are_escaped(client, sample, lang):
    lists = ["concepts:list", "cases:list", "cases:actors", "sources:list", "sources:people"]
    for name, payload in itertools.product(lists, PAYLOADS):
        url = page_url(name, lang)
        for param in ("tag", "region", "period", "type", "year", "author", "page", "q"):
            response = client.get(url, {param: payload})
            assert response.status_code < 500, (url, param)
            assert_inert(response, f"{url}?{param}={payload}")
    for prefix in ("concepts", "cases", "cases/actors", "sources", "people", "tags"):
        for payload in PAYLOADS:
            response = client.get(f"/{lang}/{prefix}/{quote(payload, safe='')}/", follow=True)
            assert response.status_code == 404, (prefix, payload)
            assert_inert(response, f"{prefix}/{payload}")


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        '<p><img src=x onerror="alert(2)"></p>',
        '<a href=" java\tscript:alert(3)">x</a>',
        '<iframe src="/"></iframe>',
    ],
)
def test_the_checker_catches_live_markup(html):
    from django.http import HttpResponse

    with pytest.raises(AssertionError):
        assert_inert(HttpResponse(html), "a page with live markup")


def test_editors_cannot_save_script_urls(db):
    source = Source(citation_key="x2000", title="X", url="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict


def test_admin_pages_show_payloads_inert(editor, hostile_world):
    for model in admin.site._registry:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        response = editor.get(changelist)
        assert response.status_code == 200, changelist
        assert_inert(response, changelist)
        if (obj := model.objects.first()) is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            response = editor.get(change)
            assert response.status_code == 200, change
            assert_inert(response, change)
