"""Figures across organisations for anyone signed in, and the research dataset for the platform
operator: /dashboards/..."""

from django.urls import path

from tillid.web.dashboards import views

urlpatterns = [
    path("", views.across_organisations, name="dashboards"),
    path("research.<str:fmt>", views.research_export, name="research_export"),
]
