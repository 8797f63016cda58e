"""The case list and the case page, as a reader sees them in both languages."""

import datetime as dt

import pytest
from django.utils import translation

from cases.dates import Period
from cases.models import Actor, ActorRole, Analysis, Case, CaseActor, Event
from sources.content import Status
from tests.helpers import soup

LANGS = ["en", "zh-hant"]


def make_case(slug, year, *, status=Status.PUBLISHED, **fields):
    return Case.objects.create(
        slug=slug,
        title_zh_hant=f"案例{slug}",
        title_en=f"Case {slug}",
        start_date=dt.date(year, 1, 1),
        status=status,
        **fields,
    )


def listed_slugs(response):
    """Slugs of the cases linked from the list's entries, in page order."""
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup(response).select(".card h3 a")]


# The case list


@pytest.mark.parametrize("lang", LANGS)
def test_case_list_groups_published_cases_by_period_in_time_order(sample, visitor, lang):
    make_case("sarajevo", 1914)
    make_case("crimea", 2014)
    make_case("secret", 1950, status=Status.DRAFT)

    page = soup(visitor.get(f"/{lang}/cases/"))

    with translation.override(lang):
        expected = [
            (str(Period.WORLD_WARS.label), ["sarajevo"]),
            (str(Period.COLD_WAR.label), ["cold-war", "cuban-missile-crisis"]),
            (str(Period.CONTEMPORARY.label), ["crimea"]),
        ]
    groups = [
        (
            section.h2.get_text(strip=True),
            [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in section.select(".card h3 a")],
        )
        for section in page.select("section.period")
    ]
    assert groups == expected


@pytest.mark.parametrize("lang", LANGS)
def test_case_list_entry_shows_titles_dates_region_summary_and_tags(sample, visitor, lang):
    page = soup(visitor.get(f"/{lang}/cases/"))

    card = page.find("a", href=f"/{lang}/cases/cold-war/").find_parent("li")
    title, other_lang, other_title = {
        "en": ("Cold War", "zh-Hant", "冷戰"),
        "zh-hant": ("冷戰", "en", "Cold War"),
    }[lang]
    assert card.h3.get_text(strip=True) == title
    assert card.find(lang=other_lang).get_text(strip=True) == other_title
    assert [t["datetime"] for t in card.find_all("time")] == ["1947", "1991-12-26"]
    assert card.find("a", href=f"/{lang}/tags/security/")
    with translation.override(lang):
        assert str(sample.cold_war.get_region_display()) in card.get_text()
        assert str(sample.cold_war.summary) in card.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_case_list_offers_filters_as_labelled_selects_in_a_get_form(sample, visitor, lang):
    form = soup(visitor.get(f"/{lang}/cases/?region=americas")).find("form", class_="filters")

    assert form["method"] == "get"
    for name in ("region", "period", "tag"):
        assert form.find("select", attrs={"name": name}).find_parent("label")
    assert form.find("option", value="americas").has_attr("selected")
    assert form.find("option", value="security")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=americas", ["cuban-missile-crisis"]),
        ("region=global", ["cold-war"]),
        ("period=1945-1991", ["cold-war", "cuban-missile-crisis"]),
        ("period=2008-", ["crimea"]),
        ("tag=security", ["cold-war"]),
        ("region=global&tag=security", ["cold-war"]),
        ("region=south-asia", []),
        ("region=&period=&tag=", ["cold-war", "cuban-missile-crisis", "crimea"]),
    ],
)
def test_case_list_filters_narrow_the_results(sample, visitor, lang, query, expected):
    make_case("crimea", 2014, region="europe")

    response = visitor.get(f"/{lang}/cases/?{query}")

    assert response.status_code == 200
    assert listed_slugs(response) == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["region=atlantis", "period=1066-1453", "tag=no-such-tag"])
def test_unknown_filter_value_is_a_clear_400_not_a_500(sample, visitor, lang, query):
    response = visitor.get(f"/{lang}/cases/?{query}")

    assert response.status_code == 400
    page = soup(response)
    assert page.find(role="alert")
    assert listed_slugs(response) == []
    assert len(page.find_all("h1")) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_case_list_pagination_keeps_the_filters(sample, visitor, lang):
    for n in range(35):
        make_case(f"europe-{n:02}", 1950 + n, region="europe")
    make_case("elsewhere", 1960, region="africa")

    first = visitor.get(f"/{lang}/cases/?region=europe")
    next_link = soup(first).find("a", rel="next")["href"]
    second = visitor.get(f"/{lang}/cases/{next_link}")

    assert "region=europe" in next_link and "page=2" in next_link
    assert len(listed_slugs(first)) == 30
    assert listed_slugs(second) == [f"europe-{n:02}" for n in range(30, 35)]
    assert "region=europe" in soup(second).find("a", rel="prev")["href"]


