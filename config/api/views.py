"""The read-only JSON API, version 1: lists and details of the public knowledge base.

Each operation returns plain dicts (config.api.serialisers) that django-ninja validates against
its response model (config.api.schemas) before sending, and from which it writes the OpenAPI
document: what is served and what is documented cannot part.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router
from ninja.renderers import JSONRenderer

from cases.models import Case
from concepts.models import Concept
from config.api import dump as dumps
from config.api import envelopes, queries, schemas, search
from config.api import serialisers as s
from config.api.errors import ApiError, install
from config.api.links import Links
from config.api.pagination import PageNumber, PageSize, page_of, paginate
from sources.models import Source

VERSION = "1.0.0"
DESCRIPTION = """\
The public knowledge base of IR Atlas (國關概念圖譜): concepts, cases, sources, people and tags
of international relations, in English and Traditional Chinese. Read-only, no key needed.
Only published content appears. See docs/api.md in the repository for the full guide.

* Texts written in both languages are objects `{"en": …, "zh-Hant": …}`.
* Every object has a numeric `id`, a stable `slug` (sources: `citation_key`), its `api_url`
  and the absolute `html_url` of its page in each language.
* Lists take `page` (from 1) and `page_size` (1–100) and answer `count`, `next`, `previous`,
  `results`; a page past the last is a 404.
* Errors are `{"error": {"status", "code", "message"}}` with a 4xx or 5xx status.
"""


class Utf8JSONRenderer(JSONRenderer):
    # Chinese written as itself rather than as \u escapes: readable, and a third the size.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="IR Atlas API",
    version=VERSION,
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    # The interactive docs page loads scripts the site's Content Security Policy forbids.
    docs_url=None,
    renderer=Utf8JSONRenderer(),
)
install(api)

NOT_FOUND = {404: envelopes.ErrorOut}
# Lists: a bad parameter is a 400, a page past the last a 404.
BAD_REQUEST = {400: envelopes.ErrorOut, 404: envelopes.ErrorOut}


def _operation(router: Router, path: str, response, name: str, errors: dict, **kwargs):
    """GET only; responses by alias, so that the "zh-Hant" keys are written as such."""
    return router.get(
        path,
        response={200: response, **errors},
        url_name=name,
        operation_id=name.replace("-", "_"),
        by_alias=True,
        **kwargs,
    )


def _detail(queryset: QuerySet, what: str, **lookup):
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise ApiError(
            404, "not_found", _("There is no published %(what)s here.") % {"what": what}
        )
    return obj


v1 = Router(tags=["v1"])


def index(request):
    """Where everything is: the latest version's lists, search, dump and this document."""
    links = Links.for_request(request)
    return {
        "version": VERSION,
        "openapi": links.api("openapi-json"),
        "dump": links.api("dump"),
        "search": links.api("search"),
        **{
            name: links.api(f"{name.removesuffix('s')}-list")
            for name in ("concepts", "cases", "sources", "persons", "tags", "actors")
        },
    }


# Concepts.


@_operation(v1, "/concepts/", page_of(schemas.ConceptSummary), "concept-list", BAD_REQUEST)
def concept_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """Published concepts, by slug."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.concepts(),
        page=page,
        page_size=page_size,
        serialise=lambda c: s.concept_summary(c, links),
    )


@_operation(v1, "/concepts/{slug}/", schemas.ConceptDetail, "concept", NOT_FOUND)
def concept_detail(request, slug: str):
    """A concept with its definitions, alternative terms, related concepts and cases."""
    concept = _detail(queries.concept_detail(), _("concept"), slug=slug)
    return s.concept_detail(concept, Links.for_request(request))


# Cases.


@_operation(v1, "/cases/", page_of(schemas.CaseSummary), "case-list", BAD_REQUEST)
def case_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """Published cases, oldest first."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.cases(),
        page=page,
        page_size=page_size,
        serialise=lambda c: s.case_summary(c, links),
    )


