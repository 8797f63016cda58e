from django.urls import path

from cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
