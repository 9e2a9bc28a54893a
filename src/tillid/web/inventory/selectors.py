"""Reading the inventory. Every function takes the organisation: nothing is read across tenants."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from tillid.web.accounts.models import Organisation
from tillid.web.assessments.models import Assessment
from tillid.web.inventory.models import AISystem

SORTS = {
    "name": "name",
    "-name": "-name",
    "phase": "lifecycle_phase",
    "status": "status",
    "risk": "latest_risk_class",
    "updated": "-updated_at",
    "measures": "-latest_open_measures",
}


@dataclass(frozen=True)
class InventoryFilter:
    text: str = ""
    risk_class: str = ""
    phase: str = ""
    status: str = ""
    open_measures: bool = False
    sort: str = "name"


def systems_of(
    organisation: Organisation, want: InventoryFilter | None = None
) -> QuerySet[AISystem]:
    want = want or InventoryFilter()
    latest = Assessment.objects.filter(system=OuterRef("pk")).order_by("-created_at")
    systems = AISystem.objects.filter(organisation=organisation).annotate(
        latest_assessment_id=Subquery(latest.values("pk")[:1]),
        latest_risk_class=Subquery(latest.values("risk_class")[:1]),
        latest_status=Subquery(latest.values("status")[:1]),
        latest_open_measures=Subquery(latest.values("open_measures")[:1]),
        latest_impact_level=Subquery(latest.values("impact_level")[:1]),
    )
    if want.text:
        systems = systems.filter(
            Q(name__icontains=want.text)
            | Q(purpose__icontains=want.text)
            | Q(vendor__icontains=want.text)
        )
    if want.risk_class == "none":
        systems = systems.filter(Q(latest_risk_class__isnull=True) | Q(latest_risk_class=""))
    elif want.risk_class:
        systems = systems.filter(latest_risk_class=want.risk_class)
    if want.phase:
        systems = systems.filter(lifecycle_phase=want.phase)
    if want.status:
        systems = systems.filter(status=want.status)
    if want.open_measures:
        systems = systems.filter(latest_open_measures__gt=0)
    return systems.order_by(SORTS.get(want.sort, "name"), "pk").select_related("owner")


def system_of(organisation: Organisation, pk: int) -> AISystem:
    """The system, or AISystem.DoesNotExist when it is not this organisation's."""
    return AISystem.objects.select_related("owner").get(organisation=organisation, pk=pk)
