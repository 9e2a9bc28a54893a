"""The organisation's own dashboard: /o/<org_slug>/dashboard/"""

from django.urls import path

from tillid.web.dashboards import views

urlpatterns = [
    path("", views.organisation_dashboard, name="organisation_dashboard"),
]
