"""Citation keys: lower-case family name of the first author, year, and a letter when needed
(jervis1978, jervis1978a). Existing keys are never changed; new ones avoid every key taken."""

import re
import string
import unicodedata
from collections.abc import Iterable
from itertools import count, product

from pypinyin import lazy_pinyin

from sources.models import Source

KEY_MAX_LENGTH = Source._meta.get_field("citation_key").max_length
_VALID = re.compile(r"^[a-z0-9][a-z0-9_:.\-]*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Latin letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
    }
)


def fold(text: str) -> str:
    """Latin text without accents (Bättig → Battig, Rød → Rod), case kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def to_ascii(text: str) -> str:
    """Lower-case ASCII letters and digits only; Chinese characters become pinyin."""
    if _HAN.search(text):
        text = "".join(lazy_pinyin(text))
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def is_valid_key(key: str) -> bool:
    return bool(key) and len(key) <= KEY_MAX_LENGTH and bool(_VALID.match(key))


def key_stem(family: str, year: int | None, *, title: str = "") -> str:
    """`jervis1978`; `nd` stands for a missing year, and a work without a named creator is
    keyed by the first word of its title, as reference lists file it."""
    who = to_ascii(family)
    if not who:
        words = [to_ascii(w) for w in title.split()]
        words = [w for w in words if w and w not in {"a", "an", "the"}]
        who = words[0] if words else "anon"
    when = str(year) if year else "nd"
    return f"{who[: KEY_MAX_LENGTH - len(when) - 3]}{when}"


def _suffixes():
    # a … z, then aa, ab … as Pandoc and Better BibTeX do.
    for length in count(1):
        for letters in product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)


class KeyRegistry:
    """Every key in use (database and file so far); hands out keys that are free."""

    def __init__(self, taken: Iterable[str] = ()):
        self._taken = {key.lower() for key in taken}

    def is_free(self, key: str) -> bool:
        return key.lower() not in self._taken

    def claim(self, key: str) -> str:
        key = key.lower()
        self._taken.add(key)
        return key

    def new(self, stem: str) -> str:
        """The stem itself when free, otherwise the stem with the first free letter."""
        if self.is_free(stem):
            return self.claim(stem)
        for suffix in _suffixes():
            if self.is_free(stem + suffix):
                return self.claim(stem + suffix)
        raise AssertionError("unreachable: the suffixes never run out")
