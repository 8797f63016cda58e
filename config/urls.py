from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import views
from sources.cite.exports.views import tag_export

tag_patterns = (
    [
        path("", views.tag_list, name="list"),
        path("<slug:slug>/", views.tag_detail, name="detail"),
        path("<slug:slug>/export/<str:fmt>/", tag_export, name="export"),
    ],
    "tags",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon),
    # The JSON API, outside the language prefixes: it serves both languages at once.
    path("api/", include("config.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("concepts/", include("concepts.urls")),
    path("cases/", include("cases.urls")),
    path("tags/", include(tag_patterns)),
    path("", include("sources.urls")),
)

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
