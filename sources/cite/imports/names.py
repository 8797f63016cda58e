"""Names as files give them, turned into Name records: Chinese names are kept in their own
script and romanised with pinyin; everything else is taken as written."""

import re

from pypinyin import lazy_pinyin

from sources.cite.imports.entry import Name
from sources.cite.keys import fold

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NON_LATIN_SCRIPT = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")  # kana, hangul

# Two-character family names, so that 歐陽修 is 歐陽 + 修 rather than 歐 + 陽修.
COMPOUND_SURNAMES = frozenset(
    "歐陽 欧阳 司馬 司马 諸葛 诸葛 上官 東方 东方 司徒 夏侯 皇甫 尉遲 尉迟 公孫 公孙 慕容 "
    "長孫 长孙 宇文 令狐 張簡 张简 范姜 端木 軒轅 轩辕 西門 西门 南宮 南宫".split()
)
# Characters read differently as family names than in running text.
SURNAME_READINGS = {
    "單": "shan",
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "區": "ou",
    "区": "ou",
    "查": "zha",
    "繆": "miao",
    "缪": "miao",
    "樂": "yue",
    "乐": "yue",
    "覃": "qin",
    "朴": "piao",
    "長孫": "zhangsun",
    "长孙": "zhangsun",
    "尉遲": "yuchi",
    "尉迟": "yuchi",
}


def is_chinese(text: str) -> bool:
    """Han characters and no Latin letters: a name written only in Chinese script."""
    return bool(HAN.search(text)) and not _LATIN.search(text)


def pinyin(text: str, *, surname: bool = False) -> str:
    """`Xuetong` for 學通; `Shan` for the family name 單."""
    if surname and text in SURNAME_READINGS:
        return SURNAME_READINGS[text].capitalize()
    head = SURNAME_READINGS.get(text[:1]) if surname else None
    syllables = (
        [head, *lazy_pinyin(text[1:], v_to_u=True)] if head else lazy_pinyin(text, v_to_u=True)
    )
    return "".join(syllables).capitalize()


def split_chinese(full: str) -> tuple[str, str]:
    """閻學通 → (閻, 學通): family name first, one character unless a known compound."""
    full = re.sub(r"\s+", "", full)
    if len(full) > 2 and full[:2] in COMPOUND_SURNAMES:
        return full[:2], full[2:]
    return full[:1], full[1:]


def make_name(family: str, given: str = "") -> Name:
    """A Name from a family and given name as a file gives them, in whatever script."""
    family, given = _clean(family), _clean(given)
    if is_chinese(family + given):
        if not given:
            family, given = split_chinese(family)
        return Name(
            family=pinyin(family, surname=True),
            given=pinyin(given),
            family_original=family,
            given_original=given,
            eastern=True,
        )
    return Name(family=family, given=given)


def from_literal(text: str) -> Name:
    """A name given in one piece: Chinese script is split into family and given name; other
    text (an organisation, or a name the file did not divide) is kept whole as the family
    name, since guessing a split would be wrong for organisations."""
    text = _clean(text)
    if is_chinese(text):
        return make_name(text)
    return Name(family=text)


def needs_romanisation(name: Name) -> bool:
    """True when the name is in a script we cannot romanise (kana, hangul)."""
    return bool(_NON_LATIN_SCRIPT.search(name.family + name.given))


def fold_name(text: str) -> str:
    """A name part without accents, case, full stops or hyphens (Michèle B. → michele b)."""
    text = fold(text).casefold().replace(".", " ").replace("-", " ")
    return " ".join(text.split())


def match_key(family: str, given: str) -> str:
    """What two spellings of one name share: accents, case, full stops and hyphens do not
    matter (Michèle B. = Michele B); initials do not match full names (R. ≠ Robert)."""
    return f"{fold_name(family)}|{fold_name(given)}"


def may_be_same(given: str, other: str) -> bool:
    """Given names that could belong to one person: R. and Robert, Glenn and Glenn H.; not
    Robert and Richard."""
    mine, theirs = fold_name(given).split(), fold_name(other).split()
    if not mine or not theirs:
        return False
    a, b = "".join(w[0] for w in mine), "".join(w[0] for w in theirs)
    if not (a.startswith(b) or b.startswith(a)):
        return False
    return len(mine[0]) == 1 or len(theirs[0]) == 1 or mine[0] == theirs[0]


def _clean(text: str) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]", " ", (text or "").replace("{", "").replace("}", ""))
    return " ".join(text.split())
