"""What a program reading the API finds: both languages, stable ids, canonical page URLs that
work, and relations it can follow."""

import pytest

from sources.models import Citation
from tests.api.helpers import body


def get(client, path) -> dict:
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return body(response)


def test_concept_gives_both_languages_ids_and_canonical_urls(visitor, sample):
    concept = get(visitor, "/api/v1/concepts/security-dilemma/")
    assert concept["id"] == sample.security_dilemma.pk
    assert concept["slug"] == "security-dilemma"
    assert concept["name"] == {"en": "Security dilemma", "zh-Hant": "安全困境"}
    assert concept["summary"]["zh-Hant"].startswith("一國為求安全")
    assert concept["body"]["en"].startswith("John H. Herz coined the term.")
    assert concept["html_url"] == {
        "en": "http://testserver/en/concepts/security-dilemma/",
        "zh-Hant": "http://testserver/zh-hant/concepts/security-dilemma/",
    }
    assert concept["api_url"] == "http://testserver/api/v1/concepts/security-dilemma/"
    assert concept["alt_terms"] == [{"lang": "zh-Hant", "term": "安全兩難"}]
    assert [t["slug"] for t in concept["tags"]] == ["security"]


def test_canonical_urls_open_the_pages_they_name(visitor, sample):
    concept = get(visitor, "/api/v1/concepts/security-dilemma/")
    for lang, url in concept["html_url"].items():
        page = visitor.get(url.removeprefix("http://testserver"))
        assert page.status_code == 200, lang
        assert "安全困境" in page.content.decode()
    # And the API URL of every reference is the one its own detail answers at.
    for definition in concept["definitions"]:
        source = definition["source"]
        assert (
            get(visitor, source["api_url"].removeprefix("http://testserver"))["id"]
            == (source["id"])
        )


def test_concept_definitions_carry_source_keys_pinpoints_and_people(visitor, sample):
    concept = get(visitor, "/api/v1/concepts/security-dilemma/")
    [definition] = concept["definitions"]
    assert definition["source"]["citation_key"] == "jervis1978"
    assert (definition["locator_label"], definition["locator"]) == ("page", "169")
    assert definition["family_id"] == concept["definition_families"][0]["id"]
    assert definition["text"]["zh-Hant"] == "一國增加自身安全的手段，往往減少他國的安全。"
    assert [p["slug"] for p in definition["people"]] == ["robert-jervis"]
    assert definition["html_url"]["en"].endswith(f"#definition-{sample.definition.pk}")


def test_concept_relations_read_both_ways_and_cases_come_from_analyses(visitor, sample):
    security = get(visitor, "/api/v1/concepts/security-dilemma/")
    alliance = get(visitor, "/api/v1/concepts/alliance-dilemma/")
    assert [(r["kind"], r["direction"], r["concept"]["slug"]) for r in security["related"]] == [
        ("variant_of", "incoming", "alliance-dilemma")
    ]
    assert [(r["kind"], r["direction"], r["concept"]["slug"]) for r in alliance["related"]] == [
        ("variant_of", "outgoing", "security-dilemma")
    ]
    [analysis] = security["analyses"]
    assert analysis["case"]["slug"] == "cold-war"
    assert analysis["kind"] == "illustrates"
    assert analysis["source"]["citation_key"] == "snyder1984"


def test_case_gives_dates_with_their_precision(visitor, sample):
    cuba = get(visitor, "/api/v1/cases/cuban-missile-crisis/")
    assert cuba["start"] == {"year": 1962, "date": "1962-10-16", "precision": "day"}
    assert cuba["end"] == {"year": 1962, "date": "1962-10-28", "precision": "day"}
    cold_war = get(visitor, "/api/v1/cases/cold-war/")
    # Known to the year only: the stored 1 January means nothing beyond the year.
    assert cold_war["start"] == {"year": 1947, "date": "1947-01-01", "precision": "year"}


def test_case_lists_actors_roles_events_analyses_and_parts(visitor, sample):
    cold_war = get(visitor, "/api/v1/cases/cold-war/")
    assert [(a["actor"]["slug"], a["role"]) for a in cold_war["actors"]] == [
        ("united-states", "ruling-power"),
        ("soviet-union", "challenger"),
    ]
    assert cold_war["actors"][0]["actor"]["name"] == {"en": "United States", "zh-Hant": "美國"}
    assert [c["slug"] for c in cold_war["children"]] == ["cuban-missile-crisis"]
    assert [a["concept"]["slug"] for a in cold_war["analyses"]] == ["security-dilemma"]
    cuba = get(visitor, "/api/v1/cases/cuban-missile-crisis/")
    assert cuba["parent"]["slug"] == "cold-war"
    [event] = cuba["events"]
    assert event["date"] == {"year": 1962, "date": "1962-10-22", "precision": "day"}
    assert event["title"]["zh-Hant"] == "甘迺迪宣布海上隔離"
    assert (event["source"]["citation_key"], event["locator"]) == ("jervis1978", "170")


