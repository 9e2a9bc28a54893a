"""Reading assessments. Every function takes the organisation: nothing is read across tenants."""

from __future__ import annotations

from django.db.models import QuerySet

from tillid.web.accounts.models import Organisation
from tillid.web.assessments.models import Answer, Assessment
from tillid.web.inventory.models import AISystem


def assessment_of(organisation: Organisation, pk: int) -> Assessment | None:
    """The assessment, or None when it is not this organisation's."""
    return (
        Assessment.objects.select_related("system").filter(organisation=organisation, pk=pk).first()
    )


def assessments_of_system(system: AISystem) -> QuerySet[Assessment]:
    """The system's assessments, newest first (the system is already the organisation's)."""
    return (
        Assessment.objects.filter(organisation=system.organisation_id, system=system)
        .select_related("system")
        .order_by("-created_at", "-pk")
    )


def answers_with_versions(assessment: Assessment) -> QuerySet[Answer]:
    """The stored answers with the version each was saved at, for optimistic locking."""
    return assessment.answers.select_related("updated_by").order_by("question_id")
