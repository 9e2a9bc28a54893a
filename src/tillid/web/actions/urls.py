from django.urls import path

from tillid.web.actions import views

urlpatterns = [
    path("assessments/<int:pk>/actions/", views.action_plan, name="action_plan"),
    path(
        "assessments/<int:pk>/evidence/<str:question_id>/",
        views.question_evidence,
        name="question_evidence",
    ),
    path("actions/", views.falling_due, name="falling_due"),
    path("actions/tasks/<int:pk>/", views.task_detail, name="task"),
    path("actions/tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("actions/tasks/<int:pk>/evidence/", views.task_evidence, name="task_evidence"),
    path("evidence/<int:pk>/", views.download_evidence, name="evidence_download"),
    path("evidence/<int:pk>/remove/", views.remove_evidence, name="evidence_remove"),
]
