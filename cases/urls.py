from django.urls import path

from cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    # Before the case slug, so that these paths are not read as a case called "actors".
    path("actors/", views.actor_list, name="actors"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("<slug:slug>/", views.case_detail, name="detail"),
    path("<slug:slug>/references/<str:fmt>/", views.case_references, name="export"),
]
