"""In-text citations on concept and case pages: linked to the page's reference list, the full
reference on hover and focus, notes for a note style, numbers for a numeric style, and
everything the page cites listed once."""

import datetime as dt
import logging

import pytest

from cases.models import Analysis, Case, Event
from concepts.models import Concept, Definition
from sources.cite.page import PageCitations, shorten
from sources.cite.styles import STYLE_COOKIE
from sources.content import Status
from sources.models import CreatorRole, Person, Source, SourceCreator
from tests.helpers import soup

CONCEPT = "/{lang}/concepts/security-dilemma/"
CASE = "/{lang}/cases/cold-war/"
NOTES = "chicago-notes-bibliography"
NUMERIC = "china-national-standard-gb-t-7714-2015-numeric"
AUTHOR_DATE = (
    "apa",
    "chicago-author-date",
    "modern-language-association",
    "china-national-standard-gb-t-7714-2015-author-date",
)


def set_body(concept, text):
    # update() as data written before keys were validated would be: no model validation.
    Concept.objects.filter(pk=concept.pk).update(body_en=text, body_zh_hant=text)


def read(client, path, style=None, lang="en"):
    if style:
        client.cookies[STYLE_COOKIE] = style
    response = client.get(path.format(lang=lang))
    assert response.status_code == 200
    return soup(response)


def words(element) -> str:
    """An element's text without its spacing, which markup boundaries change."""
    return "".join(element.get_text().split())


def reference_ids(page) -> list[str]:
    return [li["id"] for li in page.select("ul.references li")]


def cited_keys(page) -> list[str]:
    """The works the in-text citations link to, in document order."""
    return [a["href"].removeprefix("#ref-") for a in page.select(".cite-ref > a[href^='#ref-']")]


@pytest.mark.parametrize("style", AUTHOR_DATE)
@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_each_citation_links_to_its_entry_and_shows_the_reference_on_hover(
    visitor, sample, style, lang
):
    set_body(sample.security_dilemma, "Herz coined the term [@herz1950, p. 157].")
    page = read(visitor, CONCEPT, style, lang)

    links = page.select(".cite-ref > a[href^='#ref-']")
    assert {a["href"] for a in links} == {"#ref-herz1950", "#ref-jervis1978", "#ref-snyder1984"}
    for link in links:
        entry = page.find(id=link["href"][1:])
        assert entry is not None and entry.name == "li"
        # The tooltip is the entry's full reference, tied to the link for screen readers.
        tip = page.find(id=link["aria-describedby"])
        assert tip["role"] == "tooltip" and tip.parent is link.parent
        assert words(tip) == words(entry)
    herz = page.select_one(".prose .cite-ref")
    assert "Herz" in herz.a.get_text()
    tip = herz.select_one(".cite-tip").get_text().casefold()
    assert "idealist internationalism" in tip and "world politics" in tip


def test_every_work_in_a_cluster_links_to_its_own_entry(visitor, sample):
    set_body(sample.security_dilemma, "Both [see @herz1950, p. 157; @lu2015].")
    page = read(visitor, CONCEPT, "apa")

    assert sorted(cited_keys(page.select_one(".prose"))) == ["herz1950", "lu2015"]
    parenthesis = page.select_one(".prose p").get_text()
    assert "see" in parenthesis and "157" in parenthesis


def test_every_cited_work_is_listed_once_body_text_included(visitor, sample):
    set_body(
        sample.security_dilemma,
        "Herz [-@herz1950] and Lu [@lu2015]. Jervis again [@jervis1978, p. 170].",
    )
    Definition.objects.create(
        concept=sample.security_dilemma, text_en="Again [@herz1950].", source=sample.herz1950
    )
    page = read(visitor, CONCEPT, "apa")

    ids = reference_ids(page)
    assert sorted(ids) == ["ref-herz1950", "ref-jervis1978", "ref-lu2015", "ref-snyder1984"]
    # Each entry links to the source's own page.
    for key in ("herz1950", "jervis1978", "lu2015", "snyder1984"):
        assert page.find(id=f"ref-{key}").find("a", href=f"/en/sources/{key}/")


