"""Tenant isolation and role limits, through every URL the project has.

The URLs are read from Django's resolver, so a page added later is covered without editing this file;
a URL whose parameters this file cannot fill fails `test_every_url_is_known` with what to add.

Two organisations, A and B, each with a person in every role and objects in every state (see
conftest.py). Every request runs inside a savepoint that is rolled back afterwards, so each one
starts from the same data and a leak shows as a change of rows in the report, never as a knock-on
failure elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import product
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.web.conftest import (
    FIRST_SECTION,
    ROLES,
    TECHNIQUE,
    Tenant,
    client_for,
    make_user,
    snapshot,
    snapshot_diff,
    web_models,
)
from tests.web.temperature_objects import form_data as temperature_form_data
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.catalogue.models import Entry
from tillid.web.literacy.models import StaffGroup, StaffMember, TrainingActivity
from tillid.web.temperature.models import SurveyInvitation

# --- The URLs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    kwargs: tuple[str, ...]


def all_routes() -> list[Route]:
    def walk(
        resolver: URLResolver, prefix: str, namespace: str, kwargs: frozenset[str]
    ) -> Iterator[Route]:
        for entry in resolver.url_patterns:
            names = kwargs | set(entry.pattern.regex.groupindex)
            if isinstance(entry, URLResolver):
                inner = entry.namespace or ""
                space = f"{namespace}:{inner}" if namespace and inner else namespace or inner
                yield from walk(entry, prefix + str(entry.pattern), space, names)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                yield Route(name or "", prefix + str(entry.pattern), tuple(sorted(names)))

    return list(walk(get_resolver(), "", "", frozenset()))


# Pages outside /o/<org_slug>/: each was looked at and needs no organisation check.
OUTSIDE_ORGANISATIONS = {
    # The temperature measurement's operator pages: staff users only, everyone else gets 404;
    # tested in test_temperature.py.
    "temperature_surveys": "platform operator only",
    "temperature_survey_new": "platform operator only",
    "temperature_survey": "platform operator only",
    "temperature_survey_edit": "platform operator only",
    "temperature_send": "platform operator only",
    "temperature_round_close": "platform operator only",
    "home": "lists the signed-in person's own organisations",
    "login": "public",
    "logout": "ends the caller's own session",
    "set_language": "stores the caller's language",
    "accept_invitation": "the token is the capability; tested in test_accounts.py",
    # The public transparency register shows only published, not withdrawn records to everyone;
    # that nothing else is shown is tested in test_register.py.
    "register_list": "public register",
    "register_download": "public register",
    "register_record": "public register",
    "register_record_version": "public register",
    "register_api_record_version": "public register",
    "register_record_export": "public register",
    "register_api_records": "public register",
    "register_api_record": "public register",
    # The shared experience catalogue shows public entries to everyone and "signed-in
    # organisations" entries to members of any organisation; an organisation's drafts only to its
    # own people. Starting an assessment from an entry crosses organisations by design: it reads a
    # shared entry of Y and writes into an organisation X where the person is an editor (checked
    # with membership_for). Both are tested in test_catalogue.py.
    "catalogue_list": "shared catalogue",
    "catalogue_entry": "shared catalogue",
    "catalogue_start": "shared catalogue, into the caller's own organisation",
    # Dashboards across organisations: anyone signed in sees only aggregates with small-cell
    # suppression (no organisation's own figures); the research dataset is for staff only (403
    # for everyone else). Both are tested in test_dashboards.py.
    "dashboards": "anonymised aggregates for anyone signed in",
    "research_export": "platform operator only",
}
# The HTTP API (token auth, the organisation comes from the token): these parts are the same for
# everyone (the packs and the API's description); every other API URL is in the API test below.
API_SHARED = {
    "api:api-root",
    "api:openapi-json",
    "api:openapi-view",
    "api:get_knowledge",
    "api:get_question",
}


def _staff(tenant: Tenant) -> list[int]:
    return list(
        StaffMember.objects.filter(organisation=tenant.organisation).values_list("pk", flat=True)
    )


def _staff_groups(tenant: Tenant) -> list[int]:
    return list(
        StaffGroup.objects.filter(organisation=tenant.organisation).values_list("pk", flat=True)
    )


def _catalogue_entries(tenant: Tenant) -> list[int]:
    return list(
        Entry.objects.filter(organisation=tenant.organisation)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _catalogue_form(tenant: Tenant, **extra: Any) -> dict[str, Any]:
    return {
        "title": "Shared by the test",
        "language": "en",
        "area": "citizen_service",
        "purpose": "Something learned",
        "status": "pilot",
        "challenges": ["data_quality"],
        "system": tenant.systems[2].pk,
        "visibility": "public",
        "allow_start_from": "on",
        **extra,
    }


def _training(tenant: Tenant) -> int:
    return TrainingActivity.objects.filter(organisation=tenant.organisation).values_list(
        "pk", flat=True
    )[0]


def _temperature_invitations(tenant: Tenant) -> list[int]:
    return list(
        SurveyInvitation.objects.filter(organisation=tenant.organisation)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _unanswered_invitation(tenant: Tenant) -> SurveyInvitation:
    return SurveyInvitation.objects.filter(
        organisation=tenant.organisation, response__isnull=True
    ).order_by("pk")[0]


# What each URL parameter holds: a kind of object (ids of the organisation's objects of that kind) or
# fixed values. `pk` is the object the page's name starts with, unless the name is listed.
OBJECTS: dict[str, Callable[[Tenant], list[Any]]] = {
    "temperature invitation": lambda t: _temperature_invitations(t),
    "system": lambda t: [s.pk for s in t.systems],
    "assessment": lambda t: [a.pk for a in t.assessments],
    "audit": lambda t: [t.audit_run.pk],
    "connection": lambda t: [t.connection.pk],
    "task": lambda t: [t.task.pk],
    "evidence": lambda t: [e.pk for e in t.evidence],
    "invitation token": lambda t: [t.invitation.token],
    "staff member": lambda t: _staff(t),
    "staff group": lambda t: _staff_groups(t),
    "catalogue entry": lambda t: _catalogue_entries(t),
}
PARAMETERS: dict[str, str | list[str]] = {
    "system_pk": "system",
    "system_id": "system",
    "assessment_id": "assessment",
    "token": "invitation token",
    "section_id": [FIRST_SECTION],
    "question_id": [TECHNIQUE],
}
PK_BY_NAME_PREFIX = {
    "temperature_answer": "temperature invitation",
    "system_": "system",
    "assessment": "assessment",
    "audit": "audit",
    "task": "task",
    "evidence_": "evidence",
    "literacy_person": "staff member",
    "literacy_group": "staff group",
    "catalogue_entry": "catalogue entry",
}
PARAMETERS_BY_URL: dict[str, dict[str, str | list[str]]] = {
    "temperature_survey": {"survey_id": [1]},
    "temperature_survey_edit": {"survey_id": [1]},
    "temperature_send": {"survey_id": [1]},
    "temperature_round_close": {"survey_id": [1], "round_id": [1]},
    "action_plan": {"pk": "assessment"},
    "question_evidence": {"pk": "assessment"},
    # Cheap formats: the access check comes before any rendering; PDF/DOCX have their own tests.
    "system_export": {"fmt": ["csv"]},
    "assessment_document": {"kind": ["report"], "fmt": ["md"]},
    "audit_report": {"fmt": ["json"]},
    "api:get_document": {"kind": ["report"], "fmt": ["md"]},
    "register_download": {"fmt": ["csv"]},
    "literacy_report": {"fmt": ["md"]},
    "register_record": {"record_id": [1]},
    "register_record_export": {"record_id": [1], "standard": ["atrs"]},
    "register_api_record": {"record_id": [1]},
    "register_record_version": {"record_id": [1], "version": [1]},
    "register_api_record_version": {"record_id": [1], "version": [1]},
    "catalogue_entry": {"entry_id": [1]},
    "catalogue_start": {"entry_id": [1]},
    "research_export": {"fmt": ["csv"]},
}


def _source(route: Route, kwarg: str) -> str | list[str]:
    """An OBJECTS kind or fixed values; LookupError for a parameter nobody told this file about."""
    if kwarg in PARAMETERS_BY_URL.get(route.name, {}):
        return PARAMETERS_BY_URL[route.name][kwarg]
    if kwarg in PARAMETERS:
        return PARAMETERS[kwarg]
    if kwarg == "pk":
        for prefix, kind in PK_BY_NAME_PREFIX.items():
            if route.name.startswith(prefix):
                return kind
    raise LookupError(
        f"The isolation test cannot fill <{kwarg}> of URL {route.name!r} ({route.pattern}). "
        "Say what it is in tests/web/test_isolation.py (PARAMETERS, PARAMETERS_BY_URL or "
        "PK_BY_NAME_PREFIX), and give the organisations in conftest.py such an object."
    )


def fillable(route: Route) -> bool:
    """Whether every parameter can be filled; the others fail test_every_url_is_known alone."""
    try:
        for kwarg in route.kwargs:
            if kwarg != "org_slug":
                _source(route, kwarg)
    except LookupError:
        return False
    return True


def _values(route: Route, kwarg: str, tenant: Tenant) -> list[Any]:
    source = _source(route, kwarg)
    return OBJECTS[source](tenant) if isinstance(source, str) else source


def urls(route: Route, slug_of: Tenant, objects_of: Tenant) -> list[str]:
    """The route's URLs with `slug_of`'s slug and `objects_of`'s objects in every other parameter."""
    names = [k for k in route.kwargs if k != "org_slug"]
    choices = [_values(route, k, objects_of) for k in names]
    found = []
    for combination in product(*choices):
        kwargs = dict(zip(names, combination, strict=True))
        if "org_slug" in route.kwargs:
            kwargs["org_slug"] = slug_of.slug
        found.append(reverse(route.name, kwargs=kwargs))
    return found


