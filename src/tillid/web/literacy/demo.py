"""AI literacy demo data for one demo organisation, from tillid/examples/demo/literacy.yaml.

Loaded through the same services as the pages, so the demo obeys the same checks. Idempotent: an
organisation that already has people registered is left as it is.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import yaml
from django.db import transaction

from tillid.web.accounts.models import Organisation, User
from tillid.web.inventory.models import AISystem
from tillid.web.literacy import services
from tillid.web.literacy.models import StaffMember


def load_literacy_demo(today: dt.date) -> None:
    folder = Path(str(resources.files("tillid.examples").joinpath("demo")))
    spec = yaml.safe_load((folder / "literacy.yaml").read_text(encoding="utf-8"))
    organisation = Organisation.objects.filter(slug=spec["organisation"]).first()
    if organisation is None or StaffMember.objects.filter(organisation=organisation).exists():
        return
    with transaction.atomic():
        _load(organisation, spec, today)


def _load(organisation: Organisation, spec: dict, today: dt.date) -> None:  # type: ignore[type-arg]
    recorder = User.objects.get(username=spec["recorded_by"])
    groups = {
        g["name"]: services.create_group(organisation, g["name"], g.get("description", ""))
        for g in spec["groups"]
    }
    systems = {s.name: s.pk for s in AISystem.objects.filter(organisation=organisation)}
    people = {}
    for person in spec["people"]:
        user = User.objects.filter(username=person.get("username", "")).first()
        people[person["name"]] = services.save_person(
            organisation,
            services.PersonInput(
                name=person["name"],
                job_title=person.get("job_title", ""),
                roles=person.get("roles", []),
                group_ids=[groups[g].pk for g in person.get("groups", [])],
                system_ids=[systems[s] for s in person.get("systems", [])],
                user_id=user.pk if user else None,
            ),
        )
    activities = {
        a["title"]: services.create_activity(
            organisation,
            a["title"],
            a["competences"],
            a.get("description", ""),
            a.get("validity_months"),
        )
        for a in spec["activities"]
    }
    for record in spec["records"]:
        services.record_training(
            organisation,
            people[record["person"]],
            activities[record["activity"]].pk,
            record["completed_on"],
            today,
            recorder,
            evidence_note=record.get("evidence_note", ""),
        )
