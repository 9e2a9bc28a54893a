"""The organisation's side of the register: /o/<org_slug>/systems/<id>/register/..."""

from django.urls import path

from tillid.web.register import views

urlpatterns = [
    path("systems/<int:system_pk>/register/", views.record_manage, name="record_manage"),
    path("systems/<int:system_pk>/register/step/", views.record_step, name="record_step"),
]