def organisation_routes() -> list[Route]:
    return [r for r in all_routes() if "org_slug" in r.kwargs and fillable(r)]


def api_routes() -> list[Route]:
    return [
        r
        for r in all_routes()
        if r.name.startswith("api:") and r.name not in API_SHARED and fillable(r)
    ]


def telltales(tenant: Tenant) -> list[str]:
    """Texts only this organisation's pages may show: its name, systems and people."""
    return [
        tenant.organisation.name,
        *[s.name for s in tenant.systems],
        *[str(u) for u in tenant.users.values()],
        tenant.connection.display_url,
    ]


# --- What a POST sends ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """A change someone may make, the least role allowed to, and the form data that makes it."""

    url: str
    needs: Role
    data: Callable[[Tenant], dict[str, Any]]
    kwargs: Callable[[Tenant], dict[str, Any]] = field(default=lambda t: {})
    htmx: bool = False

    def path(self, slug_of: Tenant, objects_of: Tenant) -> str:
        return reverse(self.url, kwargs={"org_slug": slug_of.slug, **self.kwargs(objects_of)})


def _answer_version(tenant: Tenant) -> str:
    return str(tenant.draft.answers.get(question_id=TECHNIQUE).version)


def _system_form(tenant: Tenant, **extra: Any) -> dict[str, Any]:
    return {
        "name": "Registered by the test",
        "purpose": "Something new",
        "owner": tenant.users[Role.EDITOR].pk,
        "vendor": "",
        "lifecycle_phase": "operate",
        "status": "in_use",
        "affected_groups": "",
        "data_used": "",
        "links": "",
        **extra,
    }


