"""The public case pages: the case list, one case, and the actors that take part in cases."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from cases.dates import Period
from cases.models import Actor, Case, Region
from sources.collation import sorted_by_label
from sources.content import Status, get_visible_or_404
from sources.pagination import paginate
from sources.references import reference_list


class CaseFilterForm(forms.Form):
    """The case-list filters; an unknown value makes the form invalid rather than matching all."""

    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    period = forms.ChoiceField(
        label=_("Period"), required=False, choices=[("", _("All periods")), *Period.choices]
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("All tags")), *((t.slug, t.label) for t in tags)]


def case_list(request):
    published = Case.objects.published()
    form = CaseFilterForm(request.GET, tags=sorted_by_label(published.used_tags()))
    if not form.is_valid():
        # A hand-edited or stale link: say which filter is wrong instead of listing everything.
        return render(request, "cases/case_list.html", {"form": form}, status=400)
    filters = {name: form.cleaned_data[name] for name in ("region", "period", "tag")}
    cases = published.filtered(**filters).chronological().for_list()
    context = {
        "form": form,
        "page": paginate(request, cases),
        "filtered": any(filters.values()),
    }
    return render(request, "cases/case_list.html", context)


def references(case):
    """Every source the case page cites (timeline and analyses), once each, by author and year."""
    cited = [e.source for e in case.events.all()] + [a.source for a in case.analyses.all()]
    return reference_list(cited)


def case_detail(request, slug):
    case = get_visible_or_404(Case.objects.for_detail(), request, slug=slug)
    parent = case.parent
    context = {
        "case": case,
        "parent": parent if parent and parent.status == Status.PUBLISHED else None,
        "references": references(case),
        "draft_banner": case.status != Status.PUBLISHED,
    }
    return render(request, "cases/case_detail.html", context)


def actor_list(request):
    actors = Actor.objects.for_list().alphabetical()
    return render(request, "cases/actor_list.html", {"page": paginate(request, actors, 100)})


def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.for_detail(), slug=slug)
    return render(request, "cases/actor_detail.html", {"actor": actor})
