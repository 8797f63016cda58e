"""CSL-JSON test items, one per kind of work the citation tests format, and the Source rows
that describe the same works, so that our engine and citeproc-js are fed the same data.

Titles are stored in sentence case (Zotero's convention: styles that want title case convert,
none can convert back); journal and site names in title case. Chinese works carry their
authors' names in Chinese script as family and given name (張 / 雅君), as sources.cite.csl
produces them; the romanised forms the Person rows also need are in ROMANISED.
"""

import datetime as dt

from sources.models import CreatorRole, NameOrder, Person, Source, SourceCreator

ITEMS = {
    "article": {
        "id": "jervis1978",
        "type": "article-journal",
        "title": "Cooperation under the security dilemma",
        "author": [{"family": "Jervis", "given": "Robert"}],
        "container-title": "World Politics",
        "volume": "30",
        "issue": "2",
        "page": "167–214",
        "issued": {"date-parts": [[1978]]},
        "DOI": "10.2307/2009958",
        "language": "en",
    },
    "book": {
        "id": "snyder1997",
        "type": "book",
        "title": "Alliance politics",
        "author": [{"family": "Snyder", "given": "Glenn H."}],
        "publisher": "Cornell University Press",
        "publisher-place": "Ithaca",
        "issued": {"date-parts": [[1997]]},
        "language": "en",
    },
    "chapter": {
        "id": "snyder1985",
        "type": "chapter",
        "title": "Perceptions of the security dilemma in 1914",
        "author": [{"family": "Snyder", "given": "Jack"}],
        "editor": [
            {"family": "Jervis", "given": "Robert"},
            {"family": "Lebow", "given": "Richard Ned"},
            {"family": "Stein", "given": "Janice Gross"},
        ],
        "container-title": "Psychology and deterrence",
        "page": "153–179",
        "publisher": "Johns Hopkins University Press",
        "publisher-place": "Baltimore",
        "issued": {"date-parts": [[1985]]},
        "language": "en",
    },
    # A CRS report: the institution is the publisher; the title quotes a phrase, so styles
    # that put the title in quotation marks must turn the inner quotes into single ones.
    "report": {
        "id": "kan2014",
        "type": "report",
        "title": 'China/Taiwan: Evolution of the "One China" policy',
        "author": [{"family": "Kan", "given": "Shirley A."}],
        "publisher": "Congressional Research Service",
        "publisher-place": "Washington, DC",
        "issued": {"date-parts": [[2014, 10, 10]]},
        "URL": "https://crsreports.congress.gov/product/pdf/RL/RL30341",
        "language": "en",
    },
    "webpage": {
        "id": "maizland2022",
        "type": "webpage",
        "title": "China's repression of Uyghurs in Xinjiang",
        "author": [{"family": "Maizland", "given": "Lindsay"}],
        "container-title": "Council on Foreign Relations",
        "issued": {"date-parts": [[2022, 9, 22]]},
        "accessed": {"date-parts": [[2025, 3, 1]]},
        "URL": "https://www.cfr.org/backgrounder/china-xinjiang-uyghurs-muslims-repression-genocide-human-rights",
        "language": "en",
    },
    "two_authors": {
        "id": "christensen1990",
        "type": "article-journal",
        "title": "Chain gangs and passed bucks: Predicting alliance patterns in multipolarity",
        "author": [
            {"family": "Christensen", "given": "Thomas J."},
            {"family": "Snyder", "given": "Jack"},
        ],
        "container-title": "International Organization",
        "volume": "44",
        "issue": "2",
        "page": "137–168",
        "issued": {"date-parts": [[1990]]},
        "DOI": "10.1017/s0020818300035232",
        "language": "en",
    },
    "four_authors": {
        "id": "goldstein2000",
        "type": "article-journal",
        "title": "Introduction: Legalization and world politics",
        "author": [
            {"family": "Goldstein", "given": "Judith"},
            {"family": "Kahler", "given": "Miles"},
            {"family": "Keohane", "given": "Robert O."},
            {"family": "Slaughter", "given": "Anne-Marie"},
        ],
        "container-title": "International Organization",
        "volume": "54",
        "issue": "3",
        "page": "385–399",
        "issued": {"date-parts": [[2000]]},
        "DOI": "10.1162/002081800551262",
        "language": "en",
    },
    # For GB/T's [C] (a paper in proceedings).
    "conference_paper": {
        "id": "anderson1993",
        "type": "paper-conference",
        "title": "Why cryptosystems fail",
        "author": [{"family": "Anderson", "given": "Ross"}],
        "container-title": "Proceedings of the 1st ACM Conference on Computer and "
        "Communications Security",
        "page": "215–227",
        "publisher": "Association for Computing Machinery",
        "publisher-place": "New York",
        "issued": {"date-parts": [[1993]]},
        "DOI": "10.1145/168588.168615",
        "language": "en",
    },
    # The page range is illustrative: the tests need one to check that a pinpoint never
    # replaces it.
    "chinese_article": {
        "id": "chang2005",
        "type": "article-journal",
        "title": "中日關係的安全困境：國際體系與雙邊利益層面的分析",
        "author": [{"family": "張", "given": "雅君"}],
        "container-title": "遠景基金會季刊",
        "volume": "6",
        "issue": "4",
        "page": "1–42",
        "issued": {"date-parts": [[2005]]},
        "language": "zh-Hant",
    },
    "chinese_book": {
        "id": "wu1997",
        "type": "book",
        "title": "抗衡或扈從：兩岸關係新詮",
        "author": [{"family": "吳", "given": "玉山"}],
        "publisher": "正中書局",
        "publisher-place": "臺北",
        "issued": {"date-parts": [[1997]]},
        "language": "zh-Hant",
    },
}