POSTS = [
    Post("system_new", Role.EDITOR, _system_form),
    Post(
        "system_edit",
        Role.EDITOR,
        lambda t: _system_form(t, name="Renamed", version=t.systems[0].version),
        lambda t: {"pk": t.systems[0].pk},
    ),
    Post("assessment_start", Role.EDITOR, lambda t: {}, lambda t: {"system_pk": t.systems[0].pk}),
    Post(
        "assessment_section",
        Role.EDITOR,
        lambda t: {
            "question": [TECHNIQUE],
            f"a:{TECHNIQUE}": "general_purpose_model",
            f"v:{TECHNIQUE}": _answer_version(t),
        },
        lambda t: {"pk": t.draft.pk, "section_id": FIRST_SECTION},
    ),
    Post(
        "assessment_section",
        Role.EDITOR,
        lambda t: {
            "only": TECHNIQUE,
            f"a:{TECHNIQUE}": "knowledge_based",
            f"v:{TECHNIQUE}": _answer_version(t),
        },
        lambda t: {"pk": t.draft.pk, "section_id": FIRST_SECTION},
        htmx=True,
    ),
    Post(
        "assessment_review",
        Role.EDITOR,
        lambda t: {"action": "submit", "version": t.draft.version},
        lambda t: {"pk": t.draft.pk},
    ),
    Post(
        "assessment_review",
        Role.EDITOR,
        lambda t: {"action": "reopen", "version": t.approved.version},
        lambda t: {"pk": t.approved.pk},
    ),
    Post(
        "assessment_review",
        Role.REVIEWER,
        lambda t: {"action": "approve", "version": t.submitted.version},
        lambda t: {"pk": t.submitted.pk},
    ),
    Post(
        "assessment_review",
        Role.REVIEWER,
        lambda t: {"action": "return", "version": t.submitted.version, "comment": "Explain."},
        lambda t: {"pk": t.submitted.pk},
    ),
    Post(
        "assessment_comment",
        Role.EDITOR,
        lambda t: {"text": "A comment", "question": TECHNIQUE},
        lambda t: {"pk": t.draft.pk},
    ),
    Post("members", Role.ADMIN, lambda t: {"invite": "1", "email": "x@e.org", "role": "editor"}),
    Post(
        "members",
        Role.ADMIN,
        lambda t: {"membership": t.memberships[Role.VIEWER].pk, "role": "editor"},
    ),
    Post(
        "connection_new",
        Role.EDITOR,
        lambda t: {"name": "Another", "url": "postgresql://u:p@db.example/x"},
    ),
    Post(
        "audit_new",
        Role.EDITOR,
        lambda t: {
            "system": t.systems[0].pk,
            "connection": t.connection.pk,
            "table": "decisions",
            "target": "label",
            "prediction": "prediction",
            "protected": "sex",
            "k": "10",
        },
    ),
    Post(
        "record_step",
        Role.EDITOR,
        lambda t: {"action": "start"},
        lambda t: {"system_pk": t.systems[2].pk},  # its assessment is approved
    ),
]