@pytest.mark.parametrize("lang", LANGS)
def test_case_list_page_past_the_end_is_404(sample, visitor, lang):
    assert visitor.get(f"/{lang}/cases/?page=9").status_code == 404


def test_case_list_query_count_stays_the_same_as_cases_are_added(
    sample, visitor, django_assert_num_queries
):
    """Tag choices, the count, the page of cases and their tags: four queries however many
    cases, tags or filters there are, so no entry fetches anything of its own."""
    with django_assert_num_queries(4):
        visitor.get("/en/cases/?period=1945-1991")
    for n in range(10):
        case = make_case(f"more-{n}", 1950 + n, region="europe")
        case.tags.add(sample.tag_security, sample.tag_alliances)
    with django_assert_num_queries(4):
        response = visitor.get("/en/cases/?period=1945-1991")
    assert len(listed_slugs(response)) == 12


# The case page


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_shows_titles_dates_region_summary_and_tags(sample, visitor, lang):
    response = visitor.get(f"/{lang}/cases/cold-war/")

    assert response.status_code == 200
    page = soup(response)
    other_lang, other_title = {"en": ("zh-Hant", "冷戰"), "zh-hant": ("en", "Cold War")}[lang]
    with translation.override(lang):
        assert page.h1.get_text(strip=True) == str(sample.cold_war.title)
        assert str(sample.cold_war.summary) in page.get_text()
    assert page.find(class_="other-name", lang=other_lang).get_text() == other_title
    assert page.find("a", href=f"/{lang}/cases/?region=global")
    assert page.find("a", href=f"/{lang}/tags/security/")


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_lists_actors_with_roles_linked_to_actor_pages(sample, visitor, lang):
    page = soup(visitor.get(f"/{lang}/cases/cold-war/"))

    actors = page.find("ul", class_="actors").find_all("li")
    assert [li.a["href"] for li in actors] == [
        f"/{lang}/cases/actors/united-states/",
        f"/{lang}/cases/actors/soviet-union/",
    ]
    with translation.override(lang):
        assert str(ActorRole.RULING_POWER.label) in actors[0].get_text()
        assert str(ActorRole.CHALLENGER.label) in actors[1].get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_timeline_cites_each_event_with_a_pinpoint(sample, visitor, lang):
    Event.objects.create(
        case=sample.cuba, date=dt.date(1962, 10, 16), precision="day", title_en="U-2 photographs"
    )
    page = soup(visitor.get(f"/{lang}/cases/cuban-missile-crisis/"))

    events = page.find("ol", class_="timeline").find_all("li")
    assert [li.time["datetime"] for li in events] == ["1962-10-16", "1962-10-22"]
    quarantine = page.find(id=f"event-{sample.event.pk}")
    with translation.override(lang):
        assert str(sample.event.title) in quarantine.get_text()
    # The event's source is an in-text citation linked to the page's reference list.
    citation = quarantine.find(class_="cite")
    assert citation.a["href"] == "#ref-jervis1978"
    assert "Jervis" in citation.a.get_text()
    assert "170" in citation.get_text()
    assert page.find(id="ref-jervis1978").find("a", href=f"/{lang}/sources/jervis1978/")


@pytest.mark.parametrize("lang", LANGS)
def test_part_of_a_larger_case_links_to_the_parent(sample, visitor, lang):
    page = soup(visitor.get(f"/{lang}/cases/cuban-missile-crisis/"))

    assert page.find(class_="part-of").a["href"] == f"/{lang}/cases/cold-war/"


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_links_published_child_cases_only(sample, visitor, lang):
    make_case("secret-operation", 1961, status=Status.DRAFT, parent=sample.cold_war)

    page = soup(visitor.get(f"/{lang}/cases/cold-war/"))

    parts = page.find("section", attrs={"aria-labelledby": "parts"})
    assert [a["href"] for a in parts.find_all("a")] == [f"/{lang}/cases/cuban-missile-crisis/"]
    assert page.find(class_="part-of") is None


def test_draft_parent_is_not_linked(sample, visitor):
    sample.cold_war.status = Status.DRAFT
    sample.cold_war.save()

    page = soup(visitor.get("/en/cases/cuban-missile-crisis/"))

    assert page.find(class_="part-of") is None
    assert not page.find("a", href="/en/cases/cold-war/")


