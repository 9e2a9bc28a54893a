"""Pages of the temperature inside one organisation: /o/<org_slug>/..."""

from django.urls import path  # noqa: F401

urlpatterns: list[object] = []
