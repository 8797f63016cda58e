"""The public case pages: the case list, one case, and the actors that take part in cases."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from cases.dates import Period
from cases.models import Actor, Case, Region
from sources.cite.exports.views import export_response
from sources.cite.page import PageCitations
from sources.cite.styles import Style, style_for
from sources.collation import sorted_by_label
from sources.content import Status, get_visible_or_404
from sources.i18n import active_language
from sources.models import Source
from sources.pagination import paginate


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


def page_citations(case, style: Style, lang: str) -> PageCitations:
    """Every text of the case page with its citations, in the order the page shows them: the
    body, each event's description and source, each analysis and its source. Needs
    for_detail(); leaves the rendered texts on the objects (`rendered_body`,
    `citation`, `rendered_description`, `rendered_text` ending with its citation)."""
    citations = PageCitations(style, lang)
    case.rendered_body = citations.add(case.body)
    for event in case.events.all():
        event.citation = citations.add_record(event)
        event.rendered_description = citations.add(event.description)
    for analysis in case.analyses.all():
        analysis.rendered_text = citations.add(analysis.text, analysis)
    return citations


def case_detail(request, slug):
    case = get_visible_or_404(Case.objects.for_detail(), request, slug=slug)
    parent = case.parent
    citations = page_citations(case, style_for(request), active_language())
    context = {
        "case": case,
        "parent": parent if parent and parent.status == Status.PUBLISHED else None,
        "body": case.rendered_body,
        "events": list(case.events.all()),
        "analyses": list(case.analyses.all()),
        "citations": citations,
        "draft_banner": case.status != Status.PUBLISHED,
    }
    return render(request, "cases/case_detail.html", context)


def actor_list(request):
    actors = Actor.objects.for_list().alphabetical()
    return render(request, "cases/actor_list.html", {"page": paginate(request, actors, 100)})


def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.for_detail(), slug=slug)
    return render(request, "cases/actor_detail.html", {"actor": actor})


def case_references(request, slug, fmt):
    """The case page's references as a file: every source cited by the case, its timeline,
    and its analyses of published concepts."""
    case = get_visible_or_404(Case.objects.all(), request, slug=slug)
    analyses = case.analyses.filter(concept__status=Status.PUBLISHED)
    sources = (
        Source.objects.cited_by(case, case.events.all(), analyses)
        .with_creators()
        .by_first_author()
    )
    filename = f"case-{slug}-references"
    return export_response(request, sources, fmt, filename, url_name="cases:export", args=[slug])
