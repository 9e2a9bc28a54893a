from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tillid.web.assessments"
    label = "assessments"
    verbose_name = "Assessments"
