"""/api/: the API (config.api.views), and a JSON 404 for every other address under it."""

from django.urls import path, re_path

from config.api.errors import not_found
from config.api.views import api

urlpatterns = [
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
