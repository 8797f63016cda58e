"""Absolute URLs for the API: of the site's pages in both languages, and of the API itself.

The base (scheme and host) comes from the request, or for the dump command from --base-url, so
that a dump made on the server names the same URLs as the API does.
"""

from django.urls import reverse
from django.utils import translation

from sources.i18n import LANGUAGES

# The API's language keys are BCP 47 tags; the site's URLs use Django's lower-case codes.
API_LANG = {"en": "en", "zh-hant": "zh-Hant"}


def bilingual(obj, field: str) -> dict[str, str]:
    """{"en": …, "zh-Hant": …} from the `<field>_en` and `<field>_zh_hant` columns."""
    return {"en": getattr(obj, f"{field}_en"), "zh-Hant": getattr(obj, f"{field}_zh_hant")}


class Links:
    def __init__(self, base: str):
        self.base = base.rstrip("/")

    @classmethod
    def for_request(cls, request) -> "Links":
        return cls(f"{request.scheme}://{request.get_host()}")

    def absolute(self, path: str) -> str:
        return self.base + path

    def html(self, obj) -> dict[str, str]:
        """The object's page in each language (its get_absolute_url, fragment included)."""
        urls = {}
        for lang in LANGUAGES:
            with translation.override(lang):
                urls[API_LANG[lang]] = self.base + obj.get_absolute_url()
        return urls

    def api(self, name: str, **kwargs) -> str:
        return self.base + reverse(f"api:{name}", kwargs=kwargs)
