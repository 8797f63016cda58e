"""The home page: what the site is, where to go, featured and latest concepts and cases."""

import pytest

from cases.models import Case
from concepts.models import Concept
from sources.content import Status
from tests.helpers import soup as soup_of


def section(soup, heading_id):
    return soup.find(id=heading_id).find_parent("section")


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_home_links_to_every_section(visitor, sample, lang):
    soup = soup_of(visitor.get(f"/{lang}/"))
    explore = soup.find(id="explore-heading").find_parent("nav")
    hrefs = {a["href"] for a in explore.find_all("a")}
    assert hrefs == {
        f"/{lang}/concepts/",
        f"/{lang}/cases/",
        f"/{lang}/sources/",
        f"/{lang}/people/",
        f"/{lang}/tags/",
        f"/{lang}/search/",
    }


def test_home_says_what_the_site_is(visitor, sample):
    soup = soup_of(visitor.get("/en/"))
    assert "IR Atlas" in soup.h1.get_text()
    assert "Traditional Chinese and English" in soup.select_one(".lede").get_text()


@pytest.mark.parametrize(
    ("lang", "concept", "case"),
    [
        ("en", "Measures one state takes", "Four decades of rivalry"),
        ("zh-hant", "一國為求安全", "美蘇兩強"),
    ],
)
def test_featured_concepts_and_cases_show_their_summaries(visitor, sample, lang, concept, case):
    soup = soup_of(visitor.get(f"/{lang}/"))
    concepts = section(soup, "featured-concepts-heading")
    assert [a["href"] for a in concepts.select("h3 a")] == [f"/{lang}/concepts/security-dilemma/"]
    assert concept in concepts.get_text()
    cases = section(soup, "featured-cases-heading")
    assert [a["href"] for a in cases.select("h3 a")] == [f"/{lang}/cases/cold-war/"]
    assert case in cases.get_text()


def test_latest_additions_show_the_newest_published_first(visitor, sample):
    Concept.objects.create(
        slug="newest", name_en="Newest idea", name_zh_hant="最新", status=Status.PUBLISHED
    )
    Concept.objects.create(slug="newer-draft", name_en="Draft", name_zh_hant="草稿")
    Case.objects.create(
        slug="newest-case",
        title_en="Newest case",
        title_zh_hant="最新案例",
        status=Status.PUBLISHED,
    )
    latest = section(soup_of(visitor.get("/en/")), "latest-heading")
    hrefs = [a["href"] for a in latest.select("h3 a")]
    assert hrefs[:3] == [
        "/en/concepts/newest/",
        "/en/concepts/alliance-dilemma/",
        "/en/concepts/security-dilemma/",
    ]
    assert "/en/cases/newest-case/" in hrefs
    assert not any("draft" in href for href in hrefs)


def test_latest_additions_are_limited_to_a_few(visitor, sample):
    for n in range(10):
        Concept.objects.create(
            slug=f"c{n}", name_en=f"C{n}", name_zh_hant=f"概念{n}", status=Status.PUBLISHED
        )
    latest = section(soup_of(visitor.get("/en/")), "latest-heading")
    assert len([a for a in latest.select("h3 a") if "/concepts/" in a["href"]]) == 5


def test_home_queries_stay_constant(visitor, sample, django_assert_num_queries):
    """The home page is four short lists (featured and latest concepts and cases) that touch no
    relations, so it costs four queries however much is published."""
    with django_assert_num_queries(4):
        visitor.get("/en/")
    for n in range(8):
        Concept.objects.create(
            slug=f"c{n}",
            name_en=f"C{n}",
            name_zh_hant=f"概念{n}",
            status=Status.PUBLISHED,
            featured=True,
        )
        Case.objects.create(
            slug=f"k{n}",
            title_en=f"K{n}",
            title_zh_hant=f"案例{n}",
            status=Status.PUBLISHED,
            featured=True,
        )
    with django_assert_num_queries(4):
        response = visitor.get("/zh-hant/")
    assert "概念7" in response.content.decode()
