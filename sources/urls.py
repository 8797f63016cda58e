from django.urls import path

from sources import lookup, views
from sources.cite import picker
from sources.cite.exports import views as exports
from sources.search import views as search

app_name = "sources"
urlpatterns = [
    path("sources/", views.source_list, name="list"),
    path("citations/", lookup.lookup, name="lookup"),
    path("search/", search.search_page, name="search"),
    path("search/suggest/", search.suggestions, name="search_suggest"),
    path("sources/<str:key>/", views.source_detail, name="detail"),
    path("sources/<str:key>/export/<str:fmt>/", exports.source_export, name="export"),
    path("library/<str:fmt>/", exports.library_export, name="library_export"),
    path("people/", views.person_list, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("citation-style/", picker.citation_style, name="citation_style"),
]