@_operation(v1, "/cases/{slug}/", schemas.CaseDetail, "case", NOT_FOUND)
def case_detail(request, slug: str):
    """A case with its dates, actors and their roles, timeline, analyses and parts."""
    case = _detail(queries.case_detail(), _("case"), slug=slug)
    return s.case_detail(case, Links.for_request(request))


# Sources.


@_operation(v1, "/sources/", page_of(schemas.SourceSummary), "source-list", BAD_REQUEST)
def source_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """Every source, by citation key, each with its CSL-JSON."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.sources(),
        page=page,
        page_size=page_size,
        serialise=lambda source: s.source_summary(source, links),
    )


@_operation(v1, "/sources/{citation_key}/", schemas.SourceDetail, "source", NOT_FOUND)
def source_detail(request, citation_key: str):
    """A source with its CSL-JSON and every published place that cites it."""
    source = _detail(queries.source_detail(), _("source"), citation_key=citation_key)
    return s.source_detail(source, Links.for_request(request))


# People, tags and actors.


@_operation(v1, "/persons/", page_of(schemas.PersonSummary), "person-list", BAD_REQUEST)
def person_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """Everyone who wrote a source or to whom a definition is attributed, by slug."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.persons(),
        page=page,
        page_size=page_size,
        serialise=lambda p: s.person_summary(p, links),
    )


@_operation(v1, "/persons/{slug}/", schemas.PersonDetail, "person", NOT_FOUND)
def person_detail(request, slug: str):
    """A person with their works, the definitions attributed to them, and their actors."""
    person = _detail(queries.person_detail(), _("person"), slug=slug)
    return s.person_detail(person, Links.for_request(request))


@_operation(v1, "/tags/", page_of(schemas.TagSummary), "tag-list", BAD_REQUEST)
def tag_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """Tags, by slug, with how many published concepts and cases and sources carry each."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.tags(),
        page=page,
        page_size=page_size,
        serialise=lambda t: s.tag_summary(t, links),
    )


@_operation(v1, "/tags/{slug}/", schemas.TagDetail, "tag", NOT_FOUND)
def tag_detail(request, slug: str):
    """A tag with the published concepts and cases and the sources that carry it."""
    tag = _detail(queries.tags(), _("tag"), slug=slug)
    return s.tag_detail(
        tag,
        Links.for_request(request),
        concepts=Concept.objects.published().filter(tags=tag).order_by("slug"),
        cases=Case.objects.published().filter(tags=tag).chronological(),
        sources=Source.objects.filter(tags=tag).order_by("citation_key"),
    )


@_operation(v1, "/actors/", page_of(schemas.ActorSummary), "actor-list", BAD_REQUEST)
def actor_list(request, page: PageNumber = 1, page_size: PageSize = 20):
    """The states, alliances, organisations and people that act in cases, by slug."""
    links = Links.for_request(request)
    return paginate(
        request,
        queries.actors(),
        page=page,
        page_size=page_size,
        serialise=lambda a: s.actor_summary(a, links),
    )


@_operation(v1, "/actors/{slug}/", schemas.ActorDetail, "actor", NOT_FOUND)
def actor_detail(request, slug: str):
    """An actor with the published cases it took part in and its roles."""
    actor = _detail(queries.actor_detail(), _("actor"), slug=slug)
    return s.actor_detail(actor, Links.for_request(request))


@_operation(v1, "/dump.json", envelopes.Dump, "dump", {})
def dump(request):
    """The whole public knowledge base as one JSON document, streamed (see docs/api.md)."""
    return dumps.download(request)


@v1.get("/openapi.json", include_in_schema=False, url_name="openapi-v1")
def openapi_v1(request):
    return api.get_openapi_schema()


_operation(v1, "/", envelopes.ApiIndex, "index", {})(index)
_operation(api.default_router, "/", envelopes.ApiIndex, "root", {})(index)
search.add_routes(api, v1, _operation)
api.add_router("/v1", v1)
