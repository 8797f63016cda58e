"""Public pages for sources and the people who wrote them."""

from itertools import groupby

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from sources.collation import index_letter
from sources.models import ItemType, Person, Source
from sources.pagination import paginate


class SourceFilterForm(forms.Form):
    """The filters of the sources list; choices come from the data so the selects never offer
    a filter that matches nothing."""

    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        error_messages={"invalid_choice": _("There is no source type “%(value)s”.")},
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=0,
        max_value=2100,
        error_messages={"invalid": _("The year must be a number, such as 1978.")},
    )
    author = forms.ChoiceField(
        label=_("Author"),
        required=False,
        error_messages={
            "invalid_choice": _("There is nobody called “%(value)s” among our authors.")
        },
    )

    def __init__(self, data, *, years, authors):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *ItemType.choices]
        self.fields["year"].widget = forms.Select(
            choices=[("", _("All years")), *((y, y) for y in years)]
        )
        self.fields["author"].choices = [
            ("", _("All authors")),
            *((p.slug, p.display_name) for p in authors),
        ]


def source_list(request):
    form = SourceFilterForm(
        request.GET,
        years=Source.objects.years(),
        authors=Person.objects.with_works().alphabetical(),
    )
    context = {"form": form, "page": None, "filtered": False}
    if not form.is_valid():
        return render(request, "sources/source_list.html", context, status=400)
    sources = Source.objects.for_list().by_first_author()
    filters = form.cleaned_data
    if filters["type"]:
        sources = sources.filter(item_type=filters["type"])
    if filters["year"] is not None:
        sources = sources.filter(year=filters["year"])
    if filters["author"]:
        sources = sources.by_author(filters["author"])
    context["page"] = paginate(request, sources)
    context["filtered"] = any(v not in ("", None) for v in filters.values())
    return render(request, "sources/source_list.html", context)


def source_detail(request, key):
    if key != key.lower():
        # Citation keys are lower case (a database constraint); JerVis1978 means jervis1978.
        return redirect("sources:detail", key=key.lower(), permanent=True)
    source = get_object_or_404(Source.objects.for_detail(), citation_key=key)
    citations = source.citations.all()
    is_staff = request.user.is_authenticated and request.user.is_staff
    if not is_staff:
        citations = [c for c in citations if c.is_visible()]
    context = {"source": source, "citations": citations, "show_drafts": is_staff}
    return render(request, "sources/source_detail.html", context)


def person_list(request):
    people = Person.objects.with_work_counts().alphabetical()
    letters = [
        (letter, list(group))
        for letter, group in groupby(people, key=lambda p: index_letter(p.family_name))
    ]
    return render(request, "sources/person_list.html", {"letters": letters})


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.for_detail(), slug=slug)
    return render(request, "sources/person_detail.html", {"person": person})
