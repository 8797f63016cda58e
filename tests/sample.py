"""A small, realistic world for tests: a few people, sources, concepts and cases."""

import datetime as dt
from types import SimpleNamespace

from cases.models import Actor, ActorRole, Analysis, Case, CaseActor, Event
from concepts.models import AltTerm, Concept, ConceptRelation, Definition, DefinitionFamily
from sources.content import Status
from sources.models import CreatorRole, NameOrder, Person, Source, SourceCreator, Tag


def _source(key, authors, **fields):
    source = Source(citation_key=key, **fields)
    source.full_clean()
    source.save()
    for position, person in enumerate(authors):
        SourceCreator.objects.create(
            source=source, person=person, role=CreatorRole.AUTHOR, position=position
        )
    return source


def build_sample() -> SimpleNamespace:
    s = SimpleNamespace()
    s.tag_alliances = Tag.objects.create(name="alliances", slug="alliances", name_zh_hant="同盟")
    s.tag_security = Tag.objects.create(name="security", slug="security", name_zh_hant="安全")

    s.jervis = Person.objects.create(
        slug="robert-jervis", family_name="Jervis", given_name="Robert", wikidata="Q7342975"
    )
    s.herz = Person.objects.create(slug="john-h-herz", family_name="Herz", given_name="John H.")
    s.snyder = Person.objects.create(
        slug="glenn-h-snyder", family_name="Snyder", given_name="Glenn H."
    )
    s.lu = Person.objects.create(
        slug="lu-yeh-chung",
        family_name="Lu",
        given_name="Yeh-chung",
        family_name_original="盧",
        given_name_original="業中",
        name_order=NameOrder.EASTERN,
        note_zh_hant="政治大學外交學系副教授。",
    )

    s.jervis1978 = _source(
        "jervis1978",
        [s.jervis],
        item_type="article-journal",
        title="Cooperation under the Security Dilemma",
        container_title="World Politics",
        volume="30",
        issue="2",
        pages="167–214",
        year=1978,
        doi="https://doi.org/10.2307/2009958",
    )
    s.herz1950 = _source(
        "herz1950",
        [s.herz],
        item_type="article-journal",
        title="Idealist Internationalism and the Security Dilemma",
        container_title="World Politics",
        volume="2",
        issue="2",
        pages="157–180",
        year=1950,
    )
    s.snyder1984 = _source(
        "snyder1984",
        [s.snyder],
        item_type="article-journal",
        title="The Security Dilemma in Alliance Politics",
        container_title="World Politics",
        volume="36",
        issue="4",
        pages="461–495",
        year=1984,
    )
    s.lu2015 = _source(
        "lu2015",
        [s.lu],
        item_type="report",
        title="美國如何看待其與日本及南韓的同盟關係",
        translated_title="How the United States Views Its Alliances with Japan and South Korea",
        publisher="科技部",
        publisher_place="臺北",
        year=2015,
        language="zh-Hant",
    )
    s.jervis1978.tags.add(s.tag_security)

    s.security_dilemma = Concept.objects.create(
        slug="security-dilemma",
        name_zh_hant="安全困境",
        name_en="Security dilemma",
        summary_zh_hant="一國為求安全而採取的措施，會降低他國的安全感。",
        summary_en="Measures one state takes for its own security make others feel less secure.",
        body_zh_hant="安全困境由赫茲提出。\n\n傑維斯指出兩個加劇條件。",
        body_en="John H. Herz coined the term.\n\nJervis named two aggravating conditions.",
        status=Status.PUBLISHED,
        featured=True,
    )
    s.security_dilemma.tags.add(s.tag_security)
    AltTerm.objects.create(concept=s.security_dilemma, lang="zh-hant", term="安全兩難")
    s.alliance_dilemma = Concept.objects.create(
        slug="alliance-dilemma",
        name_zh_hant="同盟困境",
        name_en="Alliance dilemma",
        summary_en="Allies fear both abandonment and entrapment.",
        body_en="Snyder described the alliance security dilemma.",
        status=Status.PUBLISHED,
    )
    s.alliance_dilemma.tags.add(s.tag_alliances)
    s.draft_concept = Concept.objects.create(
        slug="secret-draft", name_zh_hant="草稿概念", name_en="Draft concept", status=Status.DRAFT
    )
    ConceptRelation.objects.create(
        origin=s.alliance_dilemma, kind="variant_of", target=s.security_dilemma
    )
    ConceptRelation.objects.create(
        origin=s.draft_concept, kind="related_to", target=s.security_dilemma
    )
    s.family = DefinitionFamily.objects.create(
        concept=s.security_dilemma,
        name_zh_hant="損及他國安全",
        name_en="Harming the security of others",
        position=1,
    )
    s.definition = Definition.objects.create(
        concept=s.security_dilemma,
        family=s.family,
        text_en="Many of the means by which a state tries to increase its security decrease "
        "the security of others.",
        text_zh_hant="一國增加自身安全的手段，往往減少他國的安全。",
        source=s.jervis1978,
        locator="169",
        position=1,
    )
    s.definition.people.add(s.jervis)

    s.usa = Actor.objects.create(
        slug="united-states", name_zh_hant="美國", name_en="United States"
    )
    s.ussr = Actor.objects.create(slug="soviet-union", name_zh_hant="蘇聯", name_en="Soviet Union")
    s.cold_war = Case.objects.create(
        slug="cold-war",
        title_zh_hant="冷戰",
        title_en="Cold War",
        summary_en="Four decades of rivalry between the United States and the Soviet Union.",
        summary_zh_hant="美蘇兩強長達四十餘年的對抗。",
        start_date=dt.date(1947, 1, 1),
        end_date=dt.date(1991, 12, 26),
        end_precision="day",
        region="global",
        status=Status.PUBLISHED,
        featured=True,
    )
    s.cold_war.tags.add(s.tag_security)
    s.cuba = Case.objects.create(
        slug="cuban-missile-crisis",
        title_zh_hant="古巴飛彈危機",
        title_en="Cuban Missile Crisis",
        summary_en="Thirteen days in October 1962.",
        start_date=dt.date(1962, 10, 16),
        start_precision="day",
        end_date=dt.date(1962, 10, 28),
        end_precision="day",
        region="americas",
        parent=s.cold_war,
        status=Status.PUBLISHED,
    )
    s.draft_case = Case.objects.create(
        slug="draft-case", title_zh_hant="草稿案例", title_en="Draft case", status=Status.DRAFT
    )
    CaseActor.objects.create(case=s.cold_war, actor=s.usa, role=ActorRole.RULING_POWER)
    CaseActor.objects.create(case=s.cold_war, actor=s.ussr, role=ActorRole.CHALLENGER, position=1)
    s.event = Event.objects.create(
        case=s.cuba,
        date=dt.date(1962, 10, 22),
        title_en="Kennedy announces the quarantine",
        title_zh_hant="甘迺迪宣布海上隔離",
        source=s.jervis1978,
        locator="170",
    )
    s.analysis = Analysis.objects.create(
        case=s.cold_war,
        concept=s.security_dilemma,
        text_en="Each side's arms build-up read as a threat to the other.",
        text_zh_hant="雙方的軍備擴張都被對方視為威脅。",
        source=s.snyder1984,
        locator="461–495",
    )
    return s
