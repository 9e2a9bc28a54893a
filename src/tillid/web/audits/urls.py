from django.urls import path

from tillid.web.audits import views

urlpatterns = [
    path("", views.audit_list, name="audits"),
    path("new/", views.audit_new, name="audit_new"),
    path("connections/new/", views.connection_new, name="connection_new"),
    path("<int:pk>/", views.audit_detail, name="audit_detail"),
    path("<int:pk>/progress/", views.audit_progress, name="audit_progress"),
    path("<int:pk>/report.<str:fmt>", views.audit_report, name="audit_report"),
]