def _upload(name: str, content: bytes) -> Callable[[Tenant], dict[str, Any]]:
    return lambda t: {"file": SimpleUploadedFile(name, content, "text/plain")}


POSTS += [
    Post(
        "task_edit",
        Role.EDITOR,
        lambda t: {
            "version": t.task.version,
            "owner": t.users[Role.EDITOR].pk,
            "due": "2027-01-31",
            "status": "in_progress",
            "reason": "",
            "notes": "Started",
        },
        lambda t: {"pk": t.task.pk},
    ),
    Post(
        "question_evidence",
        Role.EDITOR,
        _upload("decision.txt", b"The board decided."),
        lambda t: {"pk": t.draft.pk, "question_id": TECHNIQUE},
    ),
    Post(
        "task_evidence",
        Role.EDITOR,
        _upload("done.txt", b"Done."),
        lambda t: {"pk": t.task.pk},
    ),
    Post("evidence_remove", Role.EDITOR, lambda t: {}, lambda t: {"pk": t.evidence[0].pk}),
]


POSTS += [
    Post(
        "literacy_person_new",
        Role.EDITOR,
        lambda t: {
            "name": "New person",
            "roles": ["lit.role_overseer"],
            "systems": [t.systems[0].pk],
        },
    ),
    Post(
        "literacy_person_edit",
        Role.EDITOR,
        lambda t: {"name": "Renamed", "groups": _staff_groups(t), "user": t.users[Role.VIEWER].pk},
        lambda t: {"pk": _staff(t)[0]},
    ),
    Post(
        "literacy_person_record",
        Role.EDITOR,
        lambda t: {"activity": _training(t), "completed_on": "2026-02-01", "evidence_note": "List"},
        lambda t: {"pk": _staff(t)[0]},
    ),
    Post(
        "literacy_person_self_assessment",
        Role.EDITOR,
        lambda t: {
            f"lit.area_{area}": "aware"
            for area in (
                "basics",
                "limits",
                "bias",
                "data_protection",
                "instructions",
                "oversight",
                "incidents",
                "genai",
                "governance",
            )
        },
        lambda t: {"pk": _staff(t)[0]},
    ),
    Post("literacy_group_new", Role.EDITOR, lambda t: {"name": "Another group"}),
    Post(
        "literacy_light_path",
        Role.EDITOR,
        lambda t: {"tools": ["genai_assistant"], "responsible": "Owner"},
    ),
    Post(
        "literacy_activity_new",
        Role.EDITOR,
        lambda t: {
            "title": "Briefing",
            "competences": ["lit.m_basics_aware"],
            "validity_months": "12",
        },
    ),
]


