"""Site-level pages that compose every app: home, tags, errors. (Placeholder: being written.)"""

from django.http import HttpResponse


def home(request):
    return HttpResponse("home")


def tag_list(request):
    return HttpResponse("tags")


def tag_detail(request, slug):
    return HttpResponse(slug)


def page_not_found(request, exception=None):
    return HttpResponse("not found", status=404)


def server_error(request):
    return HttpResponse("error", status=500)
