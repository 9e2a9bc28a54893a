"""Shared fixtures for the web app: organisations with a person in every role and objects in every state.

`tenant("a")` builds an organisation the way people would through the app's services: three AI systems,
one assessment approved and reopened (revision 2 in draft, with its frozen revision 1), one submitted
for review and one approved; comments, history and a pending invitation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.db.models.functions import Cast
from django.test import Client

from tests.web.catalogue_objects import add_catalogue_objects
from tests.web.literacy_objects import add_literacy_objects
from tests.web.temperature_objects import add_temperature_objects
from tillid.web.accounts import services as account_services
from tillid.web.accounts.models import Invitation, Membership, Organisation, Role, User
from tillid.web.actions.evidence import add_evidence
from tillid.web.actions.models import Evidence, Task
from tillid.web.assessments import services
from tillid.web.assessments.models import ApprovedVersion, Assessment, Comment
from tillid.web.audits import services as audit_services
from tillid.web.audits.models import AuditRun, DataConnection
from tillid.web.inventory.models import AISystem

PASSWORD = "a long test password 7"
ROLES = [Role.VIEWER, Role.EDITOR, Role.REVIEWER, Role.ADMIN]
# A question every Danish municipality sees first, and its options.
FIRST_SECTION = "aia.s_system"
TECHNIQUE = "aia.q_technique"


@dataclass
class Tenant:
    """One organisation and everything in it that a URL can point at."""

    organisation: Organisation
    users: dict[str, User]
    memberships: dict[str, Membership]
    systems: list[AISystem]
    draft: Assessment  # revision 2, reopened after approval: has an ApprovedVersion
    submitted: Assessment
    approved: Assessment
    comment: Comment
    approved_version: ApprovedVersion
    invitation: Invitation
    connection: DataConnection
    audit_run: AuditRun
    task: Task
    evidence: list[Evidence]  # one for a question, one for a task
    assessments: list[Assessment] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.organisation.slug


def make_user(username: str, **extra: Any) -> User:
    user = User(username=username, email=f"{username}@example.org", **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_tenant(slug: str, country: str = "DK") -> Tenant:
    organisation = Organisation.objects.create(
        name=f"Organisation {slug.upper()}",
        slug=slug,
        organisation_type="municipality",
        country=country,
    )
    users: dict[str, User] = {}
    memberships: dict[str, Membership] = {}
    for role in ROLES:
        user = make_user(f"{slug}-{role}", first_name=f"{role.label} of {slug}")
        users[role] = user
        memberships[role] = Membership.objects.create(
            user=user, organisation=organisation, role=role
        )
    editor, reviewer = users[Role.EDITOR], users[Role.REVIEWER]
    systems = [
        AISystem.objects.create(
            organisation=organisation,
            name=f"{name} ({slug})",
            purpose=f"{name} for the citizens of {slug}",
            owner=editor,
            vendor="Vendor A/S",
            lifecycle_phase="procure",
        )
        for name in ("Chatbot", "Benefit triage", "Route planner")
    ]

    def assessed(system: AISystem, technique: str) -> Assessment:
        assessment = services.start_assessment(system, editor)
        services.save_answers(
            assessment, editor, [services.AnswerInput(TECHNIQUE, technique, None)]
        )
        return assessment

    draft = assessed(systems[0], "machine_learning")
    services.submit(draft, editor, draft.version)
    approved_version = services.approve(draft, reviewer, draft.version, "Fine for now.")
    services.reopen(draft, editor, draft.version)
    submitted = assessed(systems[1], "knowledge_based")
    services.submit(submitted, editor, submitted.version)
    approved = assessed(systems[2], "rules_by_people")
    services.submit(approved, editor, approved.version)
    services.approve(approved, reviewer, approved.version)
    comment = services.add_comment(draft, reviewer, "Which model is it?", TECHNIQUE)
    invitation = account_services.invite(
        organisation, f"new-person@{slug}.example", Role.EDITOR, users[Role.ADMIN]
    )
    connection = audit_services.register_connection(
        organisation, "Case warehouse", f"postgresql://audit:s3cret@db.{slug}.example/cases", editor
    )
    audit_run = audit_services.queue_run(
        organisation,
        systems[1],
        audit_services.read_spec(
            {"target": "label", "prediction": "prediction", "protected": ["sex"]}
        ),
        editor,
        connection=connection,
        table="decisions",
        assessment=submitted,
    )
    task = Task.objects.filter(organisation=organisation).order_by("pk").first()
    assert task is not None, "approving made no action plan"
    evidence = [
        add_evidence(
            draft, editor, "minutes.txt", [b"Minutes of the meeting"], question_id=TECHNIQUE
        ),
        add_evidence(task.assessment, editor, "plan.csv", [b"step;owner\nA;B\n"], task=task),
    ]
    add_literacy_objects(organisation, systems, editor)
    operator = User.objects.filter(username="operator").first() or make_user(
        "operator", is_staff=True
    )
    add_temperature_objects(organisation, systems, operator, editor)
    add_catalogue_objects(organisation, systems, editor)
    return Tenant(
        organisation=organisation,
        users=users,
        memberships=memberships,
        systems=systems,
        draft=draft,
        submitted=submitted,
        approved=approved,
        comment=comment,
        approved_version=approved_version,
        invitation=invitation,
        connection=connection,
        audit_run=audit_run,
        task=task,
        evidence=evidence,
        assessments=[draft, submitted, approved],
    )


@pytest.fixture
def tenant(db: None) -> Callable[..., Tenant]:
    return make_tenant


@pytest.fixture
def a(tenant: Callable[..., Tenant]) -> Tenant:
    return tenant("a")


@pytest.fixture
def b(tenant: Callable[..., Tenant]) -> Tenant:
    return tenant("b", country="SE")


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- What the database holds --------------------------------------------------------------------


def web_models() -> list[type[models.Model]]:
    """Every model of the web app's own apps (accounts, inventory, assessments and any added later)."""
    return [m for m in apps.get_models() if m.__module__.startswith("tillid.web.")]


