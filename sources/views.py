"""(Placeholder: being written.)"""

from django.http import HttpResponse


def source_list(request):
    return HttpResponse("sources")


def source_detail(request, key):
    return HttpResponse(key)


def person_list(request):
    return HttpResponse("people")


def person_detail(request, slug):
    return HttpResponse(slug)
