"""Demo data: fictional organisations, people and AI systems in various states of assessment.

Loaded by `tillid demo` and `make run` from tillid/examples/demo/organisations.yaml. Loading is
idempotent: an organisation that already exists is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from tillid.assessment.answers import read_answer_set
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.assessments import services
from tillid.web.catalogue.demo import load_catalogue_demo
from tillid.web.inventory.models import AISystem
from tillid.web.literacy.demo import load_literacy_demo
from tillid.web.temperature.demo import load_temperature_demo

SYSTEM_FIELDS = (
    "name",
    "purpose",
    "vendor",
    "lifecycle_phase",
    "status",
    "affected_groups",
    "data_used",
)


@dataclass
class DemoLoaded:
    password: str
    organisations: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    logins: dict[str, str] = field(default_factory=dict)  # user name -> organisations and roles


def _demo_folder() -> Path:
    return Path(str(resources.files("tillid.examples").joinpath("demo")))


def load_demo_data() -> DemoLoaded:
    folder = _demo_folder()
    manifest = yaml.safe_load((folder / "organisations.yaml").read_text(encoding="utf-8"))
    loaded = DemoLoaded(password=manifest["password"])
    for spec in manifest["organisations"]:
        if Organisation.objects.filter(slug=spec["slug"]).exists():
            loaded.skipped.append(spec["name"])
        else:
            with transaction.atomic():
                _load_organisation(spec, folder, manifest["password"])
            loaded.organisations.append(spec["name"])
        for person in spec["people"]:
            role = Role(person["role"]).label
            entry = f"{spec['name']} ({role})"
            previous = loaded.logins.get(person["username"])
            loaded.logins[person["username"]] = f"{previous}; {entry}" if previous else entry
    load_temperature_demo(loaded)
    load_catalogue_demo()
    load_literacy_demo(timezone.localdate())
    return loaded


def _load_organisation(spec: dict[str, Any], folder: Path, password: str) -> None:
    organisation = Organisation.objects.create(
        slug=spec["slug"],
        name=spec["name"],
        organisation_type=spec["organisation_type"],
        country=spec["country"],
    )
    people: dict[str, User] = {}
    for person in spec["people"]:
        user, created = User.objects.get_or_create(username=person["username"])
        if created:
            first, _, last = person.get("name", "").partition(" ")
            user.first_name, user.last_name = first, last
            user.email = f"{person['username']}@{spec['slug']}.example"
            user.set_password(password)
            user.save()
        Membership.objects.create(user=user, organisation=organisation, role=person["role"])
        people[person["role"]] = user
    editor = people.get("editor") or people["admin"]
    reviewer = people.get("reviewer") or people["admin"]
    for system_spec in spec["systems"]:
        system = AISystem.objects.create(
            organisation=organisation,
            owner=editor,
            **{k: system_spec[k] for k in SYSTEM_FIELDS if k in system_spec},
        )
        if "answers" in system_spec:
            _assess(
                system, folder / system_spec["answers"], system_spec["review"], editor, reviewer
            )
        if "register" in system_spec:
            _publish_record(system, system_spec["register"], editor, reviewer)


def _assess(
    system: AISystem, answers_file: Path, review: str, editor: User, reviewer: User
) -> None:
    answer_set = read_answer_set(answers_file)
    assessment = services.start_assessment(system, editor)
    inputs = [
        services.AnswerInput(question_id, value, None)
        for question_id, value in answer_set.answers.items()
    ]
    outcome = services.save_answers(assessment, editor, inputs)
    if outcome.errors:
        raise ValueError(f"Demo answers {answers_file.name} do not fit the packs: {outcome.errors}")
    if review == "draft":
        return
    services.submit(assessment, editor, assessment.version)
    if review == "returned":
        services.return_for_changes(
            assessment,
            reviewer,
            assessment.version,
            "Beskriv, hvordan sagsbehandleren kontrollerer beregningen, før afgørelsen sendes.",
        )
    elif review == "approved":
        services.approve(assessment, reviewer, assessment.version)


def _publish_record(system: AISystem, texts: dict[str, str], editor: User, reviewer: User) -> None:
    """A public record in the transparency register: drafted, written, approved and published."""
    from tillid.web.register import services as register

    record = register.start_record(system, editor)
    register.save_texts(record, editor, texts, record.version)
    register.approve_record(record, reviewer, record.version)
    register.publish_record(record, editor, record.version)
