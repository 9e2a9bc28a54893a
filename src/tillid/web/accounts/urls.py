from django.urls import path

from tillid.web.accounts import views

urlpatterns = [
    path("members/", views.members, name="members"),
]
