"""The public people list and person pages."""

import pytest

from concepts.models import Concept, Definition
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator
from tests.helpers import soup as page
from tests.helpers import url

LANGS = ["en", "zh-hant"]


def people_links(response):
    return [a for a in page(response).select("main li a") if "/people/" in a["href"]]


@pytest.mark.parametrize("lang", LANGS)
def test_people_are_listed_a_to_z_by_family_name(sample, visitor, lang):
    response = visitor.get(url("sources:people", lang))
    assert response.status_code == 200
    slugs = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in people_links(response)]
    assert slugs == ["john-h-herz", "robert-jervis", "lu-yeh-chung", "glenn-h-snyder"]
    headings = [h.get_text() for h in page(response).find_all("h2", class_="index-letter")]
    assert headings == ["H", "J", "L", "S"]


def test_people_list_shows_original_script_names_in_chinese(sample, visitor):
    html = page(visitor.get(url("sources:people", "zh-hant")))
    link = html.find("a", href=url("sources:person", "zh-hant", "lu-yeh-chung"))
    assert link.get_text() == "盧業中"
    assert link["lang"] == "zh-Hant"
    assert "Lu Yeh-chung" in link.parent.get_text()


def test_people_list_uses_romanised_names_in_english(sample, visitor):
    html = page(visitor.get(url("sources:people", "en")))
    link = html.find("a", href=url("sources:person", "en", "lu-yeh-chung"))
    assert link.get_text() == "Lu Yeh-chung"
    assert "盧業中" not in html.get_text()


def test_people_list_counts_works(sample, visitor):
    second = Source.objects.create(citation_key="jervis1976", item_type="book", title="P")
    SourceCreator.objects.create(source=second, person=sample.jervis)
    html = page(visitor.get(url("sources:people", "en")))
    jervis = html.find("a", href=url("sources:person", "en", "robert-jervis")).parent
    herz = html.find("a", href=url("sources:person", "en", "john-h-herz")).parent
    assert "2 works" in jervis.get_text()
    assert "1 work" in herz.get_text()


def test_people_list_query_count_does_not_grow_with_people(
    sample, visitor, django_assert_num_queries
):
    """Work counts are an annotation, so the list is one query however many people and
    works there are."""
    with django_assert_num_queries(1):
        visitor.get(url("sources:people", "en"))
    for i in range(10):
        person = Person.objects.create(slug=f"p-{i}", family_name=f"Zed{i}")
        source = Source.objects.create(citation_key=f"zed{i}", item_type="book", title="T")
        SourceCreator.objects.create(source=source, person=person)
    with django_assert_num_queries(1):
        response = visitor.get(url("sources:people", "en"))
    assert len(people_links(response)) == 14


@pytest.mark.parametrize("lang", LANGS)
def test_person_page_shows_both_names_and_works(sample, visitor, lang):
    response = visitor.get(url("sources:person", lang, "lu-yeh-chung"))
    assert response.status_code == 200
    html = page(response)
    assert len(html.find_all("h1")) == 1
    text = html.get_text()
    assert "盧業中" in text and "Lu Yeh-chung" in text
    work = html.find("ul", class_="references").find(
        "a", href=url("sources:detail", lang, "lu2015")
    )
    assert "美國如何看待其與日本及南韓的同盟關係" in work.get_text()


def test_person_page_heading_follows_the_language(sample, visitor):
    assert page(visitor.get(url("sources:person", "zh-hant", "lu-yeh-chung"))).h1.get_text() == (
        "盧業中"
    )
    assert page(visitor.get(url("sources:person", "en", "lu-yeh-chung"))).h1.get_text() == (
        "Lu Yeh-chung"
    )


