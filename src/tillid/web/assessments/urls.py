from django.urls import path

from tillid.web.assessments import views

urlpatterns = [
    path("start/<int:system_pk>/", views.start, name="assessment_start"),
    path("<int:pk>/", views.overview, name="assessment"),
    path("<int:pk>/questions/<str:section_id>/", views.section, name="assessment_section"),
    path("<int:pk>/result/", views.result, name="assessment_result"),
    path("<int:pk>/review/", views.review, name="assessment_review"),
    path("<int:pk>/reassess/", views.reassess, name="assessment_reassess"),
    path("<int:pk>/comment/", views.comment, name="assessment_comment"),
    path("<int:pk>/history/", views.history, name="assessment_history"),
    path("<int:pk>/documents/<str:kind>.<str:fmt>", views.document, name="assessment_document"),
]
