"""Sort keys that order Chinese the way Taiwanese readers expect: by Zhuyin (注音) order.

Unicode lays out the Bopomofo letters ㄅ…ㄩ in their traditional order, so comparing the
Zhuyin spelling of each syllable (with the tone as a digit) orders words as a Taiwanese
dictionary index does; non-Chinese text sorts before Chinese, case-folded.
"""

from pypinyin import Style, lazy_pinyin

_TONES = {"ˊ": "2", "ˇ": "3", "ˋ": "4", "˙": "5"}
BOPOMOFO_FIRST, BOPOMOFO_LAST = "\u3105", "\u3129"


def _syllable_key(syllable: str) -> str:
    tone = "1"
    for mark, digit in _TONES.items():
        if mark in syllable:
            syllable, tone = syllable.replace(mark, ""), digit
    return syllable + tone


def zhuyin_key(text: str) -> str:
    """A string whose ordinary (codepoint) order is Zhuyin order for Chinese text."""
    parts = []
    for syllable in lazy_pinyin(text.strip(), style=Style.BOPOMOFO):
        if syllable and BOPOMOFO_FIRST <= syllable[0] <= BOPOMOFO_LAST:
            parts.append(_syllable_key(syllable))
        else:
            parts.append(syllable.strip().casefold())
    return " ".join(p for p in parts if p)


def index_letter(key: str) -> str:
    """The heading a key files under in an A–Z or ㄅ–ㄩ index."""
    first = key[:1]
    if BOPOMOFO_FIRST <= first <= BOPOMOFO_LAST:
        return first
    return first.upper() if first.isalpha() else "#"


def sorted_by_label(items):
    """Objects with a translated `label` in index order (Zhuyin for Chinese, A–Z otherwise)."""
    return sorted(items, key=lambda item: (zhuyin_key(item.label), item.slug))