def test_person_note_falls_back_to_chinese_with_a_marker(sample, visitor):
    html = page(visitor.get(url("sources:person", "en", "lu-yeh-chung")))
    note = html.find("span", lang="zh-Hant", string="政治大學外交學系副教授。")
    assert note is not None
    assert html.find("span", class_="fallback") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_person_page_lists_definitions_attributed_to_them(sample, visitor, lang):
    html = page(visitor.get(url("sources:person", lang, "robert-jervis")))
    section = html.find("section", attrs={"aria-labelledby": "definitions"})
    link = section.find(
        "a", href=lambda h: h.startswith(url("concepts:detail", lang, "security-dilemma"))
    )
    assert link is not None
    assert "p. 169" in section.get_text()


def test_definitions_of_draft_concepts_are_not_listed(sample, visitor):
    hidden = Definition.objects.create(concept=sample.draft_concept, text_en="Secret wording.")
    hidden.people.add(sample.herz)
    html = page(visitor.get(url("sources:person", "en", "john-h-herz")))
    assert "Secret wording." not in html.get_text()
    assert html.find("section", attrs={"aria-labelledby": "definitions"}) is None


def test_person_page_links_orcid_and_wikidata(sample, visitor):
    sample.herz.orcid = "0000-0002-1825-0097"
    sample.herz.save()
    html = page(visitor.get(url("sources:person", "en", "john-h-herz")))
    assert html.find("a", href="https://orcid.org/0000-0002-1825-0097")
    assert not html.find("a", href=lambda h: "wikidata" in h)
    jervis = page(visitor.get(url("sources:person", "en", "robert-jervis")))
    assert jervis.find("a", href="https://www.wikidata.org/wiki/Q7342975")


def test_person_page_shows_roles_other_than_author(sample, visitor):
    SourceCreator.objects.create(
        source=sample.snyder1984, person=sample.jervis, role=CreatorRole.TRANSLATOR
    )
    html = page(visitor.get(url("sources:person", "en", "robert-jervis")))
    item = html.find("a", href=url("sources:detail", "en", "snyder1984")).find_parent("li")
    assert "translator" in item.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_missing_person_is_404(sample, visitor, lang):
    assert visitor.get(url("sources:person", lang, "nobody")).status_code == 404


def test_person_query_count_does_not_grow_with_works_and_definitions(
    sample, visitor, django_assert_num_queries
):
    """Person, works, the works' creators and the definitions (with their concepts) are
    four queries however prolific the person is."""
    person_url = url("sources:person", "en", "robert-jervis")
    with django_assert_num_queries(4):
        visitor.get(person_url)
    for i in range(6):
        source = Source.objects.create(citation_key=f"more{i}", item_type="book", title="T")
        SourceCreator.objects.create(source=source, person=sample.jervis)
        SourceCreator.objects.create(source=source, person=sample.herz, position=1)
        concept = Concept.objects.create(
            slug=f"c-{i}", name_zh_hant=f"概念{i}", name_en=f"C{i}", status=Status.PUBLISHED
        )
        Definition.objects.create(concept=concept, text_en=f"Def {i}.").people.add(sample.jervis)
    with django_assert_num_queries(4):
        response = visitor.get(person_url)
    html = page(response)
    assert len(html.select("ul.references > li")) == 7
    assert len(html.select("blockquote.definition")) == 7


def test_chinese_readers_see_the_usual_chinese_rendering_of_a_western_name(sample, visitor):
    sample.jervis.name_zh_hant = "羅伯特·傑維斯"
    sample.jervis.save()
    zh = page(visitor.get(url("sources:person", "zh-hant", "robert-jervis")))
    assert zh.h1.get_text() == "羅伯特·傑維斯"
    assert zh.find(class_="other-name").get_text(strip=True) == "Robert Jervis"
    en = page(visitor.get(url("sources:person", "en", "robert-jervis")))
    assert en.h1.get_text() == "Robert Jervis"
    # References give the name as the work does, whatever the reader's language.
    listing = page(visitor.get(url("sources:list", "zh-hant")))
    references = " ".join(r.get_text() for r in listing.select(".reference"))
    assert "Jervis" in references and "傑維斯" not in references