def test_author_date_reference_list_is_in_the_styles_order(visitor, sample):
    set_body(sample.security_dilemma, "Snyder [@snyder1984] after Herz [@herz1950].")
    page = read(visitor, CONCEPT, "apa")

    assert reference_ids(page) == ["ref-herz1950", "ref-jervis1978", "ref-snyder1984"]


def test_numeric_style_numbers_works_by_first_citation_across_body_and_definitions(
    visitor, sample
):
    set_body(sample.security_dilemma, "First Snyder [@snyder1984], then Herz [@herz1950].")
    page = read(visitor, CONCEPT, NUMERIC)

    # Body first (snyder, herz), then the definition (jervis), then the analysis (snyder).
    assert reference_ids(page) == ["ref-snyder1984", "ref-herz1950", "ref-jervis1978"]
    entries = page.select("ul.references li")
    assert [li.get_text().strip()[:3] for li in entries] == ["[1]", "[2]", "[3]"]
    numbers = {a["href"]: a.get_text().strip("[]") for a in page.select(".cite-ref > a")}
    assert numbers == {"#ref-snyder1984": "1", "#ref-herz1950": "2", "#ref-jervis1978": "3"}


def test_note_style_gives_numbered_notes_above_the_bibliography(visitor, sample):
    set_body(sample.security_dilemma, "Herz [@herz1950, p. 157]. Lu [@lu2015].")
    page = read(visitor, CONCEPT, NOTES)

    markers = page.select(".cite-note sup a")
    assert [a["href"] for a in markers] == ["#note-1", "#note-2", "#note-3", "#note-4"]
    notes = page.select("ol.notes li")
    assert [li["id"] for li in notes] == ["note-1", "note-2", "note-3", "note-4"]
    assert "Herz" in notes[0].get_text() and "157" in notes[0].get_text()
    assert "Jervis" in notes[2].get_text()  # the definition, after the body's two notes
    # Each note leads back to its place in the text, and its text is the marker's tooltip.
    assert notes[0].find("a", href="#note-ref-1")
    tip = page.find(id=markers[0]["aria-describedby"])
    assert "Herz" in tip.get_text() and "157" in tip.get_text()
    # Notes come first, then the bibliography, which still lists every work.
    headings = [h.get_text() for h in page.select("h2")]
    assert headings.index("Notes") < headings.index("References")
    assert sorted(reference_ids(page)) == [
        "ref-herz1950",
        "ref-jervis1978",
        "ref-lu2015",
        "ref-snyder1984",
    ]


def test_note_style_keeps_the_author_in_the_sentence_and_shortens_repeated_works(visitor, sample):
    set_body(sample.security_dilemma, "@herz1950 [p. 157] argues. Later [@herz1950, p. 160].")
    page = read(visitor, CONCEPT, NOTES)

    sentence = page.select_one(".prose p").get_text()
    assert sentence.startswith("Herz")
    notes = [li.get_text() for li in page.select("ol.notes li")]
    # The first note gives the full reference, the second the short form (no journal).
    assert "World Politics" in notes[0] and "157" in notes[0]
    assert "World Politics" not in notes[1] and "160" in notes[1]


@pytest.mark.parametrize("lang", ["en", "zh-hant"])
def test_author_in_text_citation_names_the_author_and_links_the_work(visitor, sample, lang):
    set_body(sample.security_dilemma, "@herz1950 [p. 157] argues so.")
    page = read(visitor, CONCEPT, "apa", lang)

    paragraph = page.select_one(".prose p")
    assert paragraph.get_text().startswith("Herz (1950")
    assert cited_keys(paragraph) == ["herz1950"]


def test_unknown_key_is_shown_as_missing_and_logged_not_a_500(visitor, sample, caplog):
    set_body(sample.security_dilemma, "Written before keys were checked [@nosuch2001].")
    with caplog.at_level(logging.WARNING, logger="sources.cite.page"):
        page = read(visitor, CONCEPT, "apa")

    assert page.select_one(".prose .cite-missing").get_text() == "[@nosuch2001?]"
    assert "ref-nosuch2001" not in reference_ids(page)
    assert "nosuch2001" in caplog.text


