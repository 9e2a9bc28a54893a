"""The shared catalogue, outside any one organisation: /catalogue/..."""

from django.urls import path

from tillid.web.catalogue import views

urlpatterns = [
    path("", views.catalogue_list, name="catalogue_list"),
    path("<int:entry_id>/", views.catalogue_entry, name="catalogue_entry"),
    path("<int:entry_id>/start/", views.catalogue_start, name="catalogue_start"),
]
