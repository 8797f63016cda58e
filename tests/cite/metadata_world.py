"""Works of every type for the metadata, “Cite” and lookup tests, added to the `sample` world
(which has a journal article, jervis1978, and a Chinese-language report, lu2015)."""

import datetime as dt
from types import SimpleNamespace

from sources.models import CreatorRole, NameOrder, Person, Source, SourceCreator


def _source(key, creators, **fields) -> Source:
    source = Source(citation_key=key, **fields)
    source.full_clean()
    source.save()
    for position, (person, role) in enumerate(creators):
        SourceCreator.objects.create(source=source, person=person, role=role, position=position)
    return Source.objects.with_creators().get(pk=source.pk)


def _person(slug, family, given="", **fields) -> Person:
    return Person.objects.create(slug=slug, family_name=family, given_name=given, **fields)


def add_works(sample) -> SimpleNamespace:
    author, editor = CreatorRole.AUTHOR, CreatorRole.EDITOR
    w = SimpleNamespace()
    diesing = _person("paul-diesing", "Diesing", "Paul")
    rothstein = _person("robert-l-rothstein", "Rothstein", "Robert L.")
    yan = _person(
        "yan-xuetong",
        "Yan",
        "Xuetong",
        family_name_original="閻",
        given_name_original="學通",
        name_order=NameOrder.EASTERN,
    )
    sample.jervis.name_zh_hant = "傑維斯"
    sample.jervis.save()
    w.book = _source(
        "snyder1977",
        [(sample.snyder, author), (diesing, author)],
        item_type="book",
        title="Conflict among nations",
        publisher="Princeton University Press",
        publisher_place="Princeton",
        year=1977,
        isbn="0-691-05652-8",
    )
    w.chapter = _source(
        "snyder1991",
        [(sample.snyder, author), (rothstein, editor)],
        item_type="chapter",
        title="Alliance theory: A neorealist first cut",
        container_title="The evolution of theory in international relations",
        publisher="University of South Carolina Press",
        pages="83–103",
        year=1991,
    )
    w.webpage = _source(
        "un1945",
        [],
        item_type="webpage",
        title="Charter of the United Nations",
        container_title="United Nations",
        url="https://www.un.org/en/about-us/un-charter/full-text",
        year=1945,
        month=6,
        day=26,
        accessed=dt.date(2025, 3, 1),
    )
    w.chinese_article = _source(
        "yan2014",
        [(yan, author)],
        item_type="article-journal",
        title="從韜光養晦到奮發有為",
        translated_title="From keeping a low profile to striving for achievement",
        container_title="國際政治科學",
        volume="39",
        issue="2",
        pages="1–35",
        year=2014,
        month=5,
        language="zh-Hant",
    )
    w.report = Source.objects.with_creators().get(citation_key="lu2015")
    w.article = Source.objects.with_creators().get(citation_key="jervis1978")
    return w