def test_case_page_cites_body_events_and_analyses(visitor, sample):
    Case.objects.filter(pk=sample.cold_war.pk).update(body_en="A rivalry [@herz1950].")
    Event.objects.create(
        case=sample.cold_war,
        date=dt.date(1962, 10, 22),
        title_en="Quarantine",
        description_en="As Lu notes [@lu2015, p. 3].",
        source=sample.jervis1978,
        locator="170",
    )
    page = read(visitor, CASE, "apa")

    assert cited_keys(page.select_one(".prose")) == ["herz1950"]
    timeline = page.select_one(".timeline")
    assert cited_keys(timeline) == ["jervis1978", "lu2015"]
    assert sorted(reference_ids(page)) == [
        "ref-herz1950",
        "ref-jervis1978",
        "ref-lu2015",
        "ref-snyder1984",
    ]


def test_pages_carry_no_inline_styles_the_csp_would_block(visitor, sample):
    set_body(sample.security_dilemma, "Herz [@herz1950].")
    for style in (*AUTHOR_DATE, NOTES, NUMERIC):
        page = read(visitor, CONCEPT, style)
        assert page.find_all(style=True) == []
        assert page.find_all("style") == []


def make_sources(n: int) -> list[Source]:
    person = Person.objects.create(slug="prolific", family_name="Prolific", given_name="P.")
    sources = []
    for i in range(n):
        source = Source.objects.create(
            citation_key=f"prolific{2000 + i}", item_type="book", title=f"Book {i}", year=2000 + i
        )
        SourceCreator.objects.create(source=source, person=person, role=CreatorRole.AUTHOR)
        sources.append(source)
    return sources


@pytest.mark.parametrize("style", ["apa", NOTES, NUMERIC])
def test_concept_page_queries_stay_constant_as_citations_grow(
    visitor, sample, style, django_assert_num_queries
):
    """Citation keys in the page's texts are resolved in one query for the sources and one for
    their creators (the records' own sources come with the concept), so citing more works
    in more texts adds no query: thirteen for the concept page, two for its citations."""
    sources = make_sources(6)
    set_body(sample.security_dilemma, "One [@prolific2000].")
    visitor.cookies[STYLE_COOKIE] = style
    with django_assert_num_queries(15):
        visitor.get(CONCEPT.format(lang="en"))
    keys = "; ".join(f"@{s.citation_key}" for s in sources)
    set_body(sample.security_dilemma, f"All [{keys}].\n\nAgain [@prolific2001, p. 3].")
    for n, source in enumerate(sources):
        Definition.objects.create(
            concept=sample.security_dilemma,
            text_en=f"Per [@{source.citation_key}, p. {n}].",
            source=[sample.herz1950, sample.lu2015][n % 2],
        )
    with django_assert_num_queries(15):
        page = soup(visitor.get(CONCEPT.format(lang="en")))
    assert len([i for i in reference_ids(page) if i.startswith("ref-prolific")]) == 6


def test_case_page_queries_stay_constant_as_citations_grow(
    visitor, sample, django_assert_num_queries
):
    """The case page's queries (eight) plus one for the sources its texts cite and one for
    their creators, however many works its body, events and analyses cite."""
    sources = make_sources(6)
    Event.objects.create(
        case=sample.cold_war, date=dt.date(1948, 6, 24), title_en="Blockade", source=sources[0]
    )
    Case.objects.filter(pk=sample.cold_war.pk).update(body_en="One [@prolific2001].")
    with django_assert_num_queries(10):
        visitor.get(CASE.format(lang="en"))
    for n, source in enumerate(sources):
        Event.objects.create(
            case=sample.cold_war,
            date=dt.date(1950 + n, 1, 1),
            title_en=f"Event {n}",
            description_en=f"See [@{sources[-1 - n].citation_key}; @herz1950].",
            source=source,
        )
    Analysis.objects.create(
        case=sample.cold_war,
        concept=sample.alliance_dilemma,
        text_en="Both [@lu2015; @prolific2003].",
        source=sample.snyder1984,
    )
    with django_assert_num_queries(10):
        page = soup(visitor.get(CASE.format(lang="en")))
    assert len([i for i in reference_ids(page) if i.startswith("ref-prolific")]) == 6


