"""The projects' side: /o/<org_slug>/temperature/... (the organisation's invitations and answers)."""

from django.urls import path

from tillid.web.temperature import views

urlpatterns = [
    path("", views.invitations, name="temperature_open"),
    path("<int:pk>/", views.answer, name="temperature_answer"),
]
