"""The interface in both languages: URL prefixes, the switcher, and complete catalogs."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from sources.collation import index_letter, zhuyin_key
from sources.i18n import Translated


def test_root_redirects_to_a_language_prefix(visitor, db):
    response = visitor.get("/")
    assert response.status_code == 302
    assert response["Location"] in ("/zh-hant/", "/en/")


def test_root_honours_the_browser_language(visitor, db):
    response = visitor.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("/en/concepts/security-dilemma/", "/zh-hant/concepts/security-dilemma/"),
        ("/zh-hant/cases/cold-war/", "/en/cases/cold-war/"),
        ("/en/sources/?type=book", "/zh-hant/sources/?type=book"),
    ],
)
def test_language_switcher_keeps_you_on_the_same_page(visitor, sample, path, other):
    soup = BeautifulSoup(visitor.get(path).content, "html.parser")
    switcher = soup.select_one("nav.language-switcher")
    assert other in [a["href"] for a in switcher.find_all("a")]
    assert visitor.get(other).status_code == 200


def test_interface_strings_follow_the_language(visitor, sample):
    en = visitor.get("/en/concepts/").content.decode()
    zh = visitor.get("/zh-hant/concepts/").content.decode()
    assert "Concepts" in en
    assert "概念" in zh


def test_content_falls_back_with_a_visible_marker(visitor, sample):
    # The alliance dilemma has no Chinese summary: Chinese readers see the English one, marked.
    html = visitor.get("/zh-hant/concepts/alliance-dilemma/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    fallback = soup.find(lang="en", string="Allies fear both abandonment and entrapment.")
    assert fallback is not None
    assert fallback.find_next_sibling(class_="fallback") is not None


def test_translated_reads_the_active_language(sample):
    from django.utils import translation

    with translation.override("zh-hant"):
        name = sample.security_dilemma.name
    assert (name, name.lang, name.is_fallback) == ("安全困境", "zh-hant", False)
    with translation.override("zh-hant"):
        summary = sample.alliance_dilemma.summary
    assert isinstance(summary, Translated) and summary.is_fallback and summary.lang == "en"


def test_chinese_sorts_in_zhuyin_order():
    words = [
        "修昔底德陷阱",
        "安全困境",
        "同盟困境",
        "螺旋模型",
        "軍備競賽",
        "囚徒困境",
        "防禦性現實主義",
    ]
    ordered = sorted(words, key=zhuyin_key)
    # ㄈ(防) ㄊ(同) ㄌ(螺) ㄐ(軍) ㄑ(囚) ㄒ(修) ㄢ(安): the order of a Taiwanese dictionary index.
    assert ordered == [
        "防禦性現實主義",
        "同盟困境",
        "螺旋模型",
        "軍備競賽",
        "囚徒困境",
        "修昔底德陷阱",
        "安全困境",
    ]
    assert index_letter(zhuyin_key("同盟困境")) == "ㄊ"
    assert index_letter(zhuyin_key("Thucydides")) == "T"


def test_every_interface_string_is_translated_to_chinese():
    po = Path(settings.BASE_DIR, "locale", "zh_Hant", "LC_MESSAGES", "django.po")
    assert po.exists(), "run makemessages -l zh_Hant and translate"
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1], "fuzzy entries are not used by gettext"
    entries = text.split("\n\n")[1:]
    untranslated = [
        e for e in entries if e.strip().endswith('msgstr ""') and "msgid_plural" not in e
    ]
    assert not untranslated, f"{len(untranslated)} untranslated strings, e.g. {untranslated[:3]}"
    assert po.with_suffix(".mo").exists(), "compile the catalog (compilemessages)"


def test_validation_messages_are_translated():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from sources.identifiers import normalise_doi

    with translation.override("zh-hant"):
        with pytest.raises(ValidationError) as error:
            normalise_doi("2009958")
        # Messages are lazy: read them while Chinese is active.
        assert "不是 DOI" in error.value.messages[0]
