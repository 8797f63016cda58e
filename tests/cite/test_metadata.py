"""Reference-manager metadata: source pages carry Highwire `citation_*` tags, a COinS span that
agrees with them and schema.org JSON-LD; concept and case pages describe themselves as web
pages. The type Zotero would save is worked out the way its translators do (Embedded Metadata
and COinS, zotero/translators), so a tag that would mislead Zotero fails here."""

import json
from urllib.parse import unquote

import pytest
from django.utils import timezone

from sources.cite.metadata import SITE_TITLE, ZOTERO_TYPES, coins_pairs, highwire, page_range
from sources.models import ItemType, Source, SourceCreator
from tests.cite.metadata_world import add_works
from tests.helpers import soup, url

LANGS = ["en", "zh-hant"]

# Embedded Metadata: Highwire tags that decide the item type outright.
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
# The prefixes Embedded Metadata sends to its RDF reader; it splits names at . : and _, and
# takes the second part as the prefix when it is one of these (citation_book_title → book:).
RDF_PREFIXES = {
    "bib", "bibo", "dc", "dcterms", "prism", "foaf", "vcard", "link", "z", "eprint", "eprints",
    "og", "article", "book", "music", "video", "so", "codemeta", "rdf",
}  # fmt: skip
ZOTERO_ITEM_TYPES = {
    "journalArticle", "book", "bookSection", "report", "thesis", "newspaperArticle",
    "magazineArticle", "webpage", "conferencePaper",
}  # fmt: skip


@pytest.fixture
def works(sample):
    return add_works(sample)


def head_meta(response) -> list[tuple[str, str]]:
    """(name or property, content) of every <meta> in the <head>, in order."""
    head = soup(response).head
    return [
        (tag.get("name") or tag.get("property"), tag["content"])
        for tag in head.find_all("meta")
        if (tag.get("name") or tag.get("property")) and tag.has_attr("content")
    ]


def values(meta, key) -> list[str]:
    return [value for name, value in meta if name == key]


def one(meta, key) -> str:
    found = values(meta, key)
    assert len(found) == 1, f"{key}: {found}"
    return found[0]


def zotero_type_from_meta(meta) -> str | None:
    """The item type Zotero's Embedded Metadata translator picks from these tags."""
    hw_type = guess = None
    for name, _value in meta:
        if name in HIGHWIRE_TYPES:
            hw_type = HIGHWIRE_TYPES[name]
        elif name in ("citation_title", "citation_series_title"):
            guess = guess or "journalArticle"
        elif name == "citation_isbn":
            guess = "book"
    if hw_type:
        return hw_type
    rdf = {name.lower(): value for name, value in meta if name.split(":")[0].lower() == "og"}
    rdf |= {
        name.lower(): value
        for name, value in meta
        if name.split(".")[0].lower() in {"dc", "dcterms", "prism"}
    }
    if not rdf:
        return guess
    og = {"website": "webpage", "book": "book"}.get(rdf.get("og:type"))
    dc = rdf.get("dc.type") if rdf.get("dc.type") in ZOTERO_ITEM_TYPES else None
    return og or dc or guess or "webpage"


def coins_of(response) -> list[tuple[str, str]]:
    spans = soup(response).select("span.Z3988")
    assert len(spans) == 1
    pairs = []
    for part in spans[0]["title"].split("&"):
        key, _sep, value = part.partition("=")
        pairs.append((key, unquote(value)))
    return pairs


def zotero_type_from_coins(pairs) -> str:
    """The item type Zotero's COinS reader (Zotero.OpenURL.parseContextObject) picks."""
    fmt = one(pairs, "rft_val_fmt").rsplit(":", 1)[-1]
    genre = dict(pairs).get("rft.genre")
    if fmt == "journal":
        return "journalArticle"
    if fmt == "book":
        return {"bookitem": "bookSection", "proceeding": "conferencePaper"}.get(
            genre, "report" if genre == "report" else "book"
        )
    if fmt == "dissertation":
        return "thesis"
    assert fmt == "dc"
    return dict(pairs).get("rft.type", "webpage")


