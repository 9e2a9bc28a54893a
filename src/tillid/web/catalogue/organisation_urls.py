"""The organisation's own catalogue pages: /o/<org_slug>/catalogue/..."""

from django.urls import path

from tillid.web.catalogue import views

urlpatterns = [
    path("", views.catalogue_entries, name="catalogue_entries"),
    path("new/", views.catalogue_entry_new, name="catalogue_entry_new"),
    path("<int:pk>/edit/", views.catalogue_entry_edit, name="catalogue_entry_edit"),
    path("<int:pk>/delete/", views.catalogue_entry_delete, name="catalogue_entry_delete"),
]
