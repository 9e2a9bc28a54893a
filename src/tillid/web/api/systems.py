"""/api/v1/systems: the inventory. Validation is the web form's, so the messages are the same."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError

from tillid.web.accounts.models import Organisation, Role, User
from tillid.web.api.auth import organisation_of, require
from tillid.web.api.problems import InputProblems
from tillid.web.api.schemas import (
    Id,
    SystemChange,
    SystemFilter,
    SystemIn,
    SystemList,
    SystemOut,
    responses,
)
from tillid.web.inventory import services
from tillid.web.inventory.forms import SystemForm
from tillid.web.inventory.models import AISystem
from tillid.web.inventory.selectors import InventoryFilter, systems_of

router = Router(tags=["systems"])

WRITE_ERRORS = (400, 403, 409, 413)


def system_out(system: AISystem) -> dict[str, Any]:
    """A system from `systems_of`, which adds what its latest assessment says."""
    latest = None
    if getattr(system, "latest_assessment_id", None):
        latest = {
            "id": system.latest_assessment_id,  # type: ignore[attr-defined]
            "status": system.latest_status,  # type: ignore[attr-defined]
            "risk_class": system.latest_risk_class or "",  # type: ignore[attr-defined]
            "impact_level": system.latest_impact_level or "",  # type: ignore[attr-defined]
            "open_measures": system.latest_open_measures or 0,  # type: ignore[attr-defined]
        }
    return {
        **{
            field: getattr(system, field)
            for field in SystemOut.model_fields
            if hasattr(system, field)
        },
        "owner": system.owner.username if system.owner else None,
        "links": system.link_list(),
        "latest_assessment": latest,
    }


def found_system(organisation: Organisation, system_id: int) -> AISystem:
    system = systems_of(organisation).filter(pk=system_id).first()
    if system is None:
        raise HttpError(
            404, _("There is no AI system %(id)s in your organisation.") % {"id": system_id}
        )
    return system


def _owner_pk(organisation: Organisation, username: str | None) -> int | None:
    if not username:
        return None
    owner = User.objects.filter(memberships__organisation=organisation, username=username).first()
    if owner is None:
        raise InputProblems(
            {
                "owner": _("No member of your organisation has the user name %(name)s.")
                % {"name": username}
            }
        )
    return owner.pk


def _valid_form(
    organisation: Organisation, data: dict[str, Any], instance: AISystem | None = None
) -> SystemForm:
    data = dict(data)
    if "owner" in data:
        data["owner"] = _owner_pk(organisation, data["owner"])
    if "links" in data:
        data["links"] = "\n".join(data["links"] or [])
    form = SystemForm(
        {k: v for k, v in data.items() if v is not None},
        instance=instance,
        organisation=organisation,
    )
    if not form.is_valid():
        raise InputProblems({field: " ".join(errors) for field, errors in form.errors.items()})
    return form


@router.get("", response=responses({200: SystemList}), summary="List the AI systems")
def list_systems(request: HttpRequest, filters: Query[SystemFilter]) -> dict[str, Any]:
    want = InventoryFilter(
        text=filters.q.strip(),
        risk_class=filters.risk,
        phase=filters.phase or "",
        status=filters.status or "",
        open_measures=filters.open,
        sort=filters.sort,
    )
    systems = systems_of(organisation_of(request), want)
    page = systems[filters.offset : filters.offset + filters.limit]
    return {"count": systems.count(), "items": [system_out(s) for s in page]}


@router.get("/{system_id}", response=responses({200: SystemOut}, 404), summary="Get a system")
def get_system(request: HttpRequest, system_id: Path[Id]) -> dict[str, Any]:
    return system_out(found_system(organisation_of(request), system_id))


@router.post("", response=responses({201: SystemOut}, *WRITE_ERRORS), summary="Register a system")
def create_system(request: HttpRequest, payload: SystemIn) -> Status[dict[str, Any]]:
    require(request, Role.EDITOR)
    organisation = organisation_of(request)
    form = _valid_form(organisation, payload.model_dump())
    try:
        system = services.create_system(organisation, form.cleaned_data)
    except services.InventoryError as error:
        raise HttpError(409, str(error)) from None
    return Status(201, system_out(found_system(organisation, system.pk)))


@router.patch(
    "/{system_id}",
    response=responses({200: SystemOut}, 404, *WRITE_ERRORS),
    summary="Change a system",
    description="Changes the fields sent. `version` must be the version you read; when someone "
    "else saved the system since, nothing is changed and the answer is 409.",
)
def change_system(
    request: HttpRequest, system_id: Path[Id], payload: SystemChange
) -> dict[str, Any]:
    require(request, Role.EDITOR)
    organisation = organisation_of(request)
    system = found_system(organisation, system_id)
    current = model_to_dict(system, fields=SystemForm.Meta.fields)
    current["owner"] = system.owner.username if system.owner else None
    current["links"] = system.link_list()
    sent = payload.model_dump(exclude_unset=True, exclude={"version"})
    changes = {k: v for k, v in sent.items() if v is not None or k == "owner"}
    form = _valid_form(organisation, {**current, **changes}, instance=system)
    try:
        services.update_system(system, form.cleaned_data, payload.version)
    except services.InventoryError as error:
        raise HttpError(409, str(error)) from None
    return system_out(found_system(organisation, system_id))