def json_ld(response) -> dict:
    blocks = soup(response).head.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def get_source_page(client, lang, source):
    response = client.get(url("sources:detail", lang, source.citation_key))
    assert response.status_code == 200
    return response


# --- Highwire tags, type by type -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_journal_article_has_every_highwire_tag_zotero_and_scholar_read(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.article))
    assert one(meta, "citation_title") == "Cooperation under the Security Dilemma"
    assert values(meta, "citation_author") == ["Jervis, Robert"]
    assert one(meta, "citation_journal_title") == "World Politics"
    assert one(meta, "citation_volume") == "30"
    assert one(meta, "citation_issue") == "2"
    assert one(meta, "citation_firstpage") == "167"
    assert one(meta, "citation_lastpage") == "214"
    assert one(meta, "citation_publication_date") == "1978"
    assert one(meta, "citation_date") == "1978"
    assert one(meta, "citation_doi") == "10.2307/2009958"
    assert one(meta, "citation_language") == "en"
    assert zotero_type_from_meta(meta) == "journalArticle"


@pytest.mark.parametrize("lang", LANGS)
def test_book_names_its_authors_in_order_with_isbn_and_publisher(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.book))
    assert values(meta, "citation_author") == ["Snyder, Glenn H.", "Diesing, Paul"]
    assert one(meta, "citation_isbn") == "978-0-691-05652-4"
    assert one(meta, "citation_publisher") == "Princeton University Press"
    assert not values(meta, "citation_journal_title")
    assert zotero_type_from_meta(meta) == "book"


def test_a_book_without_isbn_is_still_a_book_to_zotero(works, visitor):
    Source.objects.filter(pk=works.book.pk).update(isbn="")
    meta = head_meta(get_source_page(visitor, "en", works.book))
    assert one(meta, "DC.type") == "book"
    assert zotero_type_from_meta(meta) == "book"


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_uses_citation_inbook_title_and_names_the_editors(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.chapter))
    assert one(meta, "citation_inbook_title") == (
        "The evolution of theory in international relations"
    )
    # Zotero reads citation_book_title as the Open Graph book:title too.
    assert not values(meta, "citation_book_title")
    assert values(meta, "citation_author") == ["Snyder, Glenn H."]
    assert values(meta, "citation_editor") == ["Rothstein, Robert L."]
    assert (one(meta, "citation_firstpage"), one(meta, "citation_lastpage")) == ("83", "103")
    assert zotero_type_from_meta(meta) == "bookSection"


@pytest.mark.parametrize("lang", LANGS)
def test_chinese_report_names_its_author_in_chinese_script(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.report))
    assert one(meta, "citation_title") == "美國如何看待其與日本及南韓的同盟關係"
    assert values(meta, "citation_author") == ["盧, 業中"]
    assert one(meta, "citation_technical_report_institution") == "科技部"
    assert one(meta, "citation_language") == "zh-Hant"
    assert zotero_type_from_meta(meta) == "report"


@pytest.mark.parametrize("lang", LANGS)
def test_chinese_article_gives_names_in_chinese_script_and_the_month(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.chinese_article))
    assert values(meta, "citation_author") == ["閻, 學通"]
    assert one(meta, "citation_journal_title") == "國際政治科學"
    # Google Scholar's format is a full date or the year; Zotero reads citation_date last.
    assert one(meta, "citation_publication_date") == "2014"
    assert one(meta, "citation_date") == "2014-05"
    assert zotero_type_from_meta(meta) == "journalArticle"


@pytest.mark.parametrize("lang", LANGS)
def test_web_page_source_is_a_web_page_with_its_site_and_url(works, visitor, lang):
    meta = head_meta(get_source_page(visitor, lang, works.webpage))
    assert one(meta, "citation_title") == "Charter of the United Nations"
    assert one(meta, "citation_publication_date") == "1945/06/26"
    assert one(meta, "citation_date") == "1945-06-26"
    assert one(meta, "citation_public_url") == works.webpage.url
    assert one(meta, "og:site_name") == "United Nations"
    assert not values(meta, "citation_author")
    assert zotero_type_from_meta(meta) == "webpage"


