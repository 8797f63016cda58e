"""Folding and tokenising, the same for documents and queries and for both databases.

Text is folded (NFKC, case-folded, Chinese converted to Simplified with OpenCC, so that 冷戰
and 冷战 meet) into segments: words, and runs of Chinese or Japanese characters, which have no
spaces between words. Words become their Snowball stems (dilemmas → dilemma); runs become
their characters and overlapping bigrams, so that one- and two-character queries match inside
words. Both databases index these token strings with their own full-text index.
"""

import hashlib
import re
import unicodedata

import opencc
import Stemmer

# Han (with the extensions and compatibility forms) and kana: scripts written without spaces.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_SEGMENT = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
_IS_CJK = re.compile(rf"[{CJK}]")
# Longer "words" are junk (hashes, runs of digits) and would exceed index limits.
MAX_TOKEN = 60

_to_simplified = opencc.OpenCC("t2s")
_stemmer = Stemmer.Stemmer("english")
# Character → folded form, filled as characters are met: folding character by character keeps
# positions mappable for highlighting, and a 乾 folds the same alone as inside 乾隆.
_table: dict[int, str] = {}


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return _to_simplified.convert(folded) if _IS_CJK.search(folded) else folded


def fold_chars(text: str) -> str:
    """The text folded character by character (no segmentation); see `fold_pieces`."""
    for ch in set(text):
        if ord(ch) not in _table:
            _table[ord(ch)] = _fold_char(ch)
    return text.translate(_table)


def fold_pieces(text: str) -> list[str]:
    """The folded form of each character of `text`, for mapping matches back to it."""
    fold_chars(text)
    return [_table[ord(ch)] for ch in text]


def fold(text: str) -> str:
    """The text as comparable segments separated by single spaces: "Cold War, 冷戰" →
    "cold war 冷战". Punctuation and spacing are gone; scripts are split apart."""
    return " ".join(_SEGMENT.findall(fold_chars(text or "")))


def is_cjk(ch: str) -> bool:
    return bool(_IS_CJK.match(ch))


def stem(word: str) -> str:
    return _stemmer.stemWord(word[:MAX_TOKEN])


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def tokens(folded: str, *, surface: bool = False) -> list[str]:
    """The index tokens of folded text, without repeats. With `surface`, words are kept as
    written besides their stems (for titles and names: prefixes and exact words)."""
    segments = set(folded.split())
    runs = [s for s in segments if is_cjk(s[0])]
    latin = [s[:MAX_TOKEN] for s in segments if not is_cjk(s[0])]
    out = set(_stemmer.stemWords(latin))
    if surface:
        out.update(latin)
    out.update("".join(runs))
    out.update(run[i : i + 2] for run in runs for i in range(len(run) - 1))
    return sorted(out)


def words(folded: str) -> set[str]:
    """The alphabetic words of folded text worth correcting a typo towards."""
    return {s for s in folded.split() if 3 <= len(s) <= 30 and s.isalpha() and not is_cjk(s[0])}


def stem_key(folded: str) -> str:
    """Folded text with each word stemmed, so that "Security Dilemmas" equals "security
    dilemma" when whole titles are compared."""
    return " ".join(s if is_cjk(s[0]) else stem(s) for s in folded.split())


def key_token(key: str) -> str:
    """A token standing for a whole title or name (its stem key), so that an exact match is
    found in the index however common its words are."""
    return "x" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def ident_token(kind: str, value: str) -> str:
    """A token standing for an identifier (`key`, `doi`, `isbn`), found only by that lookup."""
    return "i" + hashlib.blake2b(f"{kind}:{value}".encode(), digest_size=8).hexdigest()


def plain(markdown: str) -> str:
    """Readable text of a Markdown body: citations, emphasis and link targets removed."""
    text = _CITATION.sub("", markdown or "")
    text = _LINK.sub(r"\1", text)
    return _MARKUP.sub("", text)


_CITATION = re.compile(r"\s?\[[^\[\]]*@[^\[\]]*\]|(?<![\w@])-?@[\w:.#$%&+?<>~/-]+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"(?m)^#{1,6}\s+|^>\s?|[*_`]+")
