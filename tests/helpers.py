"""Small helpers shared by the page tests."""

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation


def soup(response) -> BeautifulSoup:
    """The response's HTML, parsed."""
    return BeautifulSoup(response.content, "html.parser")


def url(name, lang, *args) -> str:
    """The URL of a named page in a language (`url("concepts:list", "en")`)."""
    with translation.override(lang):
        return reverse(name, args=args)
