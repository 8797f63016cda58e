"""Bilingual content: one column per language, read in the active language with a fallback.

Models declare `name_zh_hant` and `name_en` columns and a `name = TranslatedField()`; reading
`obj.name` gives a `Translated` string that knows which language it is in and whether it fell
back, so templates can mark fallbacks and set `lang` on the passage.
"""

from django.utils.translation import get_language

LANGUAGES = ("zh-hant", "en")
HTML_LANG = {"zh-hant": "zh-Hant", "en": "en"}


def active_language() -> str:
    """The active language as one of LANGUAGES (the default when none is active)."""
    code = (get_language() or LANGUAGES[0]).lower()
    return code if code in LANGUAGES else ("en" if code.startswith("en") else LANGUAGES[0])


def other_language(lang: str) -> str:
    return LANGUAGES[1] if lang == LANGUAGES[0] else LANGUAGES[0]


def column(field: str, lang: str) -> str:
    return f"{field}_{lang.replace('-', '_')}"


class Translated(str):
    """A string that remembers its language and whether it is a fallback."""

    lang: str
    is_fallback: bool

    def __new__(cls, value: str, lang: str, is_fallback: bool = False):
        obj = super().__new__(cls, value)
        obj.lang = lang
        obj.is_fallback = is_fallback
        return obj

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.lang]


class TranslatedField:
    """Descriptor reading `<field>_<lang>` for the active language, else the other one."""

    def __init__(self, columns: dict[str, str] | None = None):
        self.columns = columns

    def __set_name__(self, owner, name):
        self.name = name

    def column_for(self, lang: str) -> str:
        return self.columns[lang] if self.columns else column(self.name, lang)

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        active = active_language()
        for lang in (active, other_language(active)):
            value = getattr(obj, self.column_for(lang))
            if value:
                return Translated(value, lang, is_fallback=lang != active)
        return Translated("", active)
