"""Marking the other language inside formatted references, which mix scripts freely (“IR Atlas
國關概念圖譜”, a Chinese title in an English reference list): runs of Chinese on an English
page, and of Latin script on a Chinese page, get their own `lang`, so screen readers switch
voice and browsers pick the right fonts."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TAG = re.compile(r"(<[^>]*>)")
# Han characters with the CJK punctuation and full-width forms that belong to them.
_HAN_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Latin words with what joins them inside a name, title or URL; it ends on a letter, a digit
# or a slash, so the sentence's own punctuation stays outside.
_LETTER = r"A-Za-z\u00c0-\u024f"
_LATIN_RUN = re.compile(
    rf"[{_LETTER}][0-9_{_LETTER} .,:;'’&/\-–?=#%+@~()]*[0-9{_LETTER}/]|[{_LETTER}]"
)


def _wrap(text: str, pattern, lang: str, keep=lambda run: True) -> str:
    out, last = [], 0
    for match in pattern.finditer(text):
        if not keep(match.group()):
            continue
        out.append(escape(text[last : match.start()]))
        out.append(f'<span lang="{lang}">{escape(match.group())}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def mark_other_script(markup: str, lang: str) -> SafeString:
    """`markup` (trusted HTML, e.g. the engine's output) with runs of the other script wrapped
    in <span lang>: Chinese on an English page (`lang` "en"), Latin on a Chinese one."""
    parts = []
    for part in _TAG.split(str(markup)):
        if part.startswith("<") or not part:
            parts.append(part)
            continue
        text = html.unescape(part)
        if lang == "en":
            parts.append(_wrap(text, _HAN_RUN, "zh-Hant", keep=lambda run: _HAN.search(run)))
        else:
            parts.append(_wrap(text, _LATIN_RUN, "en"))
    return mark_safe("".join(parts))


def lang_of(text: str) -> str:
    """The HTML language of a short text a reader typed: zh-Hant if it has Chinese, else en."""
    return "zh-Hant" if _HAN.search(text or "") else "en"
