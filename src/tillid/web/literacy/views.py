"""AI literacy pages: overview with coverage and reminders, people, groups, training, systems."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.knowledge.citations import readable
from tillid.knowledge.model import Language
from tillid.reports.literacy import render_literacy_report
from tillid.web.accounts.models import Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.labels import language_of
from tillid.web.inventory.models import AISystem
from tillid.web.literacy import selectors, services
from tillid.web.literacy.forms import (
    LEVEL_CHOICES,
    ActivityForm,
    GroupForm,
    LightPathForm,
    PersonForm,
    RecordForm,
    SelfAssessmentForm,
)
from tillid.web.literacy.models import StaffMember


def _language(request: HttpRequest) -> Language:
    return language_of(request.LANGUAGE_CODE)  # type: ignore[attr-defined]


def _words(language: Language) -> dict[str, str]:
    """Pack id -> words: staff roles and areas (glossary), competences, obligations, citations."""
    kb = knowledge_base()
    words = {t.id: t.term.get(language) for t in kb.glossary.values() if t.id.startswith("lit.")}
    for measure in kb.measure.values():
        if measure.competence:
            words[measure.id] = measure.title.get(language)
    for obligation in kb.obligation.values():
        if obligation.audience:
            words[obligation.id] = obligation.title.get(language)
            for key in obligation.citations:
                words[key] = readable(key, language)
    return words


def _posted(request: HttpRequest) -> Any:
    """The form data of a POST, even an empty one (which must show "required", not the blank form)."""
    return request.POST if request.method == "POST" else None


def _base(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    return {
        "words": _words(_language(request)),
        "can_edit": request.membership.allows(Role.EDITOR),  # type: ignore[attr-defined]
        **extra,
    }


def _person(organisation: Organisation, pk: int) -> StaffMember:
    person = selectors.person_of(organisation, pk)
    if person is None:
        raise Http404
    return person


@organisation_view(Role.VIEWER)
def overview(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    today = timezone.localdate()
    statuses = selectors.need_statuses(organisation, today)
    people = list(selectors.people_of(organisation))
    groups = list(selectors.groups_of(organisation).prefetch_related("members"))
    return render(
        request,
        "literacy/overview.html",
        _base(
            request,
            by_system=selectors.coverage_by_system(statuses),
            by_person=selectors.coverage_by_person(statuses, people),
            by_group=[(g, selectors.coverage_of_group(statuses, g)) for g in groups],
            open_needs=[s for s in statuses if not s.met],
            new_needs=selectors.new_needs(statuses, timezone.now()),
            due=selectors.training_falling_due(organisation, today),
            report_languages=[("da", "Dansk"), ("en", "English"), ("sv", "Svenska")],
        ),
    )


REPORT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}


@organisation_view(Role.VIEWER)
def report(request: HttpRequest, organisation: Organisation, fmt: str) -> HttpResponse:
    """The organisation's AI-literacy report; ?lang=da|en|sv, else the page's language."""
    if fmt not in REPORT_TYPES:
        raise Http404("Unknown format")
    wanted = request.GET.get("lang", "")
    language = wanted if wanted in ("da", "en", "sv") else _language(request)
    records = selectors.report_records(organisation, timezone.localdate())
    body = render_literacy_report(knowledge_base(), records, language, fmt)  # type: ignore[arg-type]
    response = HttpResponse(body, content_type=REPORT_TYPES[fmt])
    name = f"tillid-{organisation.slug}-ai-literacy-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@organisation_view(Role.VIEWER)
def system_needs(request: HttpRequest, organisation: Organisation, system_pk: int) -> HttpResponse:
    system = AISystem.objects.filter(organisation=organisation, pk=system_pk).first()
    if system is None:
        raise Http404
    statuses = selectors.need_statuses(organisation, timezone.localdate(), system)
    return render(request, "literacy/system.html", _base(request, system=system, statuses=statuses))


@organisation_view(Role.VIEWER)
def people(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "literacy/people.html",
        _base(
            request,
            people=selectors.people_of(organisation),
            groups=selectors.groups_of(organisation).prefetch_related("members"),
            activities=selectors.activities_of(organisation),
        ),
    )


@organisation_view(Role.VIEWER)
def person_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    person = _person(organisation, pk)
    today = timezone.localdate()
    statuses = selectors.need_statuses(organisation, today)
    mine = selectors.needs_of_person(statuses, person)
    return render(
        request,
        "literacy/person.html",
        _base(
            request,
            person=person,
            needs=[(s, next(p.met for p in s.people if p.person.pk == person.pk)) for s in mine],
            records=[(r, r.valid_on(today)) for r in person.records.all()],
            self_assessment=selectors.latest_self_assessment(person),
            levels={key: str(label) for key, label in LEVEL_CHOICES},
        ),
    )


def _person_input(form: PersonForm) -> services.PersonInput:
    data = form.cleaned_data
    return services.PersonInput(
        name=data["name"],
        job_title=data["job_title"],
        roles=data["roles"],
        group_ids=[g.pk for g in data["groups"]],
        system_ids=[s.pk for s in data["systems"]],
        user_id=data["user"].pk if data["user"] else None,
    )


@organisation_view(Role.EDITOR)
def person_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _person_form(request, organisation, None)


@organisation_view(Role.EDITOR)
def person_edit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    return _person_form(request, organisation, _person(organisation, pk))


def _person_form(
    request: HttpRequest, organisation: Organisation, person: StaffMember | None
) -> HttpResponse:
    initial = {}
    if person:
        initial = {
            "name": person.name,
            "job_title": person.job_title,
            "roles": person.roles,
            "systems": person.systems.all(),
            "groups": person.groups.all(),
            "user": person.user,
        }
    form = PersonForm(
        _posted(request),
        initial=initial,
        organisation=organisation,
        language=_language(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_person(organisation, _person_input(form), person)
        except services.LiteracyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect("literacy_person", org_slug=organisation.slug, pk=saved.pk)
    return render(request, "literacy/form.html", _base(request, form=form, person=person))


@organisation_view(Role.EDITOR)
def person_record(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    person = _person(organisation, pk)
    form = RecordForm(_posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_training(
                organisation,
                person,
                data["activity"].pk,
                data["completed_on"],
                timezone.localdate(),
                request.user,  # type: ignore[arg-type]
                data["evidence_note"],
                data["evidence_reference"],
            )
        except services.LiteracyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The training was recorded."))
            return redirect("literacy_person", org_slug=organisation.slug, pk=person.pk)
    return render(
        request,
        "literacy/form.html",
        _base(request, form=form, person=person, heading=_("Record a training")),
    )


@organisation_view(Role.EDITOR)
def person_self_assessment(
    request: HttpRequest, organisation: Organisation, pk: int
) -> HttpResponse:
    person = _person(organisation, pk)
    latest = selectors.latest_self_assessment(person)
    form = SelfAssessmentForm(
        _posted(request),
        initial=latest.levels if latest else {},
        language=_language(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_self_assessment(
                organisation,
                person,
                form.cleaned_data,
                request.user,  # type: ignore[arg-type]
            )
        except services.LiteracyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The self-assessment was saved."))
            return redirect("literacy_person", org_slug=organisation.slug, pk=person.pk)
    return render(
        request,
        "literacy/form.html",
        _base(request, form=form, person=person, heading=_("Self-assessment")),
    )


@organisation_view(Role.VIEWER)
def group_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    group = selectors.group_of(organisation, pk)
    if group is None:
        raise Http404
    statuses = selectors.need_statuses(organisation, timezone.localdate())
    members = list(selectors.people_of(organisation).filter(groups=group))
    gaps = [(m, selectors.gaps_of_person(statuses, m)) for m in members]
    return render(
        request,
        "literacy/group.html",
        _base(
            request,
            group=group,
            gaps=gaps,
            coverage=selectors.coverage_of_group(statuses, group),
        ),
    )


@organisation_view(Role.EDITOR)
def group_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = GroupForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(
                organisation, form.cleaned_data["name"], form.cleaned_data["description"]
            )
        except services.LiteracyError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The group was created."))
            return redirect("literacy_group", org_slug=organisation.slug, pk=group.pk)
    return render(request, "literacy/form.html", _base(request, form=form, heading=_("New group")))


@organisation_view(Role.EDITOR)
def activity_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = ActivityForm(_posted(request), language=_language(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_activity(
                organisation,
                data["title"],
                data["competences"],
                data["description"],
                data["validity_months"],
            )
        except services.LiteracyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The training was added."))
            return redirect("literacy_people", org_slug=organisation.slug)
    return render(
        request, "literacy/form.html", _base(request, form=form, heading=_("New training"))
    )


@organisation_view(Role.EDITOR)
def light_path(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = LightPathForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.start_light_path(
                organisation,
                request.user,  # type: ignore[arg-type]
                form.cleaned_data["tools"],
                form.cleaned_data["responsible"],
            )
        except services.LiteracyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your AI tools were registered and assessed."))
            return redirect("literacy_plan", org_slug=organisation.slug)
    return render(request, "literacy/light_path.html", _base(request, form=form))


@organisation_view(Role.VIEWER)
def plan(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """What to do: the open needs by staff role, with the competence's text and evidence."""
    kb = knowledge_base()
    language = _language(request)
    statuses = [s for s in selectors.need_statuses(organisation, timezone.localdate()) if not s.met]
    # role -> competence -> what to do, the evidence, and the systems and sources asking for it
    by_role: dict[str, dict[str, dict[str, Any]]] = {}
    for s in statuses:
        measure = kb.measure[s.need.competence]
        row = by_role.setdefault(s.need.role, {}).setdefault(
            s.need.competence,
            {
                "competence": s.need.competence,
                "text": measure.text.get(language),
                "evidence": measure.evidence.get(language),
                "systems": [],
                "citations": [],
            },
        )
        row["systems"] += [s.system.name] if s.system.name not in row["systems"] else []
        row["citations"] += [c for c in s.need.citations if c not in row["citations"]]
    return render(
        request,
        "literacy/plan.html",
        _base(
            request,
            by_role=[(role, list(rows.values())) for role, rows in by_role.items()],
            report_languages=[("da", "Dansk"), ("en", "English"), ("sv", "Svenska")],
        ),
    )
