from django.urls import path

from tillid.web.api import views

urlpatterns = [
    path("api-tokens/", views.api_tokens, name="api_tokens"),
]
