"""(Placeholder: being written.)"""

from django.http import HttpResponse


def concept_list(request):
    return HttpResponse("concepts")


def concept_detail(request, slug):
    return HttpResponse(slug)
