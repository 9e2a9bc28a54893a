"""Demo entries of the experience catalogue, from tillid/examples/demo/catalogue.yaml.

Called by `tillid.web.demo.load_demo_data` after the organisations are loaded. Idempotent: an entry
whose organisation already has one with the same title is left as it is; an organisation that is not
there (e.g. removed by hand) is skipped.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from tillid.web.accounts.models import Membership, Organisation, Role
from tillid.web.catalogue import services
from tillid.web.catalogue.models import Entry
from tillid.web.inventory.models import AISystem

FIELDS = ("language", "area", "status", "outcome", "stop_reason", "what_helped", "contact")


def _demo_file() -> Path:
    return Path(str(resources.files("tillid.examples").joinpath("demo", "catalogue.yaml")))


def load_catalogue_demo(path: Path | None = None) -> list[str]:
    """Loads the demo entries that are not there yet; returns the titles loaded."""
    spec = yaml.safe_load((path or _demo_file()).read_text(encoding="utf-8"))
    loaded = []
    for item in spec["entries"]:
        organisation = Organisation.objects.filter(slug=item["organisation"]).first()
        if organisation is None:
            continue
        if Entry.objects.filter(organisation=organisation, title=item["title"]).exists():
            continue
        with transaction.atomic():
            _load_entry(organisation, item)
        loaded.append(item["title"])
    return loaded


def _load_entry(organisation: Organisation, item: dict[str, Any]) -> None:
    writer = next(
        m.user
        for role in (Role.EDITOR, Role.ADMIN)
        for m in Membership.objects.filter(organisation=organisation, role=role).order_by("pk")
    )
    system = None
    if item.get("system"):
        system = AISystem.objects.filter(organisation=organisation, name=item["system"]).first()
    data = services.EntryInput(
        title=item["title"],
        purpose=item["purpose"],
        system=system,
        visibility=item.get("visibility", "organisation"),
        allow_start_from=bool(item.get("allow_start_from", False)),
        challenges=list(item.get("challenges", [])),
        **{name: item.get(name, "") for name in FIELDS},
    )
    services.create_entry(organisation, writer, data)