# Chinese names in Chinese script → the romanised name a Person also records (Wade–Giles,
# as these authors write their names in English).
ROMANISED = {
    ("張", "雅君"): ("Chang", "Ya-chun"),
    ("吳", "玉山"): ("Wu", "Yu-shan"),
}

_ROLES = {
    "author": CreatorRole.AUTHOR,
    "editor": CreatorRole.EDITOR,
    "translator": CreatorRole.TRANSLATOR,
    "container-author": CreatorRole.CONTAINER_AUTHOR,
}

_FIELDS = {
    "type": "item_type",
    "title": "title",
    "container-title": "container_title",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "publisher": "publisher",
    "publisher-place": "publisher_place",
    "DOI": "doi",
    "URL": "url",
    "language": "language",
}


def _person(name: dict) -> Person:
    family, given = name["family"], name.get("given", "")
    fields = {"family_name": family, "given_name": given}
    if (family, given) in ROMANISED:
        romanised_family, romanised_given = ROMANISED[family, given]
        fields = {
            "family_name": romanised_family,
            "given_name": romanised_given,
            "family_name_original": family,
            "given_name_original": given,
            "name_order": NameOrder.EASTERN,
        }
    slug = f"{fields['family_name']}-{fields['given_name']}".lower().replace(" ", "-")
    slug = slug.replace(".", "")
    person, _ = Person.objects.get_or_create(slug=slug, defaults=fields)
    return person


def create_source(item: dict) -> Source:
    """The Source (with its Person rows) that describes this CSL-JSON item, fetched back with
    its creators prefetched as every reference list does."""
    fields = {field: item[key] for key, field in _FIELDS.items() if key in item}
    year, *rest = item["issued"]["date-parts"][0]
    fields.update(year=year, month=rest[0] if rest else None, day=rest[1] if rest[1:] else None)
    if "accessed" in item:
        fields["accessed"] = dt.date(*item["accessed"]["date-parts"][0])
    source = Source(citation_key=item["id"], **fields)
    source.full_clean()
    source.save()
    for variable, role in _ROLES.items():
        for position, name in enumerate(item.get(variable, [])):
            SourceCreator.objects.create(
                source=source, person=_person(name), role=role, position=position
            )
    return Source.objects.with_creators().get(pk=source.pk)


# The pinpoint each item is cited with (CSL locator label, locator): inside its page range.
PINPOINTS = {
    "article": ("page", "170"),
    "book": ("page", "45"),
    "chapter": ("page", "160"),
    "report": ("page", "12"),
    "webpage": ("paragraph", "3"),
    "two_authors": ("page", "140"),
    "four_authors": ("page", "386"),
    "chinese_article": ("page", "15"),
    "chinese_book": ("page", "88"),
    "conference_paper": ("page", "220"),
}