POSTS += [
    Post(
        "temperature_answer",
        Role.EDITOR,
        lambda t: temperature_form_data(_unanswered_invitation(t)),
        lambda t: {"pk": _unanswered_invitation(t).pk},
    ),
]


POSTS += [
    Post("catalogue_entry_new", Role.EDITOR, _catalogue_form),
    Post(
        "catalogue_entry_edit",
        Role.EDITOR,
        lambda t: _catalogue_form(
            t, version=Entry.objects.get(pk=_catalogue_entries(t)[0]).version
        ),
        lambda t: {"pk": _catalogue_entries(t)[0]},
    ),
    Post(
        "catalogue_entry_delete",
        Role.EDITOR,
        lambda t: {},
        lambda t: {"pk": _catalogue_entries(t)[0]},
    ),
]


def posts_for(url_name: str) -> list[Post]:
    return [p for p in POSTS if p.url == url_name] or [Post(url_name, Role.VIEWER, lambda t: {})]


# --- Making requests that leave no trace ----------------------------------------------------------


class _RollBack(Exception):
    pass


@dataclass
class Outcome:
    method: str
    url: str
    status: int = 0
    location: str = ""
    changed: list[str] = field(default_factory=list)
    error: str = ""
    shown: list[str] = field(default_factory=list)  # watched-for texts found in the response

    @property
    def leaked(self) -> bool:
        return bool(self.changed or self.error or self.shown)

    def __str__(self) -> str:
        said = self.error or f"{self.status} {self.location}".strip()
        changes = f"; changed {', '.join(self.changed[:5])}" if self.changed else ""
        shown = f"; shows {', '.join(self.shown)}" if self.shown else ""
        return f"{self.method} {self.url} -> {said}{changes}{shown}"


class Rows:
    """The rows to watch, read once: every request is undone, so they are the same before each."""

    def __init__(self, read: Callable[[], dict] = snapshot) -> None:
        self.read = read
        self.before = read()

    def changed(self) -> list[str]:
        return snapshot_diff(self.before, self.read())


def writes_so_far() -> int | None:
    """Rows the database connection has written so far (None: this database cannot say).

    One query instead of a snapshot of every table: most requests in the matrix write nothing.
    test_posts_change_what_they_say... shows it sees the writes of every kind of change."""
    queries = {
        "sqlite": "SELECT total_changes()",
        "postgresql": "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
        "FROM pg_stat_xact_user_tables",
    }
    if connection.vendor not in queries:
        return None
    with connection.cursor() as cursor:
        cursor.execute(queries[connection.vendor])
        return int(cursor.fetchone()[0])


def attempt(
    client: Client,
    method: str,
    url: str,
    data: dict[str, Any] | None = None,
    htmx: bool = False,
    rows: Rows | None = None,
    watch: list[str] | None = None,
    as_json: bool = False,
) -> Outcome:
    """Makes the request, notes what it changed and which `watch` texts it showed, then undoes it.

    Make the clients (which log in) before `rows`, so their logins are not counted as changes.
    """
    outcome = Outcome(method, url)
    rows = rows or Rows()
    writes = writes_so_far()
    headers = {"HX-Request": "true"} if htmx else {}
    extra: dict[str, Any] = {"content_type": "application/json"} if as_json else {}
    try:
        with transaction.atomic():
            try:
                response = getattr(client, method.lower())(
                    url, data or {}, headers=headers, **extra
                )
            except Exception as error:  # a crash is a finding too, and must not stop the matrix
                outcome.error = f"raised {type(error).__name__}: {error}"[:300]
                raise _RollBack from None
            outcome.status = response.status_code
            outcome.location = response.headers.get("Location", "")
            if watch and not getattr(response, "streaming", False):
                text = response.content.decode("utf-8", "replace")
                outcome.shown = [w for w in watch if w in text]
            if writes is None or writes_so_far() != writes:  # else nothing was written at all
                outcome.changed = rows.changed()
            raise _RollBack
    except _RollBack:
        pass
    return outcome


