"""Pages of the dashboards inside one organisation: /o/<org_slug>/..."""

from django.urls import path  # noqa: F401

urlpatterns: list[object] = []
