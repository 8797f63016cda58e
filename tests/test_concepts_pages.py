"""The concept index (A–Z / ㄅ–ㄩ, tag filter, pagination) and the concept page."""

import datetime as dt

import pytest

from cases.models import Analysis, Case
from concepts.models import AltTerm, Concept, ConceptRelation, Definition, DefinitionFamily
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator, Tag
from tests.helpers import soup as soup_of


def make_concept(slug, name_en, name_zh, **fields):
    fields.setdefault("status", Status.PUBLISHED)
    return Concept.objects.create(slug=slug, name_en=name_en, name_zh_hant=name_zh, **fields)


def make_source(key, family_name, year):
    source = Source.objects.create(
        citation_key=key, item_type="book", title=f"A book by {family_name}", year=year
    )
    person = Person.objects.create(slug=key, family_name=family_name, given_name="A.")
    SourceCreator.objects.create(source=source, person=person, role=CreatorRole.AUTHOR)
    return source, person


# The index


@pytest.mark.parametrize(
    ("lang", "headings"),
    [("en", ["A", "S"]), ("zh-hant", ["ㄊ", "ㄢ"])],
)
def test_index_groups_concepts_under_letters_of_the_language(visitor, sample, lang, headings):
    soup = soup_of(visitor.get(f"/{lang}/concepts/"))
    assert [h.get_text(strip=True) for h in soup.select("h2.index-letter")] == headings


def test_index_entry_shows_both_names_and_the_summary(visitor, sample):
    soup = soup_of(visitor.get("/en/concepts/"))
    entry = soup.find("a", href="/en/concepts/security-dilemma/").parent
    assert entry.find(lang="zh-Hant").get_text() == "安全困境"
    assert "make others feel less secure" in entry.get_text()

    soup = soup_of(visitor.get("/zh-hant/concepts/"))
    entry = soup.find("a", href="/zh-hant/concepts/security-dilemma/").parent
    assert entry.find("a").get_text() == "安全困境"
    assert entry.find(lang="en").get_text() == "Security dilemma"


def test_index_hides_drafts(visitor, sample):
    assert "secret-draft" not in visitor.get("/en/concepts/").content.decode()


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_tag_filter_lists_only_concepts_with_that_tag(visitor, sample, lang):
    soup = soup_of(visitor.get(f"/{lang}/concepts/?tag=alliances"))
    links = {a["href"] for a in soup.select("ul.concept-index a")}
    assert links == {f"/{lang}/concepts/alliance-dilemma/"}
    assert soup.select_one("select[name=tag] option[selected]")["value"] == "alliances"


def test_tag_filter_offers_only_tags_of_published_concepts(visitor, sample):
    Tag.objects.create(name="unused", slug="unused")
    soup = soup_of(visitor.get("/en/concepts/"))
    options = [o["value"] for o in soup.select("select[name=tag] option")]
    assert options == ["", "alliances", "security"]
    assert soup.find("a", href="/en/concepts/?tag=security") is not None


def test_tag_without_published_concepts_says_so(visitor, sample):
    Tag.objects.create(name="unused", slug="unused")
    response = visitor.get("/en/concepts/?tag=unused")
    assert response.status_code == 200
    assert "No published concepts carry this tag yet." in response.content.decode()


def test_unknown_tag_is_404(visitor, sample):
    assert visitor.get("/en/concepts/?tag=no-such-tag").status_code == 404


def test_pagination_keeps_the_tag_filter(visitor, sample):
    for n in range(35):
        concept = make_concept(f"topic-{n:02}", f"Topic {n:02}", f"主題{n:02}")
        concept.tags.add(sample.tag_security)
    soup = soup_of(visitor.get("/en/concepts/?tag=security"))
    assert len(soup.select("ul.concept-index li")) == 30
    next_link = soup.select_one("a[rel=next]")["href"]
    assert "tag=security" in next_link and "page=2" in next_link

    second = soup_of(visitor.get(f"/en/concepts/{next_link}"))
    entries = [a["href"] for a in second.select("ul.concept-index > li > a")]
    # 36 concepts carry the tag; Security dilemma and Topics 00–28 fill the first page.
    assert entries == [f"/en/concepts/topic-{n}/" for n in range(29, 35)]


def test_page_beyond_the_last_is_404(visitor, sample):
    assert visitor.get("/en/concepts/?page=9").status_code == 404