def requests_for(
    route: Route, slug_of: Tenant, objects_of: Tenant, first_only: bool = False
) -> Iterator[tuple[str, str, dict[str, Any], bool]]:
    """GET and every known POST of the route, with `objects_of`'s objects in the URL and the form."""
    for url in urls(route, slug_of, objects_of)[: 1 if first_only else None]:
        yield "GET", url, {}, False
        for post in posts_for(route.name):
            yield "POST", url, post.data(objects_of), post.htmx


# --- Which rows belong to which organisation ------------------------------------------------------


# Rows of the platform itself, in no organisation: the operator's temperature surveys, their
# questions and rounds. Only staff users change them (test_temperature.py); the full snapshots used
# above still see any change to them.
PLATFORM_MODELS = {"temperature.Survey", "temperature.Question", "temperature.Round"}


def path_to_organisation(model: type[models.Model]) -> str:
    """The lookup from a row to its organisation, e.g. 'assessment__organisation'."""
    if model._meta.label in PLATFORM_MODELS:
        return ""
    if model is Organisation:
        return "pk"
    if model is User:
        return "memberships__organisation"
    seen = {model}
    queue: list[tuple[type[models.Model], str]] = [(model, "")]
    while queue:
        current, path = queue.pop(0)
        for f in current._meta.concrete_fields:
            target = getattr(f, "related_model", None)
            if not f.many_to_one or target is None or target in seen or target is User:
                continue
            lookup = f"{path}__{f.name}" if path else f.name
            if target is Organisation:
                return lookup
            seen.add(target)
            queue.append((target, lookup))
    raise LookupError(
        f"{model._meta.label} has no foreign key path to Organisation, so the isolation test "
        "cannot tell whose it is. Give it one, or teach path_to_organisation about it."
    )


def rows_of(organisation: Organisation) -> Callable[[], dict]:
    """A snapshot of the rows that belong to one organisation."""

    def only(model: type[models.Model]) -> models.QuerySet[Any]:
        lookup = path_to_organisation(model)
        if not lookup:
            return model._default_manager.none()
        return model._default_manager.filter(**{lookup: organisation.pk}).distinct()

    return lambda: snapshot(only)


def links_across_organisations() -> list[str]:
    """Rows of one organisation that point at another organisation's rows or people."""
    members: dict[int, set[int]] = {}
    for user_id, organisation_id in Membership.objects.values_list("user_id", "organisation_id"):
        members.setdefault(user_id, set()).add(organisation_id)
    owner: dict[str, dict[int, int]] = {}
    for model in web_models():
        if model is User or model._meta.label in PLATFORM_MODELS:
            continue
        lookup = path_to_organisation(model)
        owner[model._meta.label] = dict(model._default_manager.values_list("pk", lookup))
    found = []
    for model in web_models():
        if model in (User, Organisation) or model._meta.label in PLATFORM_MODELS:
            continue
        label = model._meta.label
        for f in model._meta.concrete_fields:
            target = getattr(f, "related_model", None)
            if not f.many_to_one or target is None or target._meta.label in PLATFORM_MODELS:
                continue
            for pk, target_pk in model._default_manager.values_list("pk", f.attname):
                if target_pk is None:
                    continue
                org = owner[label][pk]
                if target is User:
                    ok = org in members.get(target_pk, set())
                else:
                    ok = owner[target._meta.label].get(target_pk) == org
                if not ok:
                    found.append(f"{label} {pk}.{f.name} points at {target.__name__} {target_pk}")
    return found


# --- The tests ------------------------------------------------------------------------------------


