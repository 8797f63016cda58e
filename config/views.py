"""Site-level pages that compose every app: home, tags, errors."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import TemplateDoesNotExist, loader
from django.views.decorators.csrf import requires_csrf_token

from cases.models import Case, TaggedCase
from concepts.models import Concept, TaggedConcept
from sources.collation import sorted_by_label
from sources.content import Status
from sources.models import Source, Tag, TaggedSource

FEATURED = 6
LATEST = 5


def home(request):
    concepts = Concept.objects.published()
    cases = Case.objects.published()
    return render(
        request,
        "home.html",
        {
            "featured_concepts": concepts.featured().alphabetical()[:FEATURED],
            "featured_cases": cases.filter(featured=True).chronological()[:FEATURED],
            "latest_concepts": concepts.latest()[:LATEST],
            "latest_cases": cases.order_by("-created", "-pk")[:LATEST],
        },
    )


def _count(through, **filters):
    """The number of tagged rows per tag, as a subquery so that counts of several kinds do
    not multiply each other as joins would."""
    rows = (
        through.objects.filter(tag=OuterRef("pk"), **filters)
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def tag_list(request):
    tags = Tag.objects.annotate(
        concept_count=_count(TaggedConcept, content_object__status=Status.PUBLISHED),
        case_count=_count(TaggedCase, content_object__status=Status.PUBLISHED),
        source_count=_count(TaggedSource),
    )
    # Sorted in Python so that Chinese labels follow Zhuyin order, as every index does.
    tags = sorted_by_label(tags)
    return render(request, "tags/list.html", {"tags": tags})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    return render(
        request,
        "tags/detail.html",
        {
            "tag": tag,
            "concepts": Concept.objects.published().filter(tags=tag).alphabetical(),
            "cases": Case.objects.published().filter(tags=tag).chronological(),
            "sources": Source.objects.filter(tags=tag)
            .with_creators()
            .order_by("-year", "citation_key"),
        },
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    """The 500 page, rendered without context processors: whatever broke may be among them."""
    try:
        template = loader.get_template("500.html")
    except TemplateDoesNotExist:
        return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
    return HttpResponseServerError(template.render())


# Browsers ask for /favicon.ico on their own; without one every page logs a 404 in the console.
# A link rel="icon" in the pages is not used: the manners test allows only stylesheets there.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<rect width="16" height="16" rx="3" fill="#1f4e79"/>'
    '<path d="M3 8h10M8 3v10" stroke="#fff" stroke-width="2"/></svg>'
)


def favicon(request):
    response = HttpResponse(FAVICON, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
