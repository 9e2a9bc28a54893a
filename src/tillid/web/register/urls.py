"""The public register, without login: /register/..."""

from django.urls import path

from tillid.web.register import views

urlpatterns = [
    path("", views.register_list, name="register_list"),
    path("records.<str:fmt>", views.register_download, name="register_download"),
    path("<int:record_id>/", views.register_record, name="register_record"),
    path(
        "<int:record_id>/v<int:version>/",
        views.register_record_version,
        name="register_record_version",
    ),
    path(
        "<int:record_id>/<str:standard>.json",
        views.register_record_export,
        name="register_record_export",
    ),
    path("api/records.json", views.register_api_records, name="register_api_records"),
    path("api/records/<int:record_id>.json", views.register_api_record, name="register_api_record"),
    path(
        "api/records/<int:record_id>/v<int:version>.json",
        views.register_api_record_version,
        name="register_api_record_version",
    ),
]