def test_excerpts_never_cut_a_citation_in_two():
    text = "x" * 230 + " [@jervis1978, p. 170] and more text after it."
    short = shorten(text, 240)
    assert short == "x" * 230 + "…"
    assert shorten("short [@a]", 240) == "short [@a]"


def test_concept_page_shows_analysis_excerpts_with_their_citations(visitor, sample):
    Analysis.objects.filter(pk=sample.analysis.pk).update(
        text_en="Each side armed [@herz1950, p. 158]."
    )
    page = read(visitor, CONCEPT, "apa")

    item = page.find("a", href=f"/en/cases/cold-war/#analysis-{sample.analysis.pk}").parent
    assert cited_keys(item) == ["herz1950", "snyder1984"]


def test_draft_concepts_texts_render_for_editors(editor, sample):
    Concept.objects.filter(pk=sample.draft_concept.pk).update(body_en="Draft [@herz1950].")
    page = read(editor, "/{lang}/concepts/secret-draft/", "apa")
    assert cited_keys(page) == ["herz1950"]
    assert Concept.objects.get(pk=sample.draft_concept.pk).status == Status.DRAFT


def test_page_citations_render_texts_once_whatever_is_read_first(sample):
    citations = PageCitations("apa", "en")
    body = citations.add("Herz [@herz1950].")
    # Reading the references first still renders (and numbers) the texts.
    assert [r.key for r in citations.references] == ["herz1950"]
    assert 'href="#ref-herz1950"' in str(body)


def test_cited_pages_are_valid_html_in_every_style(visitor, sample, tmp_path):
    """The citation markup (links, tooltips, notes, numbered lists) is valid HTML for the Nu
    checker in every style and both languages, on both page kinds."""
    from tests.test_html_validity import describe, validate

    set_body(sample.security_dilemma, "Herz [see @herz1950, p. 157; @lu2015]. @jervis1978 agrees.")
    Case.objects.filter(pk=sample.cold_war.pk).update(body_en="A rivalry [@herz1950; @nosuch].")
    pages = {}
    for style in (*AUTHOR_DATE, NOTES, NUMERIC):
        visitor.cookies[STYLE_COOKIE] = style
        for lang in ("en", "zh-hant"):
            for path in (CONCEPT, CASE):
                url = path.format(lang=lang)
                pages[f"{url} ({style})"] = visitor.get(url).content.decode()
    messages = validate(pages, tmp_path)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(map(describe, errors))


def test_editing_a_cited_source_or_the_text_shows_at_once_despite_the_cache(visitor, sample):
    set_body(sample.security_dilemma, "Herz [@herz1950].")
    assert "Idealist" in read(visitor, CONCEPT, "apa").find(id="ref-herz1950").get_text()
    Source.objects.filter(pk=sample.herz1950.pk).update(title="Political realism and idealism")
    page = read(visitor, CONCEPT, "apa")
    assert "Political realism" in page.find(id="ref-herz1950").get_text()
    assert "Political realism" in page.select_one(".prose .cite-tip").get_text()
    set_body(sample.security_dilemma, "Lu [@lu2015].")
    assert cited_keys(read(visitor, CONCEPT, "apa").select_one(".prose")) == ["lu2015"]


def test_a_citation_the_style_prints_as_nothing_leaves_no_empty_link(visitor, sample):
    # MLA names the author and the page; with the author suppressed and no page, nothing.
    set_body(sample.security_dilemma, "As Herz argues [-@herz1950].")
    page = read(visitor, CONCEPT, "modern-language-association")
    assert all(a.get_text(strip=True) for a in page.select(".prose a"))
    assert "ref-herz1950" in reference_ids(page)