def snapshot(only: Callable[[type[models.Model]], models.QuerySet[Any]] | None = None) -> dict:
    """Every row of every web model, as plain values, to compare before and after a request."""
    rows: dict[str, dict[Any, tuple[Any, ...]]] = {}
    for model in web_models():
        queryset = only(model) if only else model._default_manager.all()
        # JSON columns are compared as the stored text: decoding the frozen results is slow.
        as_text = {
            f"_{f.attname}": Cast(f.attname, models.TextField())
            for f in model._meta.concrete_fields
            if isinstance(f, models.JSONField)
        }
        names = [
            f"_{f.attname}" if isinstance(f, models.JSONField) else f.attname
            for f in model._meta.concrete_fields
        ]
        queryset = queryset.annotate(**as_text).order_by("pk").values_list("pk", *names)
        rows[model._meta.label] = {values[0]: values for values in queryset}
    return rows


def snapshot_diff(before: dict, after: dict) -> list[str]:
    """What changed, in words: 'inventory.AISystem 3 changed', 'assessments.Comment 9 added'."""
    found = []
    for label in sorted(set(before) | set(after)):
        old, new = before.get(label, {}), after.get(label, {})
        found += [f"{label} {pk} added" for pk in new.keys() - old.keys()]
        found += [f"{label} {pk} deleted" for pk in old.keys() - new.keys()]
        found += [f"{label} {pk} changed" for pk in old.keys() & new.keys() if old[pk] != new[pk]]
    return found


@pytest.fixture(autouse=True, scope="session")
def _the_test_transaction_keeps_its_connection() -> Iterator[None]:
    """Code that calls close_old_connections() inside a test (the audit worker loop, requests made
    by schemathesis's WSGI client rather than Django's test client) must not close the connection
    holding the test's transaction. Django would, because autocommit is off inside it; SQLite's
    in-memory test database never closes, so only PostgreSQL showed it."""
    from django.db.backends.base.base import BaseDatabaseWrapper

    original = BaseDatabaseWrapper.close_if_unusable_or_obsolete

    def keep_inside_transactions(self: BaseDatabaseWrapper) -> None:
        if not self.in_atomic_block:
            original(self)

    BaseDatabaseWrapper.close_if_unusable_or_obsolete = keep_inside_transactions  # type: ignore[method-assign]
    yield
    BaseDatabaseWrapper.close_if_unusable_or_obsolete = original  # type: ignore[method-assign]
