from django.urls import path

from concepts import views

app_name = "concepts"
urlpatterns = [
    path("", views.concept_list, name="list"),
    path("<slug:slug>/", views.concept_detail, name="detail"),
    path("<slug:slug>/references/<str:fmt>/", views.concept_references, name="export"),
]
