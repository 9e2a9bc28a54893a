"""Changing the inventory."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Organisation
from tillid.web.inventory.models import AISystem


class InventoryError(Exception):
    """The change cannot be saved; the message says why."""


FIELDS = (
    "name",
    "purpose",
    "owner",
    "vendor",
    "lifecycle_phase",
    "status",
    "affected_groups",
    "data_used",
    "links",
)


def create_system(organisation: Organisation, data: dict[str, Any]) -> AISystem:
    if AISystem.objects.filter(organisation=organisation, name=data["name"]).exists():
        raise InventoryError(
            _("There is already a system named %(name)s.") % {"name": data["name"]}
        )
    return AISystem.objects.create(
        organisation=organisation, **{k: data[k] for k in FIELDS if k in data}
    )


def update_system(system: AISystem, data: dict[str, Any], seen_version: int) -> AISystem:
    """Saves the form unless someone else saved the system since the form was opened."""
    with transaction.atomic():
        renamed_onto = AISystem.objects.filter(
            organisation=system.organisation_id, name=data.get("name")
        ).exclude(pk=system.pk)
        if "name" in data and renamed_onto.exists():
            raise InventoryError(
                _("There is already a system named %(name)s.") % {"name": data["name"]}
            )
        changed = AISystem.objects.filter(pk=system.pk, version=seen_version).update(
            version=F("version") + 1, **{k: data[k] for k in FIELDS if k in data}
        )
        if not changed:
            raise InventoryError(
                _(
                    "Someone else saved this system while you were editing it. Your changes were not "
                    "saved; reload the page to see theirs, then make yours again."
                )
            )
    system.refresh_from_db()
    return system
