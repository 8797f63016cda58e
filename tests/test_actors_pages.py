"""The actor pages: who took part in which published cases, and in what role."""

import pytest
from django.utils import translation

from cases.models import Actor, ActorKind, ActorRole, CaseActor
from sources.content import Status
from sources.models import Person
from tests.helpers import soup
from tests.test_cases_pages import make_case

LANGS = ["en", "zh-hant"]


@pytest.fixture
def kennedy(sample):
    """A person-actor linked to a person record, in two roles in the Cuban Missile Crisis."""
    person = Person.objects.create(slug="jfk", family_name="Kennedy", given_name="John F.")
    actor = Actor.objects.create(
        slug="john-f-kennedy",
        kind=ActorKind.PERSON,
        name_zh_hant="甘迺迪",
        name_en="John F. Kennedy",
        person=person,
    )
    CaseActor.objects.create(case=sample.cuba, actor=actor, role=ActorRole.DECISION_MAKER)
    CaseActor.objects.create(case=sample.cuba, actor=actor, role=ActorRole.ADVERSARY, position=1)
    return actor


@pytest.mark.parametrize("lang", LANGS)
def test_actor_page_shows_both_names_and_kind(sample, visitor, lang):
    response = visitor.get(f"/{lang}/cases/actors/united-states/")

    assert response.status_code == 200
    page = soup(response)
    title, other_lang, other = {
        "en": ("United States", "zh-Hant", "美國"),
        "zh-hant": ("美國", "en", "United States"),
    }[lang]
    assert page.h1.get_text(strip=True) == title
    assert page.find(class_="other-name", lang=other_lang).get_text() == other
    with translation.override(lang):
        assert str(ActorKind.STATE.label).capitalize() in page.find(class_="meta").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_actor_page_lists_published_cases_with_the_role_played(sample, visitor, lang):
    secret = make_case("secret-war", 1950, status=Status.DRAFT)
    CaseActor.objects.create(case=secret, actor=sample.usa, role=ActorRole.PATRON)
    CaseActor.objects.create(case=sample.cuba, actor=sample.usa, role=ActorRole.TARGET)

    page = soup(visitor.get(f"/{lang}/cases/actors/united-states/"))

    items = page.find("h2").find_next("ul").find_all("li")
    assert [li.a["href"] for li in items] == [
        f"/{lang}/cases/cold-war/",
        f"/{lang}/cases/cuban-missile-crisis/",
    ]
    with translation.override(lang):
        assert str(ActorRole.RULING_POWER.label) in items[0].get_text()
        assert str(ActorRole.TARGET.label) in items[1].get_text()
    assert "secret-war" not in str(page)


@pytest.mark.parametrize("lang", LANGS)
def test_actor_with_two_roles_in_one_case_lists_the_case_once(sample, visitor, kennedy, lang):
    page = soup(visitor.get(f"/{lang}/cases/actors/john-f-kennedy/"))

    items = page.find("h2").find_next("ul").find_all("li")
    assert len(items) == 1
    with translation.override(lang):
        text = items[0].get_text()
        assert str(ActorRole.DECISION_MAKER.label) in text
        assert str(ActorRole.ADVERSARY.label) in text


@pytest.mark.parametrize("lang", LANGS)
def test_actor_who_is_a_person_links_to_the_person_page(sample, visitor, kennedy, lang):
    page = soup(visitor.get(f"/{lang}/cases/actors/john-f-kennedy/"))

    link = page.find("a", href=f"/{lang}/people/jfk/")
    assert link.get_text() == "John F. Kennedy"


def test_state_actor_has_no_person_link(sample, visitor):
    page = soup(visitor.get("/en/cases/actors/united-states/"))

    assert not page.find("a", href=lambda h: h and "/people/" in h and h != "/en/people/")


@pytest.mark.parametrize("lang", LANGS)
def test_actor_without_published_cases_says_so(sample, visitor, lang):
    Actor.objects.create(slug="atlantis", name_zh_hant="亞特蘭提斯", name_en="Atlantis")

    response = visitor.get(f"/{lang}/cases/actors/atlantis/")

    assert response.status_code == 200
    assert soup(response).find("h2").find_next_sibling().name == "p"


@pytest.mark.parametrize("lang", LANGS)
def test_missing_actor_is_404(sample, visitor, lang):
    assert visitor.get(f"/{lang}/cases/actors/no-such-actor/").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_actor_list_links_every_actor_with_its_published_case_count(sample, visitor, lang):
    secret = make_case("secret-war", 1950, status=Status.DRAFT)
    CaseActor.objects.create(case=secret, actor=sample.usa, role=ActorRole.PATRON)
    CaseActor.objects.create(case=sample.cuba, actor=sample.usa, role=ActorRole.TARGET)

    response = visitor.get(f"/{lang}/cases/actors/")

    assert response.status_code == 200
    actors = {a["href"]: a.find_parent("li") for a in soup(response).select(".actor-list a")}
    assert set(actors) == {
        f"/{lang}/cases/actors/united-states/",
        f"/{lang}/cases/actors/soviet-union/",
    }
    counts = {a.slug: a.case_count for a in response.context["page"].object_list}
    assert counts == {"united-states": 2, "soviet-union": 1}


def test_actor_list_is_alphabetical_in_each_language(sample, visitor):
    Actor.objects.create(slug="albania", name_zh_hant="阿爾巴尼亞", name_en="Albania")

    english = [a.slug for a in visitor.get("/en/cases/actors/").context["page"].object_list]
    chinese = [a.slug for a in visitor.get("/zh-hant/cases/actors/").context["page"].object_list]

    assert english == ["albania", "soviet-union", "united-states"]
    # Zhuyin order: 美 (ㄇ) before 蘇 (ㄙ) before 阿 (ㄚ).
    assert chinese == ["united-states", "soviet-union", "albania"]


def test_actor_page_query_count_stays_the_same_as_cases_are_added(
    sample, visitor, kennedy, django_assert_num_queries
):
    """The actor with its person, then its roles with their cases: two queries however many
    cases the actor took part in."""
    with django_assert_num_queries(2):
        visitor.get("/en/cases/actors/john-f-kennedy/")
    for n in range(5):
        case = make_case(f"crisis-{n}", 1960 + n)
        CaseActor.objects.create(case=case, actor=kennedy, role=ActorRole.DECISION_MAKER)
    with django_assert_num_queries(2):
        response = visitor.get("/en/cases/actors/john-f-kennedy/")
    assert len(soup(response).find("h2").find_next("ul").find_all("li")) == 6


def test_actor_list_query_count_stays_the_same_as_actors_are_added(
    sample, visitor, django_assert_num_queries
):
    """The count and one page of actors with their case counts annotated: two queries."""
    with django_assert_num_queries(2):
        visitor.get("/en/cases/actors/")
    for n in range(5):
        actor = Actor.objects.create(
            slug=f"state-{n}", name_zh_hant=f"國{n}", name_en=f"State {n}"
        )
        CaseActor.objects.create(case=sample.cuba, actor=actor, role=ActorRole.ALLY)
    with django_assert_num_queries(2):
        response = visitor.get("/en/cases/actors/")
    assert len(soup(response).select(".actor-list li")) == 7