@pytest.mark.parametrize("lang", LANGS)
def test_case_page_shows_analyses_of_published_concepts_only(sample, visitor, lang):
    Analysis.objects.create(
        case=sample.cold_war, concept=sample.draft_concept, text_en="Not ready."
    )
    page = soup(visitor.get(f"/{lang}/cases/cold-war/"))

    analyses = page.select("section.analysis")
    assert [s["id"] for s in analyses] == [f"analysis-{sample.analysis.pk}"]
    analysis = analyses[0]
    assert analysis.h3.a["href"] == f"/{lang}/concepts/security-dilemma/"
    with translation.override(lang):
        assert str(sample.analysis.get_kind_display()) in analysis.h3.get_text()
        assert str(sample.analysis.text) in analysis.get_text()
    # The analysis's source closes its text as an in-text citation.
    assert analysis.select(".prose .cite-ref > a")[-1]["href"] == "#ref-snyder1984"
    assert "/concepts/secret-draft/" not in str(page)


@pytest.mark.parametrize("lang", LANGS)
def test_references_list_every_cited_source_once_by_author_then_year(sample, visitor, lang):
    for source, day in [(sample.jervis1978, 1), (sample.herz1950, 2), (sample.snyder1984, 3)]:
        Event.objects.create(
            case=sample.cold_war, date=dt.date(1950, 1, day), title_en="An event", source=source
        )
    Event.objects.create(case=sample.cold_war, date=dt.date(1950, 2, 1), title_en="Uncited")

    page = soup(visitor.get(f"/{lang}/cases/cold-war/"))

    links = [li.a["href"] for li in page.find("ul", class_="references").find_all("li")]
    assert links == [
        f"/{lang}/sources/herz1950/",
        f"/{lang}/sources/jervis1978/",
        f"/{lang}/sources/snyder1984/",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_year_precision_dates_show_only_the_year(sample, visitor, lang):
    make_case("long-peace", 1950, end_date=dt.date(1989, 11, 9), end_precision="year")

    page = soup(visitor.get(f"/{lang}/cases/long-peace/"))

    dates = page.find("p", class_="meta").find_all("time")
    assert [(t["datetime"], t.get_text()) for t in dates] == [("1950", "1950"), ("1989", "1989")]


@pytest.mark.parametrize("lang", LANGS)
def test_day_precision_dates_show_the_day(sample, visitor, lang):
    page = soup(visitor.get(f"/{lang}/cases/cuban-missile-crisis/"))

    start = page.find("p", class_="meta").time
    assert start["datetime"] == "1962-10-16"
    assert "16" in start.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_draft_case_is_404_for_visitors(sample, visitor, lang):
    assert visitor.get(f"/{lang}/cases/draft-case/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_editors_see_a_draft_case_with_a_banner(sample, editor, lang):
    response = editor.get(f"/{lang}/cases/draft-case/")

    assert response.status_code == 200
    assert response.context["draft_banner"] is True
    assert soup(response).find(class_="banner-draft")


def test_published_case_has_no_draft_banner_for_editors(sample, editor):
    response = editor.get("/en/cases/cold-war/")

    assert response.context["draft_banner"] is False
    assert not soup(response).find(class_="banner-draft")


@pytest.mark.parametrize("lang", LANGS)
def test_missing_case_is_404(sample, visitor, lang):
    assert visitor.get(f"/{lang}/cases/no-such-case/").status_code == 404


def test_case_page_query_count_stays_the_same_with_more_events_actors_and_children(
    sample, visitor, django_assert_num_queries
):
    """The case with its parent, then one query each for tags, actors, events, their sources'
    creators, children, analyses and their creators: eight, however much the case holds.
    (The baseline has a cited event, so that no prefetch is skipped for being empty.)"""
    Event.objects.create(
        case=sample.cold_war,
        date=dt.date(1948, 6, 24),
        title_en="Blockade",
        source=sample.herz1950,
    )
    with django_assert_num_queries(8):
        visitor.get("/en/cases/cold-war/")
    for n in range(5):
        actor = Actor.objects.create(
            slug=f"state-{n}", name_zh_hant=f"國{n}", name_en=f"State {n}"
        )
        CaseActor.objects.create(case=sample.cold_war, actor=actor, role=ActorRole.ALLY)
        Event.objects.create(
            case=sample.cold_war,
            date=dt.date(1950 + n, 1, 1),
            title_en=f"Event {n}",
            source=[sample.herz1950, sample.jervis1978, sample.lu2015][n % 3],
        )
        make_case(f"episode-{n}", 1950 + n, parent=sample.cold_war)
    Analysis.objects.create(
        case=sample.cold_war,
        concept=sample.alliance_dilemma,
        text_en="Both feared.",
        source=sample.snyder1984,
    )
    with django_assert_num_queries(8):
        response = visitor.get("/en/cases/cold-war/")
    assert len(soup(response).select(".timeline li")) == 6
