"""Downloading references: one source, a tag, a concept's or case's page, the whole library.
Right content type and file name, nothing from drafts, and a few queries whatever the size."""

import json

import pytest
import rispy
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from cases.models import Analysis
from sources.models import Citation
from tests.helpers import soup, url

CONTENT_TYPES = {
    "bibtex": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "csljson": "application/vnd.citationstyles.csl+json; charset=utf-8",
}
EXTENSIONS = {"bibtex": "bib", "ris": "ris", "csljson": "json"}


def keys_in(response) -> list[str]:
    """The citation keys in a CSL-JSON download."""
    return [item["id"] for item in json.loads(b"".join(_content(response)))]


def _content(response):
    return response.streaming_content if response.streaming else [response.content]


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
@pytest.mark.parametrize("fmt", CONTENT_TYPES)
@pytest.mark.parametrize(
    "name, args, filename",
    [
        ("sources:export", ["jervis1978"], "jervis1978"),
        ("sources:library_export", [], "ir-atlas-library"),
        ("tags:export", ["security"], "tag-security"),
        ("concepts:export", ["security-dilemma"], "concept-security-dilemma-references"),
        ("cases:export", ["cold-war"], "case-cold-war-references"),
    ],
)
def test_every_export_is_a_download_with_type_and_file_name(
    visitor, sample, lang, fmt, name, args, filename
):
    response = visitor.get(url(name, lang, *args, fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    expected = f'attachment; filename="{filename}.{EXTENSIONS[fmt]}"'
    assert response["Content-Disposition"] == expected
    body = b"".join(_content(response)).decode()
    assert body.strip(), "an export with content"


def test_source_export_holds_that_source(visitor, sample):
    assert keys_in(visitor.get(url("sources:export", "en", "jervis1978", "csljson"))) == [
        "jervis1978"
    ]
    records = rispy.loads(
        visitor.get(url("sources:export", "en", "lu2015", "ris")).content.decode()
    )
    assert [(r["id"], r["authors"]) for r in records] == [("lu2015", ["盧, 業中"])]


def test_source_export_redirects_a_capitalised_key_and_404s_an_unknown_one(visitor, sample):
    response = visitor.get("/en/sources/Jervis1978/export/bibtex/")
    assert response.status_code == 301
    assert response["Location"] == "/en/sources/jervis1978/export/bibtex/"
    assert visitor.get("/en/sources/nobody1900/export/bibtex/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/sources/jervis1978/export/endnote/",
        "/en/library/docx/",
        "/en/tags/security/export/text/",
        "/en/concepts/security-dilemma/references/BIBTEX/",
        "/zh-hant/cases/cold-war/references/pdf/",
    ],
)
def test_unknown_format_is_a_404_that_names_the_formats(visitor, sample, path):
    response = visitor.get(path)
    assert response.status_code == 404
    page = soup(response)
    assert page.h1
    links = {a.get_text(): a["href"] for a in page.select("main a[download]")}
    assert set(links) == {"BibTeX", "RIS", "CSL-JSON"}
    for href in links.values():
        assert visitor.get(href).status_code == 200


def test_library_holds_every_source_in_reference_list_order(visitor, sample):
    response = visitor.get(url("sources:library_export", "en", "csljson"))
    assert response.streaming, "the whole library is streamed"
    assert keys_in(response) == ["herz1950", "jervis1978", "lu2015", "snyder1984"]


def test_tag_export_holds_the_sources_carrying_the_tag(visitor, sample):
    assert keys_in(visitor.get(url("tags:export", "en", "security", "csljson"))) == ["jervis1978"]
    assert keys_in(visitor.get(url("tags:export", "en", "alliances", "csljson"))) == []
    assert visitor.get(url("tags:export", "en", "no-such-tag", "bibtex")).status_code == 404


def _cite_in_text(obj, source, field="body_en"):
    """A citation in an object's text, as the citation index records it."""
    Citation.objects.create(
        source=source,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        locator="12",
    )


def test_concept_export_holds_every_source_the_page_cites(visitor, sample):
    # The definition cites jervis1978 and the Cold War analysis snyder1984; the body now cites
    # lu2015; an analysis of a draft case cites herz1950, which the page does not show.
    _cite_in_text(sample.security_dilemma, sample.lu2015)
    Analysis.objects.create(
        case=sample.draft_case,
        concept=sample.security_dilemma,
        text_en="Secret.",
        source=sample.herz1950,
    )
    keys = keys_in(visitor.get(url("concepts:export", "en", "security-dilemma", "csljson")))
    assert keys == ["jervis1978", "lu2015", "snyder1984"]


def test_case_export_holds_timeline_analysis_and_body_sources(visitor, sample):
    assert keys_in(visitor.get(url("cases:export", "en", "cuban-missile-crisis", "csljson"))) == [
        "jervis1978"
    ]
    _cite_in_text(sample.cold_war, sample.herz1950, field="body_zh_hant")
    Analysis.objects.create(
        case=sample.cold_war, concept=sample.draft_concept, text_en="x", source=sample.lu2015
    )
    keys = keys_in(visitor.get(url("cases:export", "en", "cold-war", "csljson")))
    assert keys == ["herz1950", "snyder1984"], "not lu2015: its analysis is of a draft concept"


def test_draft_pages_references_are_404_for_visitors_like_the_pages(editor, sample):
    _cite_in_text(sample.draft_concept, sample.herz1950)
    draft_concept = url("concepts:export", "en", "secret-draft", "bibtex")
    draft_case = url("cases:export", "en", "draft-case", "ris")
    visitor = Client()  # the `visitor` fixture is the client `editor` logs in
    assert visitor.get(draft_concept).status_code == 404
    assert visitor.get(draft_case).status_code == 404
    assert editor.get(draft_concept).status_code == 200
    assert "herz1950" in editor.get(draft_concept).content.decode()
    assert editor.get(draft_case).status_code == 200


def test_export_links_on_every_page_with_references(visitor, sample):
    expected = {
        url("sources:detail", "en", "jervis1978"): url(
            "sources:export", "en", "jervis1978", "ris"
        ),
        url("sources:list", "en"): url("sources:library_export", "en", "ris"),
        url("tags:detail", "en", "security"): url("tags:export", "en", "security", "ris"),
        url("concepts:detail", "en", "security-dilemma"): url(
            "concepts:export", "en", "security-dilemma", "ris"
        ),
        url("cases:detail", "zh-hant", "cold-war"): url(
            "cases:export", "zh-hant", "cold-war", "ris"
        ),
    }
    for page, link in expected.items():
        anchors = soup(visitor.get(page)).select(f'a[href="{link}"]')
        assert [a.get_text() for a in anchors] == ["RIS"], page
        assert anchors[0].has_attr("download")


@pytest.mark.parametrize(
    "name, args, queries",
    [
        ("sources:export", ["jervis1978"], 2),
        ("sources:library_export", [], 2),
        ("tags:export", ["security"], 3),
        ("concepts:export", ["security-dilemma"], 3),
        ("cases:export", ["cold-war"], 3),
    ],
)
def test_exports_take_a_few_queries_whatever_their_size(
    visitor, sample, django_assert_num_queries, name, args, queries
):
    """Sources with their creators come in one query each (the library in chunks of 500), the
    page or tag in one more; the cited parts of a page are a subquery, so adding sources,
    definitions or events adds no query."""
    for source in (sample.herz1950, sample.snyder1984, sample.lu2015):
        source.tags.add(sample.tag_security)
        _cite_in_text(sample.security_dilemma, source)
        _cite_in_text(sample.cold_war, source)
    for fmt in CONTENT_TYPES:
        with django_assert_num_queries(queries):
            response = visitor.get(url(name, "en", *args, fmt))
            b"".join(_content(response))


@pytest.mark.parametrize(
    "name, slug, page_name",
    [
        ("concepts:export", "security-dilemma", "concepts:detail"),
        ("cases:export", "cold-war", "cases:detail"),
    ],
)
def test_page_export_holds_the_same_works_as_the_pages_reference_list(
    visitor, sample, name, slug, page_name
):
    """The download is the reference list the reader sees, body-text citations included."""
    sample.security_dilemma.body_en = "Herz coined the term [@herz1950, p. 157]."
    sample.security_dilemma.save()
    sample.definition.text_en = "As Lu puts it [@lu2015]."
    sample.definition.save()
    sample.cold_war.body_en = "See [@lu2015; @herz1950]."
    sample.cold_war.save()
    page = visitor.get(url(page_name, "en", slug))
    shown = sorted(reference.key for reference in page.context["citations"].references)
    assert sorted(keys_in(visitor.get(url(name, "en", slug, "csljson")))) == shown
    assert "herz1950" in shown and "lu2015" in shown
