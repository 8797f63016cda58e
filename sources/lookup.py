"""Citation lookup: find a work by author, title words, year, DOI, ISBN or citation key, in
either language, with its formatted reference, its exports and everywhere the site cites it."""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Concat
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from sources.cite.engine import format_reference
from sources.cite.scripts import lang_of, mark_other_script
from sources.cite.styles import style_for
from sources.cited import for_reader, is_staff
from sources.i18n import active_language
from sources.identifiers import normalise_doi, normalise_isbn
from sources.models import Person, Source, SourceCreator
from sources.pagination import paginate

MAX_CHARS = 200
MAX_WORDS = 12
PER_PAGE = 10
# Linked under the form: one of each kind of query, in both languages.
EXAMPLES = ("Jervis 1978", "華爾茲", "同盟", "10.2307/2009958", "jervis1978")

_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?10\.\d{4,9}/\S+$", re.IGNORECASE)
_ISBN = re.compile(r"^(?:isbn(?:-?1[03])?:?\s*)?([0-9][0-9\- ]{8,16}[0-9Xx])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{3,4})[a-z]?$")  # 1978, or 1978a as keys and author-date styles write it
_CJK_DIGIT = re.compile(r"(?<=[\u3400-\u9fff])(?=\d)|(?<=\d)(?=[\u3400-\u9fff])")
_SEPARATORS = re.compile(r"[\s,;:()\[\]“”\"'「」《》〈〉、，。]+")
# Words of an author list that name nobody: “Snyder and Diesing”, “Jervis et al.”, “盧業中等”.
_CONNECTORS = {"and", "&", "et", "al", "al.", "ed", "ed.", "eds", "eds.", "等", "和", "與"}


class LookupForm(forms.Form):
    q = forms.CharField(
        label=_("Author, title, year, DOI, ISBN or citation key"),
        required=False,
        widget=forms.SearchInput(attrs={"aria-describedby": "lookup-hint"}),
        max_length=MAX_CHARS,
        error_messages={
            "max_length": _(
                "That is longer than any citation: use at most %(limit_value)d characters."
            )
        },
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(words(query)) > MAX_WORDS:
            raise ValidationError(
                _("Use at most %(n)d words: a family name and a year are usually enough."),
                params={"n": MAX_WORDS},
            )
        return query


def words(query: str) -> list[str]:
    """The words of a query; 傑維斯1978 is two words, and connectors are no words at all."""
    query = _CJK_DIGIT.sub(" ", query)
    return [w for w in _SEPARATORS.split(query) if w and w.lower() not in _CONNECTORS]


def as_doi(query: str) -> str:
    """The bare DOI a query spells (10.2307/2009958, doi:…, https://doi.org/…), or ""."""
    if not _DOI.match(query):
        return ""
    try:
        return normalise_doi(query)
    except ValidationError:
        return ""


def as_isbn(query: str) -> str:
    """The ISBN-13 of a query that is a valid ISBN-10 or ISBN-13 (hyphens allowed), or ""."""
    match = _ISBN.match(query)
    if not match:
        return ""
    digits = re.sub(r"[\s-]", "", match.group(1))
    if len(digits) not in (10, 13):
        return ""
    try:
        return normalise_isbn(digits)
    except ValidationError:
        return ""


def _by_author(word: str) -> Q:
    # Romanised names, the name in its own script (盧業中, written without a space) and the
    # usual Chinese rendering of a foreign name (傑維斯).
    people = Person.objects.annotate(
        original=Concat("family_name_original", "given_name_original")
    ).filter(
        Q(family_name__icontains=word)
        | Q(given_name__icontains=word)
        | Q(original__icontains=word)
        | Q(name_zh_hant__icontains=word)
    )
    return Q(Exists(SourceCreator.objects.filter(source=OuterRef("pk"), person__in=people)))


def _by_title(word: str) -> Q:
    return (
        Q(title__icontains=word)
        | Q(translated_title__icontains=word)
        | Q(original_title__icontains=word)
    )


def matching(query: str) -> Q:
    """The condition a source must meet to answer the query: its DOI or ISBN when the query is
    one; otherwise its citation key, or every word found in an author's name or the title (a
    year-like word may also be the year)."""
    query = query.strip()
    if doi := as_doi(query):
        return Q(doi=doi)
    if isbn := as_isbn(query):
        return Q(isbn=isbn)
    condition = Q()
    for word in words(query):
        if year := _YEAR.match(word):
            condition &= Q(year=int(year.group(1))) | _by_title(word)
        else:
            condition &= _by_author(word) | _by_title(word)
    return Q(citation_key=query.lower()) | condition


@dataclass
class Result:
    source: Source
    reference: SafeString  # the formatted reference, other-script runs marked with lang
    citations: list


def _result(request, source, style_id: str, lang: str) -> Result:
    return Result(
        source=source,
        reference=mark_other_script(format_reference(source, style_id, lang).html, lang),
        citations=for_reader(source.citations.all(), request),
    )


def lookup(request):
    form = LookupForm(request.GET)
    context = {
        "form": form,
        "query": "",
        "page": None,
        "results": [],
        "examples": [(example, lang_of(example)) for example in EXAMPLES],
    }
    if not form.is_valid():
        return render(request, "sources/lookup.html", context, status=400)
    query = form.cleaned_data["q"].strip()
    if query:
        style = style_for(request)
        lang = active_language()
        sources = Source.objects.filter(matching(query)).for_detail().by_first_author()
        page = paginate(request, sources, per_page=PER_PAGE)
        context.update(
            query=query,
            # The query as typed, in its own language (the page may be in the other).
            query_span=format_html('<span lang="{}">{}</span>', lang_of(query), query),
            page=page,
            style=style,
            show_drafts=is_staff(request),
            results=[_result(request, source, style.id, lang) for source in page.object_list],
        )
    return render(request, "sources/lookup.html", context)
