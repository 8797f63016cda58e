from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, object_list, per_page=30):
    """The requested page of a list; a page that does not exist is a 404, not a 500."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page") from None