def test_concept_index_queries_stay_constant(visitor, sample, django_assert_num_queries):
    """The index is one page of concepts with their tags and the tag filter's options; each
    query must serve the whole page, so the count must not grow with the number of concepts
    or tags (a count, the page, its tags, the filter's tags)."""
    with django_assert_num_queries(4):
        visitor.get("/en/concepts/")
    for n in range(8):
        concept = make_concept(f"extra-{n}", f"Extra {n}", f"額外{n}")
        concept.tags.add(Tag.objects.create(name=f"extra {n}", slug=f"extra-{n}"))
    with django_assert_num_queries(4):
        response = visitor.get("/en/concepts/")
    assert response.content.decode().count("/en/concepts/extra-") == 8


# The concept page


@pytest.mark.parametrize(
    ("lang", "h1", "other"),
    [("en", "Security dilemma", "安全困境"), ("zh-hant", "安全困境", "Security dilemma")],
)
def test_concept_page_names_the_concept_in_both_languages(visitor, sample, lang, h1, other):
    soup = soup_of(visitor.get(f"/{lang}/concepts/security-dilemma/"))
    assert soup.h1.get_text(strip=True) == h1
    assert soup.select_one("header .other-name").get_text() == other
    assert soup.find(lang="zh-Hant", string="安全兩難") is not None
    assert soup.find("a", href=f"/{lang}/tags/security/") is not None


def test_concept_page_shows_summary_and_body_paragraphs(visitor, sample):
    soup = soup_of(visitor.get("/en/concepts/security-dilemma/"))
    paragraphs = [p.get_text() for p in soup.select(".prose p")]
    assert paragraphs == [
        "John H. Herz coined the term.",
        "Jervis named two aggravating conditions.",
    ]
    soup = soup_of(visitor.get("/zh-hant/concepts/security-dilemma/"))
    assert soup.select(".prose p")[0].get_text() == "安全困境由赫茲提出。"


@pytest.mark.parametrize(
    ("lang", "family"), [("en", "Harming the security of others"), ("zh-hant", "損及他國安全")]
)
def test_definitions_are_grouped_under_their_family_and_cited(visitor, sample, lang, family):
    soup = soup_of(visitor.get(f"/{lang}/concepts/security-dilemma/"))
    heading = soup.find(id=f"family-{sample.family.pk}")
    assert heading.get_text(strip=True) == family
    definition = soup.find(id=f"definition-{sample.definition.pk}")
    assert heading.find_next(class_="definition") == definition
    # The definition's source is an in-text citation linked to the page's reference list.
    citation = definition.find("a", href="#ref-jervis1978")
    assert "Jervis" in citation.get_text() and "1978" in citation.get_text()
    assert "169" in citation.parent.get_text()
    assert soup.find(id="ref-jervis1978").find("a", href=f"/{lang}/sources/jervis1978/")
    assert definition.find("a", href=f"/{lang}/people/robert-jervis/") is not None


def test_definitions_of_each_family_stay_under_their_own_heading(visitor, sample):
    second = DefinitionFamily.objects.create(
        concept=sample.security_dilemma, name_en="Spiral", name_zh_hant="螺旋", position=2
    )
    spiral = Definition.objects.create(
        concept=sample.security_dilemma, family=second, text_en="Fear breeds fear."
    )
    soup = soup_of(visitor.get("/en/concepts/security-dilemma/"))
    assert soup.find(id=f"family-{second.pk}").find_next(class_="definition")["id"] == (
        f"definition-{spiral.pk}"
    )
    assert soup.find(id=f"family-{sample.family.pk}").find_next(class_="definition")["id"] == (
        f"definition-{sample.definition.pk}"
    )


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_relations_read_from_both_ends(visitor, sample, lang):
    alliance = soup_of(visitor.get(f"/{lang}/concepts/alliance-dilemma/"))
    security = soup_of(visitor.get(f"/{lang}/concepts/security-dilemma/"))
    variant = alliance.find("a", href=f"/{lang}/concepts/security-dilemma/").parent
    has_variant = security.find("a", href=f"/{lang}/concepts/alliance-dilemma/").parent
    if lang == "en":
        assert "is a variant of" in variant.get_text()
        assert "has the variant" in has_variant.get_text()
    assert variant.em.get_text() != has_variant.em.get_text()


def test_relations_to_drafts_are_hidden(visitor, sample):
    html = visitor.get("/en/concepts/security-dilemma/").content.decode()
    assert "secret-draft" not in html
    assert "Draft concept" not in html


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_cases_that_illustrate_the_concept_are_shown_with_an_excerpt(visitor, sample, lang):
    soup = soup_of(visitor.get(f"/{lang}/concepts/security-dilemma/"))
    item = soup.find("a", href=f"/{lang}/cases/cold-war/#analysis-{sample.analysis.pk}").parent
    text = "threat to the other" if lang == "en" else "雙方的軍備擴張"
    assert text in item.get_text()


