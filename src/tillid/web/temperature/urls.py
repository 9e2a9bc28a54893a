"""The platform operator's pages: /temperature/... (staff users only; everyone else gets 404)."""

from django.urls import path

from tillid.web.temperature import views

urlpatterns = [
    path("", views.surveys, name="temperature_surveys"),
    path("new/", views.survey_new, name="temperature_survey_new"),
    path("<int:survey_id>/", views.survey_detail, name="temperature_survey"),
    path("<int:survey_id>/edit/", views.survey_edit, name="temperature_survey_edit"),
    path("<int:survey_id>/send/", views.survey_send, name="temperature_send"),
    path(
        "<int:survey_id>/rounds/<int:round_id>/close/",
        views.round_close,
        name="temperature_round_close",
    ),
]
