"""The expected text of each fixture in each style, written out by hand from the style
manuals (see test_styles.py, which checks our engine against them)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    reference: str  # the reference-list (bibliography) entry
    citation: str  # the in-text citation; for notes-bibliography, the first note
    pinpointed: str | None  # the same cited with the item's pinpoint (PINPOINTS)


E = Expected
DOI = "https://doi.org/"
CRS = "https://crsreports.congress.gov/product/pdf/RL/RL30341"
CFR = "https://www.cfr.org/backgrounder/china-xinjiang-uyghurs-muslims-repression-genocide-human-rights"
ZHANG_TITLE = "中日關係的安全困境：國際體系與雙邊利益層面的分析"
WU_TITLE = "抗衡或扈從：兩岸關係新詮"
ACM = "Proceedings of the 1st ACM Conference on Computer and Communications Security"

# APA 7: initials; sentence-case titles as stored; (Author, year, p. x); “&” between authors;
# all authors up to 20 in the list, “et al.” from three in the text; DOI as a URL.
APA = {
    ("en", "article"): E(
        f"Jervis, R. (1978). Cooperation under the security dilemma. World Politics, 30(2), "
        f"167–214. {DOI}10.2307/2009958",
        "(Jervis, 1978)",
        "(Jervis, 1978, p. 170)",
    ),
    ("en", "book"): E(
        "Snyder, G. H. (1997). Alliance politics. Cornell University Press.",
        "(Snyder, 1997)",
        "(Snyder, 1997, p. 45)",
    ),
    ("en", "chapter"): E(
        "Snyder, J. (1985). Perceptions of the security dilemma in 1914. In R. Jervis, "
        "R. N. Lebow, & J. G. Stein (Eds.), Psychology and deterrence (pp. 153–179). "
        "Johns Hopkins University Press.",
        "(Snyder, 1985)",
        "(Snyder, 1985, p. 160)",
    ),
    ("en", "report"): E(
        "Kan, S. A. (2014). China/Taiwan: Evolution of the “One China” policy. Congressional "
        f"Research Service. {CRS}",
        "(Kan, 2014)",
        "(Kan, 2014, p. 12)",
    ),
    ("en", "webpage"): E(
        "Maizland, L. (2022, September 22). China’s repression of Uyghurs in Xinjiang. "
        f"Council on Foreign Relations. {CFR}",
        "(Maizland, 2022)",
        "(Maizland, 2022, para. 3)",
    ),
    ("en", "two_authors"): E(
        "Christensen, T. J., & Snyder, J. (1990). Chain gangs and passed bucks: Predicting "
        "alliance patterns in multipolarity. International Organization, 44(2), 137–168. "
        f"{DOI}10.1017/s0020818300035232",
        "(Christensen & Snyder, 1990)",
        "(Christensen & Snyder, 1990, p. 140)",
    ),
    ("en", "four_authors"): E(
        "Goldstein, J., Kahler, M., Keohane, R. O., & Slaughter, A.-M. (2000). Introduction: "
        "Legalization and world politics. International Organization, 54(3), 385–399. "
        f"{DOI}10.1162/002081800551262",
        "(Goldstein et al., 2000)",
        "(Goldstein et al., 2000, p. 386)",
    ),
    # citeproc-js cites Chinese authors by family name alone, (張, 2005): wrong, see above.
    ("en", "chinese_article"): E(
        f"張雅君. (2005). {ZHANG_TITLE}. 遠景基金會季刊, 6(4), 1–42.",
        "(張雅君, 2005)",
        "(張雅君, 2005, p. 15)",
    ),
    ("en", "chinese_book"): E(
        f"吳玉山. (1997). {WU_TITLE}. 正中書局.", "(吳玉山, 1997)", "(吳玉山, 1997, p. 88)"
    ),
    ("zh-hant", "chinese_article"): E(
        f"張雅君. (2005). {ZHANG_TITLE}. 遠景基金會季刊, 6(4), 1–42.",
        "(張雅君, 2005)",
        "(張雅君, 2005, 頁 15)",
    ),
    ("zh-hant", "chinese_book"): E(
        f"吳玉山. (1997). {WU_TITLE}. 正中書局.", "(吳玉山, 1997)", "(吳玉山, 1997, 頁 88)"
    ),
}

# Chicago 18 author-date: given names whole; headline-style titles; periods and commas inside
# quotation marks; no place of publication (dropped in the 18th edition); (Author year, page).
CHICAGO_AD = {
    ("en", "article"): E(
        "Jervis, Robert. 1978. “Cooperation under the Security Dilemma.” World Politics 30 (2): "
        f"167–214. {DOI}10.2307/2009958.",
        "(Jervis 1978)",
        "(Jervis 1978, 170)",
    ),
    ("en", "book"): E(
        "Snyder, Glenn H. 1997. Alliance Politics. Cornell University Press.",
        "(Snyder 1997)",
        "(Snyder 1997, 45)",
    ),
    ("en", "chapter"): E(
        "Snyder, Jack. 1985. “Perceptions of the Security Dilemma in 1914.” In Psychology and "
        "Deterrence, edited by Robert Jervis, Richard Ned Lebow, and Janice Gross Stein. "
        "Johns Hopkins University Press.",
        "(Snyder 1985)",
        "(Snyder 1985, 160)",
    ),
    ("en", "report"): E(
        "Kan, Shirley A. 2014. China/Taiwan: Evolution of the “One China” Policy. "
        f"Congressional Research Service. {CRS}.",
        "(Kan 2014)",
        "(Kan 2014, 12)",
    ),
    ("en", "webpage"): E(
        "Maizland, Lindsay. 2022. “China’s Repression of Uyghurs in Xinjiang.” Council on "
        f"Foreign Relations, September 22. {CFR}.",
        "(Maizland 2022)",
        "(Maizland 2022, para. 3)",
    ),
    ("en", "two_authors"): E(
        "Christensen, Thomas J., and Jack Snyder. 1990. “Chain Gangs and Passed Bucks: "
        "Predicting Alliance Patterns in Multipolarity.” International Organization 44 (2): "
        f"137–68. {DOI}10.1017/s0020818300035232.",
        "(Christensen and Snyder 1990)",
        "(Christensen and Snyder 1990, 140)",
    ),
    ("en", "four_authors"): E(
        "Goldstein, Judith, Miles Kahler, Robert O. Keohane, and Anne-Marie Slaughter. 2000. "
        "“Introduction: Legalization and World Politics.” International Organization 54 (3): "
        f"385–99. {DOI}10.1162/002081800551262.",
        "(Goldstein et al. 2000)",
        "(Goldstein et al. 2000, 386)",
    ),
    ("en", "chinese_article"): E(
        f"張雅君. 2005. “{ZHANG_TITLE}.” 遠景基金會季刊 6 (4): 1–42.",
        "(張雅君 2005)",
        "(張雅君 2005, 15)",
    ),
    ("en", "chinese_book"): E(
        f"吳玉山. 1997. {WU_TITLE}. 正中書局.", "(吳玉山 1997)", "(吳玉山 1997, 88)"
    ),
    # zh-TW quotation marks 「」 sit outside the period (the locale has no punctuation-in-quote).
    ("zh-hant", "chinese_article"): E(
        f"張雅君. 2005. 「{ZHANG_TITLE}」. 遠景基金會季刊 6 (4): 1–42.",
        "(張雅君 2005)",
        "(張雅君 2005, 15)",
    ),
    ("zh-hant", "chinese_book"): E(
        f"吳玉山. 1997. {WU_TITLE}. 正中書局.", "(吳玉山 1997)", "(吳玉山 1997, 88)"
    ),
}

# Chicago 18 notes-bibliography: the citation is the first, full note; three or more authors
# or editors are “et al.” in notes but all listed in the bibliography.
CHICAGO_NB = {
    ("en", "article"): E(
        "Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics 30, no. 2 "
        f"(1978): 167–214. {DOI}10.2307/2009958.",
        "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics 30, no. 2 "
        f"(1978): 167–214, {DOI}10.2307/2009958.",
        "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics 30, no. 2 "
        f"(1978): 170, {DOI}10.2307/2009958.",
    ),
    ("en", "book"): E(
        "Snyder, Glenn H. Alliance Politics. Cornell University Press, 1997.",
        "Glenn H. Snyder, Alliance Politics (Cornell University Press, 1997).",
        "Glenn H. Snyder, Alliance Politics (Cornell University Press, 1997), 45.",
    ),
    ("en", "chapter"): E(
        "Snyder, Jack. “Perceptions of the Security Dilemma in 1914.” In Psychology and "
        "Deterrence, edited by Robert Jervis, Richard Ned Lebow, and Janice Gross Stein. "
        "Johns Hopkins University Press, 1985.",
        "Jack Snyder, “Perceptions of the Security Dilemma in 1914,” in Psychology and "
        "Deterrence, ed. Robert Jervis et al. (Johns Hopkins University Press, 1985).",
        "Jack Snyder, “Perceptions of the Security Dilemma in 1914,” in Psychology and "
        "Deterrence, ed. Robert Jervis et al. (Johns Hopkins University Press, 1985), 160.",
    ),
    ("en", "report"): E(
        "Kan, Shirley A. China/Taiwan: Evolution of the “One China” Policy. Congressional "
        f"Research Service, 2014. {CRS}.",
        "Shirley A. Kan, China/Taiwan: Evolution of the “One China” Policy (Congressional "
        f"Research Service, 2014), {CRS}.",
        "Shirley A. Kan, China/Taiwan: Evolution of the “One China” Policy (Congressional "
        f"Research Service, 2014), 12, {CRS}.",
    ),
    ("en", "webpage"): E(
        "Maizland, Lindsay. “China’s Repression of Uyghurs in Xinjiang.” Council on Foreign "
        f"Relations, September 22, 2022. {CFR}.",
        "Lindsay Maizland, “China’s Repression of Uyghurs in Xinjiang,” Council on Foreign "
        f"Relations, September 22, 2022, {CFR}.",
        "Lindsay Maizland, “China’s Repression of Uyghurs in Xinjiang,” Council on Foreign "
        f"Relations, September 22, 2022, para. 3, {CFR}.",
    ),
    ("en", "two_authors"): E(
        "Christensen, Thomas J., and Jack Snyder. “Chain Gangs and Passed Bucks: Predicting "
        "Alliance Patterns in Multipolarity.” International Organization 44, no. 2 (1990): "
        f"137–68. {DOI}10.1017/s0020818300035232.",
        "Thomas J. Christensen and Jack Snyder, “Chain Gangs and Passed Bucks: Predicting "
        "Alliance Patterns in Multipolarity,” International Organization 44, no. 2 (1990): "
        f"137–68, {DOI}10.1017/s0020818300035232.",
        "Thomas J. Christensen and Jack Snyder, “Chain Gangs and Passed Bucks: Predicting "
        "Alliance Patterns in Multipolarity,” International Organization 44, no. 2 (1990): "
        f"140, {DOI}10.1017/s0020818300035232.",
    ),
    ("en", "four_authors"): E(
        "Goldstein, Judith, Miles Kahler, Robert O. Keohane, and Anne-Marie Slaughter. "
        "“Introduction: Legalization and World Politics.” International Organization 54, "
        f"no. 3 (2000): 385–99. {DOI}10.1162/002081800551262.",
        "Judith Goldstein et al., “Introduction: Legalization and World Politics,” "
        f"International Organization 54, no. 3 (2000): 385–99, {DOI}10.1162/002081800551262.",
        "Judith Goldstein et al., “Introduction: Legalization and World Politics,” "
        f"International Organization 54, no. 3 (2000): 386, {DOI}10.1162/002081800551262.",
    ),
    ("en", "chinese_article"): E(
        f"張雅君. “{ZHANG_TITLE}.” 遠景基金會季刊 6, no. 4 (2005): 1–42.",
        f"張雅君, “{ZHANG_TITLE},” 遠景基金會季刊 6, no. 4 (2005): 1–42.",
        f"張雅君, “{ZHANG_TITLE},” 遠景基金會季刊 6, no. 4 (2005): 15.",
    ),
    ("en", "chinese_book"): E(
        f"吳玉山. {WU_TITLE}. 正中書局, 1997.",
        f"吳玉山, {WU_TITLE} (正中書局, 1997).",
        f"吳玉山, {WU_TITLE} (正中書局, 1997), 88.",
    ),
    ("zh-hant", "chinese_article"): E(
        f"張雅君. 「{ZHANG_TITLE}」. 遠景基金會季刊 6, 期 4 (2005): 1–42.",
        f"張雅君, 「{ZHANG_TITLE}」, 遠景基金會季刊 6, 期 4 (2005): 1–42.",
        f"張雅君, 「{ZHANG_TITLE}」, 遠景基金會季刊 6, 期 4 (2005): 15.",
    ),
    ("zh-hant", "chinese_book"): E(
        f"吳玉山. {WU_TITLE}. 正中書局, 1997.",
        f"吳玉山, {WU_TITLE} (正中書局, 1997).",
        f"吳玉山, {WU_TITLE} (正中書局, 1997), 88.",
    ),
}

# MLA 9: given names whole; (Author page) with no comma and no year; three or more authors or
# editors are “et al.”; abbreviated months (Sept.); page ranges abbreviated (153–79).
MLA = {
    ("en", "article"): E(
        "Jervis, Robert. “Cooperation under the Security Dilemma.” World Politics, vol. 30, "
        f"no. 2, 1978, pp. 167–214, {DOI}10.2307/2009958.",
        "(Jervis)",
        "(Jervis 170)",
    ),
    ("en", "book"): E(
        "Snyder, Glenn H. Alliance Politics. Cornell University Press, 1997.",
        "(Snyder)",
        "(Snyder 45)",
    ),
    ("en", "chapter"): E(
        "Snyder, Jack. “Perceptions of the Security Dilemma in 1914.” Psychology and "
        "Deterrence, edited by Robert Jervis et al., Johns Hopkins University Press, 1985, "
        "pp. 153–79.",
        "(Snyder)",
        "(Snyder 160)",
    ),
    ("en", "report"): E(
        "Kan, Shirley A. China/Taiwan: Evolution of the “One China” Policy. Congressional "
        f"Research Service, 10 Oct. 2014, {CRS}.",
        "(Kan)",
        "(Kan 12)",
    ),
    ("en", "webpage"): E(
        "Maizland, Lindsay. “China’s Repression of Uyghurs in Xinjiang.” Council on Foreign "
        f"Relations, 22 Sept. 2022, {CFR}.",
        "(Maizland)",
        "(Maizland, par. 3)",
    ),
    ("en", "two_authors"): E(
        "Christensen, Thomas J., and Jack Snyder. “Chain Gangs and Passed Bucks: Predicting "
        "Alliance Patterns in Multipolarity.” International Organization, vol. 44, no. 2, "
        f"1990, pp. 137–68, {DOI}10.1017/s0020818300035232.",
        "(Christensen and Snyder)",
        "(Christensen and Snyder 140)",
    ),
    ("en", "four_authors"): E(
        "Goldstein, Judith, et al. “Introduction: Legalization and World Politics.” "
        "International Organization, vol. 54, no. 3, 2000, pp. 385–99, "
        f"{DOI}10.1162/002081800551262.",
        "(Goldstein et al.)",
        "(Goldstein et al. 386)",
    ),
    ("en", "chinese_article"): E(
        f"張雅君. “{ZHANG_TITLE}.” 遠景基金會季刊, vol. 6, no. 4, 2005, pp. 1–42.",
        "(張雅君)",
        "(張雅君 15)",
    ),
    ("en", "chinese_book"): E(f"吳玉山. {WU_TITLE}. 正中書局, 1997.", "(吳玉山)", "(吳玉山 88)"),
    ("zh-hant", "chinese_article"): E(
        f"張雅君. 「{ZHANG_TITLE}」. 遠景基金會季刊, 卷 6, 期 4, 2005年, 頁 1–42.",
        "(張雅君)",
        "(張雅君 15)",
    ),
    ("zh-hant", "chinese_book"): E(
        f"吳玉山. {WU_TITLE}. 正中書局, 1997.", "(吳玉山)", "(吳玉山 88)"
    ),
}

# GB/T 7714-2015: family names of Western authors in capitals with initials and no periods;
# type marks ([J] journal article, [M] book and chapter, [C] proceedings paper, [R] report,
# [EB] web page, with /OL when online); // before the containing work; titles as written
# (no re-casing in any language); the cited page as a superscript after the citation
# (§10.1, §10.2), which the CSL style and citeproc-js drop.
_GBT_AD = {
    "article": E(
        "JERVIS R, 1978. Cooperation under the security dilemma[J/OL]. World Politics, 30(2): "
        "167-214. DOI:10.2307/2009958.",
        "(Jervis, 1978)",
        "(Jervis, 1978)<sup>170</sup>",
    ),
    "book": E(
        "SNYDER G H, 1997. Alliance politics[M]. Ithaca: Cornell University Press.",
        "(Snyder, 1997)",
        "(Snyder, 1997)<sup>45</sup>",
    ),
    "chapter": E(
        "SNYDER J, 1985. Perceptions of the security dilemma in 1914[M]//JERVIS R, LEBOW R N, "
        "STEIN J G. Psychology and deterrence. Baltimore: Johns Hopkins University Press: "
        "153-179.",
        "(Snyder, 1985)",
        "(Snyder, 1985)<sup>160</sup>",
    ),
    "report": E(
        "KAN S A, 2014. China/Taiwan: Evolution of the “One China” policy[R/OL]. Washington, "
        f"DC: Congressional Research Service. {CRS}.",
        "(Kan, 2014)",
        "(Kan, 2014)<sup>12</sup>",
    ),
    # GB/T pinpoints are pages; a paragraph number has no place in it (not checked).
    "webpage": E(
        "MAIZLAND L, 2022. China’s repression of Uyghurs in Xinjiang[EB/OL]. "
        f"(2022-09-22)[2025-03-01]. {CFR}.",
        "(Maizland, 2022)",
        None,
    ),
    "conference_paper": E(
        f"ANDERSON R, 1993. Why cryptosystems fail[C/OL]//{ACM}. New York: Association for "
        "Computing Machinery: 215-227. DOI:10.1145/168588.168615.",
        "(Anderson, 1993)",
        "(Anderson, 1993)<sup>220</sup>",
    ),
    "chinese_article": E(
        f"張雅君, 2005. {ZHANG_TITLE}[J]. 遠景基金會季刊, 6(4): 1-42.",
        "(張雅君, 2005)",
        "(張雅君, 2005)<sup>15</sup>",
    ),
    "chinese_book": E(
        f"吳玉山, 1997. {WU_TITLE}[M]. 臺北: 正中書局.",
        "(吳玉山, 1997)",
        "(吳玉山, 1997)<sup>88</sup>",
    ),
}
_GBT_NUMERIC = {
    "article": E(
        "[1] JERVIS R. Cooperation under the security dilemma[J/OL]. World Politics, 1978, "
        "30(2): 167-214. DOI:10.2307/2009958.",
        "<sup>[1]</sup>",
        "<sup>[1]170</sup>",
    ),
    "book": E(
        "[1] SNYDER G H. Alliance politics[M]. Ithaca: Cornell University Press, 1997.",
        "<sup>[1]</sup>",
        "<sup>[1]45</sup>",
    ),
    "chapter": E(
        "[1] SNYDER J. Perceptions of the security dilemma in 1914[M]//JERVIS R, LEBOW R N, "
        "STEIN J G. Psychology and deterrence. Baltimore: Johns Hopkins University Press, "
        "1985: 153-179.",
        "<sup>[1]</sup>",
        "<sup>[1]160</sup>",
    ),
    "report": E(
        "[1] KAN S A. China/Taiwan: Evolution of the “One China” policy[R/OL]. Washington, DC: "
        f"Congressional Research Service, 2014. {CRS}.",
        "<sup>[1]</sup>",
        "<sup>[1]12</sup>",
    ),
    "webpage": E(
        "[1] MAIZLAND L. China’s repression of Uyghurs in Xinjiang[EB/OL]. "
        f"(2022-09-22)[2025-03-01]. {CFR}.",
        "<sup>[1]</sup>",
        None,
    ),
    "conference_paper": E(
        f"[1] ANDERSON R. Why cryptosystems fail[C/OL]//{ACM}. New York: Association for "
        "Computing Machinery, 1993: 215-227. DOI:10.1145/168588.168615.",
        "<sup>[1]</sup>",
        "<sup>[1]220</sup>",
    ),
    "chinese_article": E(
        f"[1] 張雅君. {ZHANG_TITLE}[J]. 遠景基金會季刊, 2005, 6(4): 1-42.",
        "<sup>[1]</sup>",
        "<sup>[1]15</sup>",
    ),
    "chinese_book": E(
        f"[1] 吳玉山. {WU_TITLE}[M]. 臺北: 正中書局, 1997.",
        "<sup>[1]</sup>",
        "<sup>[1]88</sup>",
    ),
}
# More than three authors: the first three, then “et al.” (“等” in the zh-TW locale); in the
# text of author-date, the first author alone once there are two or more.
_GBT_ETAL = {
    "two_authors": (
        "CHRISTENSEN T J, SNYDER J",
        "Chain gangs and passed bucks: Predicting alliance patterns in multipolarity[J/OL]. "
        "International Organization",
        "44(2): 137-168. DOI:10.1017/s0020818300035232.",
        1990,
        "Christensen",
    ),
    "four_authors": (
        "GOLDSTEIN J, KAHLER M, KEOHANE R O, {etal}",
        "Introduction: Legalization and world politics[J/OL]. International Organization",
        "54(3): 385-399. DOI:10.1162/002081800551262.",
        2000,
        "Goldstein",
    ),
}


def _gbt(lang: str) -> tuple[dict, dict]:
    etal = {"en": "et al.", "zh-hant": "等"}[lang]
    author_date, numeric = dict(_GBT_AD), dict(_GBT_NUMERIC)
    for name, (authors, title, rest, year, first) in _GBT_ETAL.items():
        authors = authors.format(etal=etal)
        cited = f"({first} {etal}, {year})"
        author_date[name] = E(f"{authors}, {year}. {title}, {rest}", cited, None)
        # “et al.” and the period after the authors share one full stop.
        numeric[name] = E(
            f"[1] {authors.removesuffix('.')}. {title}, {year}, {rest}", "<sup>[1]</sup>", None
        )
    return author_date, numeric


EXPECTED = {}
for _style, _table in (
    ("apa", APA),
    ("chicago-author-date", CHICAGO_AD),
    ("chicago-notes-bibliography", CHICAGO_NB),
    ("modern-language-association", MLA),
):
    EXPECTED.update({(_style, lang, name): e for (lang, name), e in _table.items()})
for _lang in ("en", "zh-hant"):
    _author_date, _numeric = _gbt(_lang)
    for _name in _author_date:
        EXPECTED["china-national-standard-gb-t-7714-2015-author-date", _lang, _name] = (
            _author_date[_name]
        )
        EXPECTED["china-national-standard-gb-t-7714-2015-numeric", _lang, _name] = _numeric[_name]
