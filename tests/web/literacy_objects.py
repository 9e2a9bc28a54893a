"""AI-literacy rows every test organisation holds, so the isolation matrix reaches its pages."""

from __future__ import annotations

import datetime as dt

from tillid.web.accounts.models import Organisation, User
from tillid.web.inventory.models import AISystem
from tillid.web.literacy import services


def add_literacy_objects(organisation: Organisation, systems: list[AISystem], editor: User) -> None:
    group = services.create_group(organisation, f"Caseworkers of {organisation.slug}")
    person = services.save_person(
        organisation,
        services.PersonInput(
            name=f"Overseer of {organisation.slug}",
            roles=["lit.role_overseer"],
            group_ids=[group.pk],
            system_ids=[systems[1].pk],
            user_id=editor.pk,
        ),
    )
    activity = services.create_activity(
        organisation, f"Oversight course ({organisation.slug})", ["lit.m_oversight_practitioner"]
    )
    day = dt.date(2026, 1, 15)
    services.record_training(organisation, person, activity.pk, day, day, editor, "Attendance list")