def test_every_url_is_known(a: Tenant, b: Tenant) -> None:
    problems = []
    for route in all_routes():
        if not route.name:
            problems.append(f"{route.pattern} has no name; name it so the tests can reach it")
        elif (
            "org_slug" not in route.kwargs
            and route.name not in OUTSIDE_ORGANISATIONS
            and not route.name.startswith("api:")
        ):
            problems.append(
                f"{route.name} ({route.pattern}) is outside /o/<org_slug>/: decide who may use it "
                "and list it in OUTSIDE_ORGANISATIONS with the reason"
            )
        else:
            try:
                urls(route, a, b)
            except LookupError as error:
                problems.append(str(error))
    for model in web_models():
        try:
            path_to_organisation(model)
        except LookupError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)
    assert len(organisation_routes()) >= 15  # the walk found the apps' URLs


def test_posts_change_what_they_say_for_the_role_that_may_and_nothing_below_it(
    a: Tenant,
) -> None:
    """The form data used everywhere below is real: the right role changes rows with it."""
    clients = {role: client_for(a.users[role]) for role in ROLES}
    rows = Rows()
    wrong = []
    for post in POSTS:
        path = post.path(a, a)
        for role in ROLES:
            outcome = attempt(clients[role], "POST", path, post.data(a), post.htmx, rows)
            allowed = Membership(role=role).allows(post.needs)
            if allowed and (not outcome.changed or outcome.error or outcome.status >= 400):
                wrong.append(f"{role} may, but nothing changed: {outcome}")
            if not allowed and (outcome.changed or outcome.error or outcome.status != 403):
                wrong.append(f"{role} may not, yet: {outcome}")
    assert not wrong, "\n".join(wrong)


def test_viewers_change_nothing_through_any_url(a: Tenant) -> None:
    viewer = client_for(a.users[Role.VIEWER])
    rows = Rows()
    found = []
    for route in organisation_routes():
        for method, url, data, htmx in requests_for(route, a, a):
            outcome = attempt(viewer, method, url, data, htmx, rows)
            if outcome.changed or outcome.error:
                found.append(str(outcome))
    assert not found, "A viewer changed something or crashed:\n" + "\n".join(found)


def test_no_role_of_a_reaches_b_through_bs_address(a: Tenant, b: Tenant) -> None:
    clients = {role: client_for(a.users[role]) for role in ROLES}
    rows = Rows()
    found = []
    for role, client in clients.items():
        for route in organisation_routes():
            # Membership is checked before anything else, so one object of each kind is enough.
            for method, url, data, htmx in requests_for(route, b, b, first_only=True):
                outcome = attempt(client, method, url, data, htmx, rows, telltales(b))
                if outcome.status != 404 or outcome.leaked:
                    found.append(f"{role} of A: {outcome}")
    assert not found, "A's people reached B:\n" + "\n".join(found)


def test_no_role_of_a_reaches_bs_objects_through_as_address(a: Tenant, b: Tenant) -> None:
    clients = {role: client_for(a.users[role]) for role in ROLES}
    rows = Rows()
    found = []
    for role, client in clients.items():
        for route in organisation_routes():
            if urls(route, a, b) == urls(route, a, a):
                continue  # no object in the URL; see the next test for ids in the form
            for method, url, data, htmx in requests_for(route, a, b):
                outcome = attempt(client, method, url, data, htmx, rows, telltales(b))
                if outcome.status not in (403, 404, 405) or outcome.leaked:
                    found.append(f"{role} of A: {outcome}")
    assert not found, "A's people reached B's objects:\n" + "\n".join(found)


def test_bs_ids_in_as_forms_change_nothing_of_b_and_link_nothing_to_it(
    a: Tenant, b: Tenant
) -> None:
    """An admin of A posts A's forms carrying B's ids (owner, membership, system, connection)."""
    admin = client_for(a.users[Role.ADMIN])
    rows = Rows(rows_of(b.organisation))
    found = []
    for post in POSTS:
        outcome = attempt(admin, "POST", post.path(a, a), post.data(b), post.htmx, rows)
        if outcome.changed or outcome.error:
            found.append(str(outcome))
        with transaction.atomic():
            admin.post(
                post.path(a, a), post.data(b), headers={"HX-Request": "true"} if post.htmx else {}
            )
            found += links_across_organisations()
            transaction.set_rollback(True)
    assert not found, "B's ids in A's forms reached B:\n" + "\n".join(found)


