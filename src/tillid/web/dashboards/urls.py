"""Pages of the dashboards outside any one organisation."""

from django.urls import path  # noqa: F401

urlpatterns: list[object] = []