def test_no_citation_tag_name_reads_as_an_rdf_property_to_zotero(works, visitor):
    for source in Source.objects.all():
        for name, _value in head_meta(get_source_page(visitor, "en", source)):
            if name.startswith("citation_"):
                parts = name.split("_")
                assert len(parts) < 3 or parts[1] not in RDF_PREFIXES, name


# --- COinS agrees with the tags --------------------------------------------------------------

TITLE_KEYS = ("rft.atitle", "rft.btitle", "rft.title")


@pytest.mark.parametrize(
    ("work", "zotero_type"),
    [
        ("article", "journalArticle"),
        ("book", "book"),
        ("chapter", "bookSection"),
        ("report", "report"),
        ("webpage", "webpage"),
        ("chinese_article", "journalArticle"),
    ],
)
def test_coins_span_agrees_with_the_meta_tags(works, visitor, work, zotero_type):
    response = get_source_page(visitor, "en", getattr(works, work))
    meta, kev = head_meta(response), coins_of(response)
    assert zotero_type_from_meta(meta) == zotero_type_from_coins(kev) == zotero_type
    assert one(kev, "ctx_ver") == "Z39.88-2004"
    title_key = (
        "rft.atitle"
        if dict(kev).get("rft.atitle")
        else next(key for key in TITLE_KEYS if key in dict(kev))
    )
    assert one(kev, title_key) == one(meta, "citation_title")
    assert values(kev, "rft.au") == values(meta, "citation_author")
    assert values(kev, "rft.date") == values(meta, "citation_date")
    assert values(kev, "rft.jtitle") == values(meta, "citation_journal_title")
    if zotero_type == "bookSection":
        assert one(kev, "rft.btitle") == one(meta, "citation_inbook_title")
    for kev_key, meta_key in [
        ("rft.volume", "citation_volume"),
        ("rft.issue", "citation_issue"),
        ("rft.spage", "citation_firstpage"),
        ("rft.epage", "citation_lastpage"),
        ("rft.language", "citation_language"),
    ]:
        assert values(kev, kev_key) == values(meta, meta_key), kev_key
    dois = [v.removeprefix("info:doi/") for v in values(kev, "rft_id") if v.startswith("info:")]
    assert dois == values(meta, "citation_doi")
    isbns = [v.removeprefix("urn:isbn:") for v in values(kev, "rft_id") if v.startswith("urn:")]
    assert isbns == [isbn.replace("-", "") for isbn in values(meta, "citation_isbn")]


@pytest.mark.parametrize("item_type", [t.value for t in ItemType])
@pytest.mark.parametrize("complete", [True, False], ids=["with-container", "bare"])
def test_zotero_saves_every_type_as_that_type_from_tags_and_coins_alike(
    sample, item_type, complete
):
    fields = {"container_title": "Container", "publisher": "Publisher"} if complete else {}
    source = Source.objects.create(
        citation_key="typed2000", item_type=item_type, title="A work", year=2000, **fields
    )
    SourceCreator.objects.create(source=source, person=sample.jervis)
    source = Source.objects.with_creators().get(pk=source.pk)
    meta = [(tag.key, tag.value) for tag in highwire(source)]
    kev = coins_pairs(source)
    assert zotero_type_from_meta(meta) == ZOTERO_TYPES[item_type]
    assert zotero_type_from_coins(kev) == ZOTERO_TYPES[item_type]


def test_coins_first_author_is_split_where_the_tags_split_it(works, visitor):
    kev = coins_of(get_source_page(visitor, "en", works.chinese_article))
    assert (one(kev, "rft.aulast"), one(kev, "rft.aufirst")) == ("閻", "學通")
    assert values(kev, "rft.au") == ["閻, 學通"]


