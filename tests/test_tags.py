"""The tag index and the tag page, which gathers concepts, cases and sources on one topic."""

import pytest

from cases.models import Case
from concepts.models import Concept
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator, Tag
from tests.helpers import soup as soup_of


def counts(soup, href):
    row = soup.find("a", href=href).find_parent("tr")
    return [int(td.get_text()) for td in row.find_all("td")]


@pytest.mark.parametrize(
    ("lang", "labels"), [("en", ["alliances", "security"]), ("zh-hant", ["同盟", "安全"])]
)
def test_tag_list_names_tags_in_the_active_language_and_its_order(visitor, sample, lang, labels):
    soup = soup_of(visitor.get(f"/{lang}/tags/"))
    # Chinese follows Zhuyin order: 同 (ㄊ) before 安 (ㄢ).
    assert [a.get_text() for a in soup.select("tbody th a")] == labels


def test_tag_list_counts_only_published_concepts_and_cases(visitor, sample):
    sample.draft_concept.tags.add(sample.tag_security)
    sample.draft_case.tags.add(sample.tag_security)
    soup = soup_of(visitor.get("/en/tags/"))
    assert counts(soup, "/en/tags/security/") == [1, 1, 1]
    assert counts(soup, "/en/tags/alliances/") == [1, 0, 0]


@pytest.mark.parametrize(("lang", "h1"), [("en", "security"), ("zh-hant", "安全")])
def test_tag_page_lists_published_concepts_cases_and_sources(visitor, sample, lang, h1):
    sample.draft_concept.tags.add(sample.tag_security)
    soup = soup_of(visitor.get(f"/{lang}/tags/security/"))
    assert soup.h1.get_text() == h1
    hrefs = {a["href"] for a in soup.select("main a")}
    assert f"/{lang}/concepts/security-dilemma/" in hrefs
    assert f"/{lang}/cases/cold-war/" in hrefs
    assert f"/{lang}/sources/jervis1978/" in hrefs
    assert f"/{lang}/concepts/alliance-dilemma/" not in hrefs
    assert f"/{lang}/concepts/secret-draft/" not in hrefs


def test_tag_page_says_when_a_kind_is_empty(visitor, sample):
    html = visitor.get("/en/tags/alliances/").content.decode()
    assert "No cases carry this tag." in html
    assert "No sources carry this tag." in html


def test_tag_label_falls_back_with_a_marker(visitor, sample):
    Tag.objects.create(name="deterrence", slug="deterrence")
    soup = soup_of(visitor.get("/zh-hant/tags/deterrence/"))
    assert soup.h1.find(lang="en").get_text() == "deterrence"
    assert soup.h1.select_one(".fallback") is not None


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_missing_tag_is_404(visitor, sample, lang):
    assert visitor.get(f"/{lang}/tags/no-such-tag/").status_code == 404


def add_tagged_things(n, tag):
    for i in range(n):
        Concept.objects.create(
            slug=f"c{i}", name_en=f"C{i}", name_zh_hant=f"概念{i}", status=Status.PUBLISHED
        ).tags.add(tag)
        Case.objects.create(
            slug=f"k{i}", title_en=f"K{i}", title_zh_hant=f"案例{i}", status=Status.PUBLISHED
        ).tags.add(tag)
        source = Source.objects.create(citation_key=f"s{i}", item_type="book", title=f"S{i}")
        person = Person.objects.create(slug=f"p{i}", family_name=f"P{i}")
        SourceCreator.objects.create(source=source, person=person, role=CreatorRole.AUTHOR)
        source.tags.add(tag)
        Tag.objects.create(name=f"tag {i}", slug=f"tag-{i}")


def test_tag_list_queries_stay_constant(visitor, sample, django_assert_num_queries):
    """All counts come from subqueries in the one query that lists the tags, so more tags or
    more tagged objects never add queries."""
    with django_assert_num_queries(1):
        visitor.get("/en/tags/")
    add_tagged_things(6, sample.tag_security)
    with django_assert_num_queries(1):
        response = visitor.get("/en/tags/")
    assert counts(soup_of(response), "/en/tags/security/") == [7, 7, 7]


def test_tag_detail_queries_stay_constant(visitor, sample, django_assert_num_queries):
    """The tag, its concepts, its cases, and its sources with their creators: five queries
    however many objects carry the tag."""
    with django_assert_num_queries(5):
        visitor.get("/en/tags/security/")
    add_tagged_things(6, sample.tag_security)
    with django_assert_num_queries(5):
        response = visitor.get("/en/tags/security/")
    assert response.content.decode().count("/en/sources/s") == 6
