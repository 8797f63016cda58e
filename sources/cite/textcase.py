"""Text casing and punctuation as citeproc-js (the processor Zotero uses) does them.

citeproc-py capitalises every word not in the CSL spec's short stop-word list ("Cooperation
Under the…"), capitalises Chinese titles' neighbours, and joins punctuation blindly
(“Title”. and “Why?”.). These functions work on the HTML citeproc-py produces: tags and the
style's quotation marks are left alone and split words, as in citeproc-js.
"""

import re

# citeproc-js's list (CSL.SKIP_WORDS): words that title case leaves in lower case.
STOP_WORDS = frozenset(
    """about above across afore after against al along alongside amid amidst among amongst
    anenst apropos apud around as aside astride at athwart atop barring before behind below
    beneath beside besides between beyond but by circa despite down during et except for
    forenenst from given in inside into lest like modulo near next notwithstanding of off on
    onto out over per plus pro qua sans since than through thru throughout thruout till to
    toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with
    within without or yet so and nor a an the de d' von van c ca""".split()
)

# Latin, Greek, Cyrillic, Hebrew, Arabic, Thai: scripts that have italics and word spaces.
ROMANESQUE = re.compile(
    "[0-9a-zA-Z\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff"
    "\u0e01-\u0e5b\u1f00-\u1fff]"
)
STARTS_ROMANESQUE = re.compile(
    "^[&a-zA-Z\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff"
    "\u0e01-\u0e5b\u1f00-\u1fff]"
)

# What splits a title into runs of words: markup, quotation marks, brackets and punctuation.
_SPLIT = re.compile(r"(<[^>]+>|&[a-z]+;|&#\d+;|[‘’“”「」『』\"'\[\]()\-–—/.,;?!:])")
_OPENING_TAGS = re.compile(r"<(sup|sub|span)\b")


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _is_word_run(piece: str) -> bool:
    return not _SPLIT.fullmatch(piece)


def title_case(text: str) -> str:
    """CSL title case: capitalise each lower-case word except stop words, but always the first
    and last word and a word after a colon, question or exclamation mark."""
    pieces = _SPLIT.split(text)
    first, after_punct, last = True, False, None
    skip_depth = 0  # inside <sup>, <sub> or a small-caps span nothing is re-cased
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        if not _is_word_run(piece):
            if piece.startswith("</") and skip_depth:
                skip_depth -= 1
            elif _OPENING_TAGS.match(piece):
                skip_depth += 1
            elif piece in ("!", "?", ":"):
                after_punct = True
            continue
        if skip_depth:
            continue
        words = re.split(r"(\s+)", piece)
        following = pieces[i + 1] if i + 1 < len(pieces) else ""
        for j, word in enumerate(words):
            if not word or word.isspace():
                continue
            lower = word.lower()
            capitalise = (
                (len(word) > 1 and lower.rstrip("!?:") not in STOP_WORDS)
                or (j == len(words) - 1 and following == "-")
                or first
                or after_punct
            )
            if capitalise and word == lower:
                words[j] = _capitalise(word)
            first = after_punct = False
            last = (i, j, words)
        pieces[i] = "".join(words)
    if last:
        i, j, words = last
        word = words[j]
        if len(word) > 1 and word.lower() in STOP_WORDS and word == word.lower():
            words[j] = _capitalise(word)
            pieces[i] = "".join(words)
    return "".join(pieces)


def _map_words(text: str, function) -> str:
    return "".join(
        function(piece) if piece and _is_word_run(piece) else piece for piece in _SPLIT.split(text)
    )


def capitalize_first(text: str) -> str:
    """Capitalise the first word if it is all lower case."""
    pieces = _SPLIT.split(text)
    for i, piece in enumerate(pieces):
        if piece and _is_word_run(piece) and piece.strip():
            match = re.match(r"(\s*)(\S+)(.*)", piece, re.S)
            lead, word, rest = match.groups()
            if word == word.lower():
                pieces[i] = lead + _capitalise(word) + rest
            break
    return "".join(pieces)


def capitalize_all(text: str) -> str:
    return _map_words(
        text,
        lambda run: re.sub(
            r"\S+", lambda m: _capitalise(m[0]) if m[0] == m[0].lower() else m[0], run
        ),
    )


def sentence_case(text: str) -> str:
    return capitalize_first(_map_words(text, str.lower))


CASES = {
    "lowercase": lambda text: _map_words(text, str.lower),
    "uppercase": lambda text: _map_words(text, str.upper),
    "capitalize-first": capitalize_first,
    "capitalize-all": capitalize_all,
    "title": title_case,
    "sentence": sentence_case,
}


# --- Punctuation --------------------------------------------------------------------------

# A closing quotation mark the style added (not one in the data) is followed by this private
# character, so that punctuation moves only across the style's own quotes.
QUOTE_END = "\uf8f0"

# citeproc-js's table: what two adjacent punctuation marks become (left mark, then right).
_MERGE = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
_PUNCT = "!?.:,;"
# Two marks with closing tags or a style quotation mark between them, or side by side.
_SEAM = re.compile(
    r"([!?.:,;])((?:</[a-z]+>)*(?:[”’」』»]" + QUOTE_END + r")?(?:</[a-z]+>)*)([!?.:,;])"
)
_INTO_QUOTE = re.compile(
    r"(.)((?:</[a-z]+>)*)([”’」』»])" + QUOTE_END + r"((?:</[a-z]+>)*)([.,])", re.S
)


def _merge(left: str, right: str) -> str:
    if left == right:
        return left
    return _MERGE[left].get(right, left + right)


def tidy_punctuation(html: str, *, punctuation_in_quote: bool) -> str:
    """Merge doubled punctuation across markup (“Why?”. → “Why?”) and, where the locale
    says so (en-US), move periods and commas inside the style's closing quotation marks."""
    if punctuation_in_quote:

        def move_in(m):
            before, closing, quote, after, punct = m.groups()
            inside = _merge(before, punct) if before in _PUNCT else before + punct
            return inside + closing + quote + QUOTE_END + after

        previous = None
        while previous != html:  # through nested quotes: ‘Dilemma’.” → ‘Dilemma.’”
            previous, html = html, _INTO_QUOTE.sub(move_in, html)

    def merge(m):
        left, between, right = m.groups()
        if not between and left == right:
            return m[0]  # an ellipsis in the data; citeproc-py already merges its own seams
        merged = _merge(left, right)
        if len(merged) == 1:
            return merged + between
        return m[0]  # “Why?”, keeps both marks

    previous = None
    while previous != html:
        previous, html = html, _SEAM.sub(merge, html)
    return html.replace(QUOTE_END, "")