# --- schema.org JSON-LD ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("work", "schema_type"),
    [
        ("article", "ScholarlyArticle"),
        ("book", "Book"),
        ("chapter", "Chapter"),
        ("report", "Report"),
        ("webpage", "WebPage"),
        ("chinese_article", "ScholarlyArticle"),
    ],
)
def test_json_ld_describes_the_same_work(works, visitor, work, schema_type):
    source = getattr(works, work)
    response = get_source_page(visitor, "en", source)
    meta, data = head_meta(response), json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["name"] == one(meta, "citation_title")
    authors = [f"{a['familyName']}, {a['givenName']}" for a in data.get("author", [])]
    assert authors == values(meta, "citation_author")
    assert data["datePublished"] == one(meta, "citation_date")
    assert data["mainEntityOfPage"] == f"http://testserver{source.get_absolute_url()}"
    if work == "chapter":
        assert data["isPartOf"]["name"] == one(meta, "citation_inbook_title")
        assert data["isPartOf"]["editor"][0]["familyName"] == "Rothstein"
    if work == "article":
        volume = data["isPartOf"]["isPartOf"]
        assert volume["volumeNumber"] == "30"
        assert volume["isPartOf"]["name"] == "World Politics"


def test_json_ld_gives_a_chinese_name_in_chinese_script(works, visitor):
    data = json_ld(get_source_page(visitor, "en", works.chinese_article))
    assert data["author"] == [
        {"@type": "Person", "name": "閻學通", "familyName": "閻", "givenName": "學通"}
    ]


def test_a_hostile_title_stays_data_in_every_kind_of_metadata(works, visitor):
    title = '</script><script>alert("x")</script> & <!-- "Q" \'s'
    Source.objects.filter(pk=works.book.pk).update(title=title)
    response = get_source_page(visitor, "en", works.book)
    html = response.content.decode()
    assert "<script>alert" not in html and "<!--" not in html
    assert json_ld(response)["name"] == title
    assert one(head_meta(response), "citation_title") == title
    assert one(coins_of(response), "rft.btitle") == title


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("167–214", ("167", "214")),
        ("83-103", ("83", "103")),
        ("xi—xx", ("xi", "xx")),
        ("12", ("12", "")),
        ("12, 15–17", ("", "")),
        ("", ("", "")),
    ],
)
def test_page_ranges_split_into_first_and_last_page(pages, expected):
    assert page_range(pages) == expected


# --- concept and case pages are web pages ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("name", "slug", "titles"),
    [
        ("concepts:detail", "security-dilemma", {"en": "Security dilemma", "zh-hant": "安全困境"}),
        (
            "cases:detail",
            "cuban-missile-crisis",
            {"en": "Cuban Missile Crisis", "zh-hant": "古巴飛彈危機"},
        ),
    ],
)
def test_concept_and_case_pages_describe_themselves_as_web_pages(
    sample, visitor, lang, name, slug, titles
):
    response = visitor.get(url(name, lang, slug))
    page_url = f"http://testserver{url(name, lang, slug)}"
    obj = sample.security_dilemma if name.startswith("concepts") else sample.cuba
    obj.refresh_from_db()
    modified = timezone.localdate(obj.updated).isoformat()
    meta = head_meta(response)
    # citation_* tags would make Zotero save the page as a journal article.
    assert not [key for key, _value in meta if key.startswith("citation_")]
    assert not soup(response).select("span.Z3988")
    assert zotero_type_from_meta(meta) == "webpage"
    assert one(meta, "DC.title") == one(meta, "og:title") == titles[lang]
    assert one(meta, "og:site_name") == SITE_TITLE
    assert one(meta, "DC.date") == modified
    assert one(meta, "og:url") == page_url
    assert soup(response).head.find("link", rel="canonical")["href"] == page_url
    data = json_ld(response)
    assert data["@type"] == "WebPage"
    assert (data["name"], data["url"], data["dateModified"]) == (titles[lang], page_url, modified)
    assert data["inLanguage"] == {"en": "en", "zh-hant": "zh-Hant"}[lang]
    assert data["publisher"]["name"] == SITE_TITLE == "IR Atlas 國關概念圖譜"