def test_analyses_of_draft_cases_are_hidden_and_long_ones_shortened(visitor, sample):
    Analysis.objects.create(
        case=sample.draft_case, concept=sample.security_dilemma, text_en="Secret analysis."
    )
    Analysis.objects.create(
        case=sample.cuba, concept=sample.security_dilemma, kind="challenges", text_en="x" * 500
    )
    html = visitor.get("/en/concepts/security-dilemma/").content.decode()
    assert "Secret analysis." not in html
    assert "Cases that challenge it" in html
    assert "x" * 239 + "…" in html and "x" * 241 not in html


def test_references_list_every_cited_source_once_by_author(visitor, sample):
    Definition.objects.create(
        concept=sample.security_dilemma, text_en="Again.", source=sample.jervis1978, locator="170"
    )
    soup = soup_of(visitor.get("/en/concepts/security-dilemma/"))
    references = soup.select("ul.references li")
    assert [li["id"] for li in references] == ["ref-jervis1978", "ref-snyder1984"]
    assert [li.a["href"] for li in references] == [
        "/en/sources/jervis1978/",
        "/en/sources/snyder1984/",
    ]
    assert "World Politics" in references[0].get_text()
    assert "30(2)" in references[0].get_text()
    assert references[0].find("a", href="https://doi.org/10.2307/2009958") is not None


def test_fallback_is_marked_when_a_concept_lacks_english(visitor, sample):
    make_concept(
        "balance-of-threat",
        "Balance of threat",
        "威脅平衡",
        summary_zh_hant="國家制衡的是威脅，而非單純的權力。",
    )
    soup = soup_of(visitor.get("/en/concepts/balance-of-threat/"))
    summary = soup.find(lang="zh-Hant", string="國家制衡的是威脅，而非單純的權力。")
    assert summary is not None
    assert summary.find_next_sibling(class_="fallback").get_text() == "(Chinese only)"


def test_english_reader_sees_no_marker_when_english_exists(visitor, sample):
    soup = soup_of(visitor.get("/en/concepts/security-dilemma/"))
    assert soup.select(".fallback") == []


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_draft_concept_is_404_for_visitors(visitor, sample, lang):
    assert visitor.get(f"/{lang}/concepts/secret-draft/").status_code == 404


def test_editors_see_a_draft_with_a_banner(editor, sample):
    response = editor.get("/en/concepts/secret-draft/")
    assert response.status_code == 200
    assert soup_of(response).select_one(".banner-draft") is not None


def test_published_concept_has_no_draft_banner(editor, sample):
    assert soup_of(editor.get("/en/concepts/security-dilemma/")).select(".banner-draft") == []


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_missing_concept_is_404(visitor, sample, lang):
    assert visitor.get(f"/{lang}/concepts/no-such-concept/").status_code == 404


def test_concept_page_queries_stay_constant(visitor, sample, django_assert_num_queries):
    """The concept page prefetches tags, terms, families, definitions (with people and their
    sources' creators), relations both ways and analyses (with cases and sources); adding more
    of each must not add queries."""
    url = "/en/concepts/security-dilemma/"
    with django_assert_num_queries(13):
        visitor.get(url)
    concept = sample.security_dilemma
    for n in range(3):
        source, person = make_source(f"extra{n}", f"Author{n}", 2000 + n)
        family = DefinitionFamily.objects.create(
            concept=concept, name_en=f"Family {n}", name_zh_hant=f"家族{n}", position=5 + n
        )
        definition = Definition.objects.create(
            concept=concept, family=family, text_en=f"Definition {n}", source=source
        )
        definition.people.add(person, sample.herz)
        other = make_concept(f"other-{n}", f"Other {n}", f"其他{n}")
        ConceptRelation.objects.create(origin=concept, kind="contrasts_with", target=other)
        ConceptRelation.objects.create(origin=other, kind="broader", target=concept)
        case = Case.objects.create(
            slug=f"case-{n}",
            title_en=f"Case {n}",
            title_zh_hant=f"案例{n}",
            start_date=dt.date(1990 + n, 1, 1),
            status=Status.PUBLISHED,
        )
        Analysis.objects.create(case=case, concept=concept, text_en=f"Analysis {n}", source=source)
        AltTerm.objects.create(concept=concept, lang="en", term=f"term {n}")
        concept.tags.add(Tag.objects.create(name=f"more {n}", slug=f"more-{n}"))
    with django_assert_num_queries(13):
        response = visitor.get(url)
    html = response.content.decode()
    # Each new source is cited by a definition and an analysis, and listed once.
    assert html.count('href="#ref-extra') == 6
    assert html.count('id="ref-extra') == 3