def test_case_before_the_common_era_has_a_negative_year_and_no_date(visitor, sample):
    sample.cold_war.start_date = None
    sample.cold_war.start_year = -431
    sample.cold_war.end_date = None
    sample.cold_war.end_year = -404
    sample.cold_war.save()
    cold_war = get(visitor, "/api/v1/cases/cold-war/")
    assert cold_war["start"] == {"year": -431, "date": None, "precision": "year"}


def test_source_gives_csl_json_and_where_it_is_cited(visitor, sample):
    source = get(visitor, "/api/v1/sources/jervis1978/")
    assert source["csl"]["id"] == "jervis1978"
    assert source["csl"]["DOI"] == "10.2307/2009958"
    assert source["csl"]["author"] == [{"family": "Jervis", "given": "Robert"}]
    assert [(c["person"]["slug"], c["role"]) for c in source["creators"]] == [
        ("robert-jervis", "author")
    ]
    places = {(c["cited_in"]["type"], c["cited_in"]["page"]["slug"]) for c in source["cited_in"]}
    assert places == {("definition", "security-dilemma"), ("event", "cuban-missile-crisis")}
    event = next(c for c in source["cited_in"] if c["cited_in"]["type"] == "event")
    assert event["locator"] == "170"
    assert event["cited_in"]["html_url"]["zh-Hant"].endswith(f"#event-{sample.event.pk}")


def test_chinese_source_keeps_its_own_script(visitor, sample):
    source = get(visitor, "/api/v1/sources/lu2015/")
    assert source["title"] == "美國如何看待其與日本及南韓的同盟關係"
    assert source["translated_title"].startswith("How the United States")
    assert source["csl"]["author"] == [{"family": "盧", "given": "業中"}]
    assert source["creators"][0]["person"]["name"] == {"en": "Lu Yeh-chung", "zh-Hant": "盧業中"}


def test_source_cited_in_a_body_names_the_field(visitor, sample):
    sample.alliance_dilemma.body_en = "As [@lu2015, p. 12] shows."
    sample.alliance_dilemma.save()
    assert Citation.objects.filter(source=sample.lu2015).count() == 1
    [cited] = get(visitor, "/api/v1/sources/lu2015/")["cited_in"]
    assert (cited["field"], cited["locator"]) == ("body_en", "12")
    assert cited["cited_in"]["type"] == "concept"
    assert cited["cited_in"]["page"]["slug"] == "alliance-dilemma"


def test_person_lists_works_definitions_and_actors(visitor, sample):
    sample.usa.person = sample.jervis  # not true, but a person can be an actor
    sample.usa.save()
    person = get(visitor, "/api/v1/persons/robert-jervis/")
    assert person["wikidata"] == "Q7342975"
    assert [(w["source"]["citation_key"], w["role"]) for w in person["works"]] == [
        ("jervis1978", "author")
    ]
    assert [d["concept"]["slug"] for d in person["definitions"]] == ["security-dilemma"]
    assert [a["slug"] for a in person["actors"]] == ["united-states"]
    lu = get(visitor, "/api/v1/persons/lu-yeh-chung/")
    assert lu["name"] == {"en": "Lu Yeh-chung", "zh-Hant": "盧業中"}
    assert lu["note"]["zh-Hant"] == "政治大學外交學系副教授。"


def test_tag_gathers_concepts_cases_and_sources(visitor, sample):
    tag = get(visitor, "/api/v1/tags/security/")
    assert tag["name"] == {"en": "security", "zh-Hant": "安全"}
    assert tag["counts"] == {"concepts": 1, "cases": 1, "sources": 1}
    assert [c["slug"] for c in tag["concepts"]] == ["security-dilemma"]
    assert [c["slug"] for c in tag["cases"]] == ["cold-war"]
    assert [s["citation_key"] for s in tag["sources"]] == ["jervis1978"]


def test_actor_lists_its_cases_and_roles(visitor, sample):
    actor = get(visitor, "/api/v1/actors/soviet-union/")
    assert actor["name"] == {"en": "Soviet Union", "zh-Hant": "蘇聯"}
    assert [(c["case"]["slug"], c["role"]) for c in actor["cases"]] == [("cold-war", "challenger")]


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        ("/api/v1/concepts/", "slug", ["alliance-dilemma", "security-dilemma"]),
        ("/api/v1/cases/", "slug", ["cold-war", "cuban-missile-crisis"]),
        ("/api/v1/sources/", "citation_key", ["herz1950", "jervis1978", "lu2015", "snyder1984"]),
        ("/api/v1/tags/", "slug", ["alliances", "security"]),
        ("/api/v1/actors/", "slug", ["soviet-union", "united-states"]),
    ],
)
def test_lists_come_in_a_stable_documented_order(visitor, sample, path, key, expected):
    assert [item[key] for item in get(visitor, path)["results"]] == expected


def test_chinese_is_written_as_itself_not_escaped(visitor, sample):
    """UTF-8 rather than \\u escapes: a third of the size and readable in a terminal."""
    content = visitor.get("/api/v1/concepts/security-dilemma/").content
    assert "安全困境".encode() in content


def test_json_is_readable_from_other_sites(visitor, sample):
    response = visitor.get("/api/v1/concepts/")
    assert response["Access-Control-Allow-Origin"] == "*"
