from django.urls import path

from tillid.web.inventory import views

urlpatterns = [
    path("", views.system_list, name="systems"),
    path("systems/new/", views.system_new, name="system_new"),
    path("systems/export.<str:fmt>", views.system_export, name="system_export"),
    path("systems/<int:pk>/", views.system_detail, name="system_detail"),
    path("systems/<int:pk>/edit/", views.system_edit, name="system_edit"),
]
