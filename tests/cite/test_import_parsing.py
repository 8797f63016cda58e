"""Reading BibTeX, RIS and CSL-JSON as real files write them: every entry comes out decoded,
with what could not be kept named in a warning or, when nothing usable is left, a reason."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.cite.imports import UnreadableFile, decode, detect_format, parse
from sources.models import CreatorRole


def one(text, fmt="auto"):
    """The only entry of a file."""
    (entry,) = parse(text, fmt).entries
    return entry


def names(entry, role=CreatorRole.AUTHOR):
    return [(c.name.family, c.name.given) for c in entry.creators if c.role == role]


def warned(entry, fragment):
    return any(fragment in warning for warning in entry.warnings)


# BibTeX: LaTeX, names, macros ------------------------------------------------------------


def test_latex_escapes_are_decoded_in_names_and_titles():
    entry = one(
        r"""@article{k,
          author = {B\"{a}ttig, Michele B. and R{\o}d, Jan Ketil and Harstad, B\aard
                    and Cheibub, Jos\'{e} Antonio and Levento\u{g}lu, Bahar},
          title = {{\'E}t{\'e} \& {NATO}---the~Cold War -- again},
          journal = {World Politics}, year = 2000}"""
    )
    assert names(entry) == [
        ("Bättig", "Michele B."),
        ("Rød", "Jan Ketil"),
        ("Harstad", "Bård"),
        ("Cheibub", "José Antonio"),
        ("Leventoğlu", "Bahar"),
    ]
    assert entry.title == "Été & NATO—the Cold War – again"


def test_upper_case_and_separates_authors_and_others_means_et_al():
    entry = one(
        "@article{k, author = {Abbott, Kenneth W. AND Snidal, Duncan and others},"
        " title = {Hard and Soft Law}, journal = {IO}, year = {2000}}"
    )
    assert names(entry) == [("Abbott", "Kenneth W."), ("Snidal", "Duncan")]
    assert entry.et_al
    assert entry.authors_display.endswith("et al.")
    assert warned(entry, "and others")


def test_braced_organisation_is_one_name_and_von_parts_stay_with_the_family_name():
    entry = one(
        "@book{k, author = {{Amnesty International} and de Mello e Souza, Andre and "
        "King, Jr., Martin Luther}, title = {T}, year = 2004}"
    )
    assert names(entry) == [
        ("Amnesty International", ""),
        ("de Mello e Souza", "Andre"),
        ("King Jr.", "Martin Luther"),
    ]


def test_chinese_names_are_kept_in_their_script_and_romanised_with_pinyin():
    entry = one(
        "@article{k, author = {閻學通 and 歐陽修 and 單, 德興}, title = {中國崛起的國際環境},"
        " journal = {國際政治科學}, year = 2005}"
    )
    people = [
        (c.name.family_original, c.name.given_original, c.name.family, c.name.given)
        for c in entry.creators
    ]
    assert people == [
        ("閻", "學通", "Yan", "Xuetong"),
        ("歐陽", "修", "Ouyang", "Xiu"),
        ("單", "德興", "Shan", "Dexing"),
    ]
    assert all(c.name.eastern for c in entry.creators)
    assert entry.fields["language"] == "zh-Hant"


@pytest.mark.parametrize(
    ("title", "language"),
    [("国际关系理论", "zh-Hans"), ("國際關係理論", "zh-Hant"), ("Theory", "en")],
)
def test_language_follows_the_script_of_the_title_when_the_file_says_nothing(title, language):
    assert one(f"@book{{k, title = {{{title}}}}}").fields["language"] == language


def test_language_field_is_mapped_to_our_codes():
    entry = one("@book{k, title = {T}, langid = {english}}")
    assert entry.fields["language"] == "en"
    entry = one("@book{k, title = {T}, language = {Klingon}}")
    assert entry.fields["language"] == "und"
    assert warned(entry, "Klingon")


def test_bibdesk_capitalised_field_names_are_read():
    entry = one(
        "@ARTICLE{Jervis78, Author = {Jervis, Robert}, Title = {Cooperation under the Security"
        " Dilemma}, Journal = {World Politics}, Year = {1978}, Volume = {30}, Pages = {167--214}}"
    )
    assert names(entry) == [("Jervis", "Robert")]
    assert (entry.title, entry.year, entry.fields["volume"]) == (
        "Cooperation under the Security Dilemma",
        1978,
        "30",
    )
    assert entry.fields["container_title"] == "World Politics"


def test_string_macros_and_concatenation_are_expanded_and_comments_ignored():
    parsed = parse(
        """% A JabRef file
        @preamble{"\\newcommand{\\noop}[1]{}"}
        @String{wp = "World Politics"}
        @comment{jabref-meta: databaseType:bibtex;}
        @article{k, title = {T}, journal = wp # { Quarterly}, year = 1978, note = undefinedmacro}
        """
    )
    (entry,) = parsed.entries
    assert entry.fields["container_title"] == "World Politics Quarterly"
    assert warned(entry, "undefinedmacro")


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("510--50", "510–550"),
        ("1101--05", "1101–1105"),
        ("189--202", "189–202"),
        ("pp. 12-15", "12–15"),
        ("225--261; 275--281", "225–261, 275–281"),
        ("S12--S15", "S12–S15"),
        ("e1234", "e1234"),
        ("xi--xv", "xi–xv"),
    ],
)
def test_page_ranges_get_an_en_dash_and_their_full_end(written, stored):
    assert one(f"@article{{k, title = {{T}}, pages = {{{written}}}}}").fields["pages"] == stored


@pytest.mark.parametrize(
    ("written", "year", "warns"),
    [
        ("1978", 1978, False),
        ("[1978]", 1978, False),
        ("c. 1990", 1990, True),
        ("1994/1995", 1994, True),
        ("forthcoming", None, True),
        ("in press", None, True),
        ("n.d.", None, False),
        ("200", None, True),
    ],
)
def test_messy_years_keep_what_can_be_kept(written, year, warns):
    entry = one(f"@article{{k, title = {{T}}, year = {{{written}}}}}")
    assert entry.year == year
    assert entry.error == ""
    assert bool(entry.warnings) is warns, entry.warnings


@pytest.mark.parametrize(
    ("month", "number"), [("jan", 1), ("{January}", 1), ("{9}", 9), ("{Sept.}", 9), ("dec", 12)]
)
def test_month_names_and_numbers_are_read(month, number):
    assert one(f"@article{{k, title={{T}}, year=1990, month={month}}}").fields["month"] == number


def test_month_name_in_number_becomes_the_month():
    entry = one("@article{k, title = {T}, year = 1990, volume = 8, number = {March}}")
    assert (entry.fields["month"], entry.fields["issue"]) == (3, "")
    assert warned(entry, "read as the month")


def test_a_month_that_is_not_one_is_dropped_with_a_warning():
    entry = one("@article{k, title = {T}, year = 1990, month = {Fall}}")
    assert entry.fields["month"] is None
    assert warned(entry, "Fall")


def test_a_month_without_a_year_is_dropped():
    entry = one("@article{k, title = {T}, year = {forthcoming}, month = {May}}")
    assert entry.fields["month"] is None


@pytest.mark.parametrize(
    ("source", "item_type", "container", "title"),
    [
        ("@misc{k, title={T}, journal={J}}", "article-journal", "J", "T"),
        ("@misc{k, title={T}, howpublished={\\url{https://example.org/}}}", "webpage", "", "T"),
        ("@unpublished{k, title={T}, note={Working paper}}", "report", "", "T"),
        ("@phdthesis{k, title={T}, school={MIT}}", "thesis", "", "T"),
        ("@inproceedings{k, title={T}, booktitle={Proc.}}", "paper-conference", "Proc.", "T"),
        ("@incollection{k, title={Ch}, booktitle={Book}}", "chapter", "Book", "Ch"),
        ("@inbook{k, title={Book}, chapter={2: The Chapter}}", "chapter", "Book", "The Chapter"),
        ("@techreport{k, title={T}, institution={RAND}}", "report", "", "T"),
        ("@online{k, title={T}, url={https://example.org/}}", "webpage", "", "T"),
        (
            "@article{k, title={T}, journal={NYT}, entrysubtype={newspaper}}",
            "article-newspaper",
            "NYT",
            "T",
        ),
    ],
)
def test_entry_types_are_mapped_to_ours(source, item_type, container, title):
    entry = one(source)
    assert entry.fields["item_type"] == item_type
    assert entry.fields.get("container_title", "") == container
    assert entry.title == title


def test_types_we_do_not_keep_are_named_in_a_warning():
    entry = one("@unpublished{k, title={T}}")
    assert warned(entry, "@unpublished")


def test_institution_and_school_become_the_publisher():
    assert one("@techreport{k, title={T}, institution={RAND}}").fields["publisher"] == "RAND"
    assert one("@phdthesis{k, title={T}, school={MIT}}").fields["publisher"] == "MIT"


def test_an_entry_without_a_title_is_invalid_with_a_reason():
    entry = one("@ARTICLE{balcells10,\n}")
    assert "No title" in entry.error
    assert entry.key == "balcells10"


def test_a_broken_entry_is_invalid_and_the_others_are_still_read():
    parsed = parse(
        "@book{ok1, title = {Fine}}\n@book{broken, title = {Unclosed, year = 1990}\n"
        "@book{ok2, title = {Also fine}}\n"
    )
    assert [e.title for e in parsed.entries if not e.error] == ["Fine", "Also fine"]
    (bad,) = [e for e in parsed.entries if e.error]
    assert bad.key == "broken"
    assert "line 2" in bad.error


def test_a_field_given_twice_keeps_the_first_and_says_so():
    entry = one("@book{k, title = {First}, title = {Second}}")
    assert entry.title == "First"
    assert warned(entry, "twice")


def test_entries_with_the_same_key_are_all_read():
    parsed = parse("@book{same, title = {One}}\n@book{same, title = {Two}}")
    assert [(e.key, e.title) for e in parsed.entries] == [("same", "One"), ("same", "Two")]


def test_identifiers_are_normalised_and_bad_ones_dropped_with_a_warning():
    entry = one(
        "@book{k, title = {T}, doi = {https://doi.org/10.2307/ABC}, "
        "isbn = {0-19-xxx (pbk.); 0-07-554852-6}, issn = {0043-8871}, "
        "url = {http://example.org/a\\_b\\%20c}}"
    )
    assert entry.fields["doi"] == "10.2307/abc"
    assert entry.fields["isbn"] == "9780075548522"
    assert entry.fields["issn"] == "0043-8871"
    assert entry.fields["url"] == "http://example.org/a_b%20c"
    assert warned(entry, "0-19-xxx")
    entry = one("@book{k, title = {T}, doi = {not a doi}, url = {ftp:/nowhere}}")
    assert (entry.fields["doi"], entry.fields["url"]) == ("", "")
    assert len(entry.warnings) == 2


def test_bookkeeping_fields_are_ignored_quietly_and_others_named():
    entry = one("@book{k, title = {T}, owner = {David}, timestamp = {2012.06.14}, note = {N}}")
    assert entry.warnings == ["Not imported: note."]


def test_overlong_values_are_shortened_with_a_warning():
    entry = one("@book{k, title = {T}, volume = {" + "9" * 30 + "}}")
    assert len(entry.fields["volume"]) == 20
    assert warned(entry, "shortened")


def test_html_in_a_title_stays_text():
    entry = one("@book{k, title = {<script>alert(1)</script> & <b>bold</b>}}")
    assert entry.title == "<script>alert(1)</script> & <b>bold</b>"


# RIS -----------------------------------------------------------------------------------------

RIS = """TY  - JOUR
ID  - Jervis1978
AU  - Jervis, Robert
AU  - 閻學通
TI  - Cooperation under the Security Dilemma
T2  - World Politics
PY  - 1978///
VL  - 30
IS  - 2
SP  - 167
EP  - 214
DO  - 10.2307/2009958
SN  - 0043-8871
UR  - https://www.jstor.org/stable/2009958
KW  - security
ER  -

TY  - CHAP
AU  - Snyder, Glenn H.
A2  - Booth, Ken
TI  - Alliances
T2  - The Book
PB  - Palgrave
CY  - London
SN  - 0-07-554852-6
DA  - 1997/06/15/
"""


def test_ris_records_are_read_with_authors_pages_dates_and_identifiers():
    parsed = parse(RIS.replace("\n", "\r\n"))
    article, chapter = parsed.entries
    assert article.key == "Jervis1978"
    assert names(article) == [("Jervis", "Robert"), ("Yan", "Xuetong")]
    assert article.fields["item_type"] == "article-journal"
    assert article.fields["container_title"] == "World Politics"
    assert (article.year, article.fields["pages"]) == (1978, "167–214")
    assert (article.fields["doi"], article.fields["issn"]) == ("10.2307/2009958", "0043-8871")
    assert article.fields["url"] == "https://www.jstor.org/stable/2009958"
    assert chapter.fields["item_type"] == "chapter"
    assert names(chapter, CreatorRole.EDITOR) == [("Booth", "Ken")]
    assert chapter.fields["isbn"] == "9780075548522"
    assert (chapter.year, chapter.fields["month"], chapter.fields["day"]) == (1997, 6, 15)
    assert (chapter.fields["publisher"], chapter.fields["publisher_place"]) == (
        "Palgrave",
        "London",
    )


def test_a_last_ris_record_without_er_is_read_and_the_file_warned_about():
    parsed = parse(RIS)
    assert len(parsed.entries) == 2
    assert any("ER" in warning for warning in parsed.warnings)


def test_unknown_ris_types_are_mapped_with_a_warning():
    entry = one("TY  - HEAR\nTI  - Hearing\nER  - \n")
    assert entry.fields["item_type"] == "report"
    assert warned(entry, "HEAR")


# CSL-JSON ------------------------------------------------------------------------------------


def test_csl_json_items_are_read_with_names_dates_and_our_custom_fields():
    items = [
        {
            "id": "jervis1978",
            "type": "article-journal",
            "title": "Cooperation under the <i>Security</i> Dilemma",
            "author": [
                {"family": "Jervis", "given": "Robert"},
                {"family": "Evera", "given": "Stephen", "non-dropping-particle": "Van"},
                {"literal": "World Bank"},
                {"family": "閻", "given": "學通"},
            ],
            "container-title": "World Politics",
            "volume": 30,
            "page": "167-214",
            "issued": {"date-parts": [[1978, 1]]},
            "accessed": {"date-parts": [[2024, 5, 6]]},
            "DOI": "10.2307/2009958",
            "custom": {"jstor_id": "2009958", "translated_title": "合作"},
        },
        {"id": "ITEM-2", "type": "motion_picture", "title": "Film", "issued": {"raw": "1964"}},
    ]
    first, second = parse(json.dumps(items)).entries
    assert first.key == "jervis1978"
    assert names(first) == [
        ("Jervis", "Robert"),
        ("Van Evera", "Stephen"),
        ("World Bank", ""),
        ("Yan", "Xuetong"),
    ]
    assert first.title == "Cooperation under the Security Dilemma"
    assert (first.year, first.fields["month"], first.fields["volume"]) == (1978, 1, "30")
    assert first.fields["pages"] == "167–214"
    assert str(first.fields["accessed"]) == "2024-05-06"
    assert (first.fields["jstor_id"], first.fields["translated_title"]) == ("2009958", "合作")
    assert second.key == ""  # ITEM-2 only numbers the items
    assert (second.fields["item_type"], second.year) == ("report", 1964)
    assert warned(second, "motion_picture")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "a", "title": "T"}', "must be an array"),
        ('"just a string"', "must be an array"),
        ('[{"id": "a",}]', "not valid JSON"),
    ],
)
def test_csl_json_that_is_not_an_array_of_objects_is_refused_with_a_message(text, message):
    with pytest.raises(UnreadableFile, match=message):
        parse(text, "csljson")


def test_csl_json_items_that_are_not_objects_are_invalid_entries():
    parsed = parse('[{"type": "book", "title": "Fine"}, "oops", 3]')
    assert [bool(e.error) for e in parsed.entries] == [False, True, True]
    assert "not an object" in parsed.entries[1].error


# Formats and files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("% comment\n@book{k, title={T}}", "bibtex"),
        ("\ufeffTY  - BOOK\nTI  - T\nER  - \n", "ris"),
        ('  [{"title": "T"}]', "csljson"),
    ],
)
def test_the_format_is_told_from_the_content(text, fmt):
    assert detect_format(text) == fmt
    assert parse(text).format == fmt


@pytest.mark.parametrize("text", ["", "   \n", "Just some notes about books.", "<html></html>"])
def test_text_in_no_format_is_refused_with_a_message(text):
    with pytest.raises(UnreadableFile):
        parse(text)


def test_a_chosen_format_that_finds_nothing_is_refused():
    with pytest.raises(UnreadableFile, match="RIS"):
        parse("@book{k, title = {T}}", "ris")


def test_files_that_are_not_utf8_are_read_as_windows_1252_with_a_warning():
    text, warnings = decode("@book{k, title = {Caf\u00e9 \u201cquoted\u201d}}".encode("cp1252"))
    assert one(text).title == "Café “quoted”"
    assert "Windows-1252" in warnings[0]
    assert decode("@book{k, title={é}}".encode("utf-8-sig")) == ("@book{k, title={é}}", [])


def test_biblatex_fields_our_own_export_writes_are_read_back():
    entry = one(
        "@online{k, title = {Page}, titleaddon = {[網頁]}, organization = {Brookings},"
        " year = {2020}, month = jun, date = {2020-06-15}, eprint = {1234/5}, eprinttype = {hdl}}"
    )
    assert entry.fields["translated_title"] == "網頁"
    assert (entry.fields["container_title"], entry.fields["publisher"]) == ("Brookings", "")
    assert (entry.year, entry.fields["month"], entry.fields["day"]) == (2020, 6, 15)
    assert entry.fields["handle"] == "1234/5"
    assert one("@book{k, title={T}, date={1994-03}}").fields["month"] == 3


# Whatever the input ------------------------------------------------------------------------

_BIB_CHARS = list("@{}\\\"#%,=~-$'` \nabAND0123éø閻")


@settings(max_examples=300, deadline=None)
@given(junk=st.text(), bibtexish=st.text(alphabet=st.sampled_from(_BIB_CHARS), max_size=60))
def test_any_input_is_read_or_refused_with_a_message_never_a_crash(junk, bibtexish):
    samples = [
        (junk, "auto"),
        ("@book{k, title = {" + bibtexish, "bibtex"),
        (
            f"@book{{k, author = {{{bibtexish}}}, year = {{{bibtexish}}}, pages={{{bibtexish}}}}}",
            "bibtex",
        ),
        ("TY  - JOUR\n" + junk.replace("\r", ""), "ris"),
        (json.dumps([{"title": junk, "author": [{"literal": junk}], "issued": junk}]), "csljson"),
    ]
    for text, fmt in samples:
        try:
            parse(text, fmt)
        except UnreadableFile:
            pass


def test_control_characters_are_dropped():
    entry = one("@book{k, title = {A\x00B\x07C}, author = {Nul\x00l, Ann}, abstract = {x\x00y}}")
    assert (entry.title, entry.fields["abstract"]) == ("ABC", "xy")
    assert names(entry) == [("Null", "Ann")]


def test_utf16_files_are_read():
    text, warnings = decode("\ufeff@book{k, title = {閻學通}}".encode("utf-16"))
    assert (one(text).title, warnings) == ("閻學通", [])