def test_people_outside_an_organisation_get_404_everywhere_in_it(a: Tenant) -> None:
    outsider = client_for(make_user("outsider"))
    rows = Rows()
    found = []
    for route in organisation_routes():
        for method, url, data, htmx in requests_for(route, a, a):
            outcome = attempt(outsider, method, url, data, htmx, rows)
            if outcome.status != 404 or outcome.changed or outcome.error:
                found.append(str(outcome))
    assert not found, "\n".join(found)


def test_anonymous_visitors_are_sent_to_log_in_everywhere(a: Tenant) -> None:
    anonymous = Client()
    login = reverse("login")
    rows = Rows()
    found = []
    for route in organisation_routes():
        for method, url, data, htmx in requests_for(route, a, a):
            outcome = attempt(anonymous, method, url, data, htmx, rows)
            if (
                outcome.status != 302
                or not outcome.location.startswith(f"{login}?next=")
                or outcome.changed
                or outcome.error
            ):
                found.append(str(outcome))
    home = attempt(anonymous, "GET", reverse("home"))
    assert home.status == 302 and home.location.startswith(login)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_below_reviewer_nobody_approves_or_returns(a: Tenant, role: Role) -> None:
    client = client_for(a.users[role])
    url = reverse("assessment_review", args=[a.slug, a.submitted.pk])
    for action in ("approve", "return"):
        response = client.post(
            url, {"action": action, "version": a.submitted.version, "comment": "Change it."}
        )
        assert response.status_code == 403
    a.submitted.refresh_from_db()
    assert a.submitted.status == "submitted"
    assert not a.submitted.approved_versions.exists()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.REVIEWER])
def test_only_admins_invite_or_change_roles(a: Tenant, role: Role) -> None:
    client = client_for(a.users[role])
    rows = Rows()
    url = reverse("members", args=[a.slug])
    invite = client.post(url, {"invite": "1", "email": "friend@example.org", "role": "admin"})
    promote = client.post(url, {"membership": a.memberships[role].pk, "role": "admin"})
    assert (invite.status_code, promote.status_code) == (403, 403)
    assert rows.changed() == []
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="invite"' not in page.content  # no form they cannot use


def test_as_pages_show_nothing_of_b_to_any_role(a: Tenant, b: Tenant) -> None:
    clients = {role: client_for(a.users[role]) for role in ROLES}
    rows = Rows()
    found = []
    for role, client in clients.items():
        for route in organisation_routes():
            for url in urls(route, a, a):
                outcome = attempt(client, "GET", url, rows=rows, watch=telltales(b))
                if outcome.leaked or outcome.status >= 500:
                    found.append(f"{role} of A: {outcome}")
    assert not found, "\n".join(found)


API_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _api_client(tenant: Tenant, role: str) -> Client:
    from tillid.web.api.services import create_token

    _token, secret = create_token(tenant.organisation, f"{role} token", role, tenant.users["admin"])
    return Client(headers={"Authorization": f"Bearer {secret}"})


def test_api_tokens_of_a_reach_nothing_of_b(a: Tenant, b: Tenant) -> None:
    routes = api_routes()
    if not routes:
        return  # no API in this build
    callers = {f"{role} token": _api_client(a, role) for role in ("viewer", "editor")}
    callers["editor's session"] = client_for(a.users[Role.EDITOR])
    mine = callers["viewer token"].get(reverse("api:list_systems"))
    assert mine.status_code == 200 and a.systems[0].name in mine.content.decode()
    rows = Rows(rows_of(b.organisation))
    found = []
    for who, client in callers.items():
        for route in routes:
            ids_of_b = urls(route, a, b) != urls(route, a, a)
            for url in urls(route, a, b):
                for method in API_METHODS:
                    outcome = attempt(
                        client,
                        method,
                        url,
                        rows=rows,
                        watch=telltales(b),
                        as_json=True,
                    )
                    denied = outcome.status in (401, 403, 404, 405, 422)
                    if outcome.leaked or (ids_of_b and not denied) or outcome.status >= 500:
                        found.append(f"{who} of A: {outcome}")
    assert not found, "A's API callers reached B:\n" + "\n".join(found)
