from django.urls import path

from tillid.web.literacy import views

urlpatterns = [
    path("", views.overview, name="literacy"),
    path("report.<str:fmt>", views.report, name="literacy_report"),
    path("quick/", views.light_path, name="literacy_light_path"),
    path("plan/", views.plan, name="literacy_plan"),
    path("systems/<int:system_pk>/", views.system_needs, name="literacy_system"),
    path("people/", views.people, name="literacy_people"),
    path("people/new/", views.person_new, name="literacy_person_new"),
    path("people/<int:pk>/", views.person_detail, name="literacy_person"),
    path("people/<int:pk>/edit/", views.person_edit, name="literacy_person_edit"),
    path("people/<int:pk>/training/", views.person_record, name="literacy_person_record"),
    path(
        "people/<int:pk>/self-assessment/",
        views.person_self_assessment,
        name="literacy_person_self_assessment",
    ),
    path("groups/new/", views.group_new, name="literacy_group_new"),
    path("groups/<int:pk>/", views.group_detail, name="literacy_group"),
    path("training/new/", views.activity_new, name="literacy_activity_new"),
]
