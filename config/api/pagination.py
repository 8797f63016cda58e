"""Page-number pagination for every list: ?page=N&page_size=M, answered with
{"count", "page", "page_size", "next", "previous", "results"}. A page or page size that is not
a number in bounds is a 400 (invalid_parameter); a page past the last is a 404 (page_not_found),
as that page does not exist, like a Django list page past its end."""

from typing import Annotated

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _
from ninja import Query
from pydantic import BaseModel, ConfigDict, Field

from config.api.errors import ApiError
from config.api.schemas import Url

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

PageNumber = Annotated[int, Query(1, ge=1, description="The page, from 1.")]
PageSize = Annotated[int, Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]


class Page[T](BaseModel):
    model_config = ConfigDict(extra="forbid")

    count: int = Field(description="Items in the whole list.")
    page: int
    page_size: int
    next: Url | None
    previous: Url | None
    results: list[T]


def page_of(model: type[BaseModel]) -> type[BaseModel]:
    """Page[model] as a class of its own, so the OpenAPI document names it ConceptSummaryPage
    rather than Page_ConceptSummary_."""
    return type(f"{model.__name__}Page", (Page[model],), {"__module__": __name__})


def page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(request, items, *, page: int, page_size: int, serialise) -> dict:
    """One page of `items` (a queryset or list) as the Page envelope, each item serialised."""
    paginator = Paginator(items, page_size)
    try:
        current = paginator.page(page)
    except InvalidPage:
        raise ApiError(
            404,
            "page_not_found",
            _("There is no page %(page)d: the last is %(last)d.")
            % {"page": page, "last": paginator.num_pages},
        ) from None
    return {
        "count": paginator.count,
        "page": current.number,
        "page_size": page_size,
        "next": page_url(request, current.next_page_number()) if current.has_next() else None,
        "previous": (
            page_url(request, current.previous_page_number()) if current.has_previous() else None
        ),
        "results": [serialise(item) for item in current.object_list],
    }
