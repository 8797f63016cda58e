"""Text in the other language carries its own `lang`, so screen readers switch voice and
browsers pick the right fonts: Chinese on English pages and English on Chinese pages."""

import pytest

from tests.browser.conftest import LANGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Pages where the sample world mixes languages, beside one page of every type.
MIXED = [
    "concepts/security-dilemma/",  # other-language name, alternative terms
    "concepts/alliance-dilemma/",  # English-only summary and body on the Chinese page
    "sources/lu2015/",  # a Chinese source with an English translated title
    "people/lu-yeh-chung/",  # a name in both scripts and a Chinese-only note
    "cases/cuban-missile-crisis/",  # English-only summary
]

# Every text node of <body> that is in the other script, with the `lang` it inherits. On
# English pages that is any Han character; on Chinese pages a run of Latin words, leaving out
# URLs, DOIs and the like (which are in no language).
FOREIGN_TEXT = """(lang) => {
  const han = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
  const latinWords = /[A-Za-z]{3,}[\\s.,:;'’-]+[A-Za-z]{2,}|[A-Za-z]{4,}/;
  const url = /^(https?:\\/\\/|www\\.|doi:|10\\.\\d)/i;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    const parent = node.parentElement;
    if (!text || parent.closest("script, style") || !parent.checkVisibility()) continue;
    const foreign = lang === "en" ? han.test(text) : latinWords.test(text) && !url.test(text);
    if (!foreign) continue;
    const inherited = parent.closest("[lang]").lang;
    found.push({text: text.slice(0, 60), lang: inherited, tag: parent.tagName});
  }
  return found;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_text_in_the_other_language_is_marked_with_its_lang(pages, open_tab, desktop, lang):
    tab = open_tab(desktop)
    paths = sorted({*pages[lang].values(), *(f"/{lang}/{path}" for path in MIXED)})
    expected = "zh" if lang == "en" else "en"
    unmarked = []
    foreign_seen = 0
    for path in paths:
        found = tab.goto(path).evaluate(FOREIGN_TEXT, lang)
        foreign_seen += len(found)
        unmarked += [
            f"{path}: <{n['tag'].lower()}> {n['text']!r} has lang={n['lang']!r}"
            for n in found
            if not n["lang"].lower().startswith(expected)
        ]
    # The sample world puts both languages on these pages: finding none means a broken probe.
    assert foreign_seen > 10
    assert not unmarked, "\n".join(unmarked)
