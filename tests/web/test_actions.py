"""The action plan: measures from an assessment become tasks people own, date and close; and the
organisation's overview of obligations and tasks falling due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tillid.assessment.answers import read_answer_set
from tillid.assessment.result import MeasureResult
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.actions.models import Task, TaskStatus
from tillid.web.actions.services import TaskEdit, sync_action_plan, update_task
from tillid.web.assessments import services
from tillid.web.assessments.models import Assessment
from tillid.web.inventory.models import AISystem

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "src" / "tillid" / "examples" / "demo"


@dataclass
class Org:
    organisation: Organisation
    admin: User
    editor: User
    viewer: User
    system: AISystem
    assessment: Assessment

    def client(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.organisation.slug, *args])


def make_org(slug: str, answers: str = "benefit_application_triage.yaml") -> Org:
    """A Danish municipality with one system whose assessment is answered from a demo file."""
    organisation = Organisation.objects.create(
        slug=slug, name=f"{slug.title()} Kommune", organisation_type="municipality", country="DK"
    )
    people = {}
    for role in (Role.ADMIN, Role.EDITOR, Role.VIEWER):
        user = User.objects.create_user(f"{slug}-{role}", password="pw-not-used-123")
        Membership.objects.create(user=user, organisation=organisation, role=role)
        people[role] = user
    system = AISystem.objects.create(
        organisation=organisation, name="Triage", purpose="Sorting applications"
    )
    assessment = services.start_assessment(system, people[Role.EDITOR])
    answer_set = read_answer_set(DEMO / answers)
    inputs = [services.AnswerInput(q, v, None) for q, v in answer_set.answers.items()]
    outcome = services.save_answers(assessment, people[Role.EDITOR], inputs)
    assert not outcome.errors
    assessment.refresh_from_db()
    return Org(
        organisation,
        people[Role.ADMIN],
        people[Role.EDITOR],
        people[Role.VIEWER],
        system,
        assessment,
    )


def approve(org: Org) -> None:
    services.submit(org.assessment, org.editor, org.assessment.version)
    services.approve(org.assessment, org.admin, org.assessment.version)


def edit(task: Task, **changes: object) -> TaskEdit:
    values: dict[str, object] = {
        "seen_version": task.version,
        "owner_id": task.owner_id,
        "due": task.due,
        "status": task.status,
        "reason": task.reason,
    }
    values.update(changes)
    return TaskEdit(**values)  # type: ignore[arg-type]


@pytest.fixture
def org() -> Org:
    return make_org("aarby")


@pytest.fixture
def other() -> Org:
    return make_org("borup")


def test_approving_an_assessment_makes_a_task_for_every_measure_due_when_the_result_says(
    org: Org,
) -> None:
    measures = services.evaluate_assessment(org.assessment).measures
    assert measures

    approve(org)

    tasks = {t.measure_id: t for t in Task.objects.filter(assessment=org.assessment)}
    assert set(tasks) == {m.id for m in measures}
    today = timezone.localdate()
    for measure in measures:
        assert tasks[measure.id].result_due == measure.due
        assert tasks[measure.id].due == (max(measure.due, today) if measure.due else None)
        assert tasks[measure.id].status == TaskStatus.OPEN
        assert tasks[measure.id].obligations == measure.obligations


def test_an_editor_makes_the_plan_from_the_latest_result_with_the_button(org: Org) -> None:
    page = org.client(org.editor).get(org.url("action_plan", org.assessment.pk))
    assert "There is no action plan yet." in page.content.decode()

    response = org.client(org.editor).post(org.url("action_plan", org.assessment.pk), follow=True)

    count = len(services.evaluate_assessment(org.assessment).measures)
    assert Task.objects.filter(assessment=org.assessment).count() == count
    assert "The action plan now follows the result" in response.content.decode()


def test_a_viewer_cannot_make_or_change_the_plan(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    viewer = org.client(org.viewer)

    assert viewer.post(org.url("action_plan", org.assessment.pk)).status_code == 403
    response = viewer.post(
        org.url("task_edit", task.pk), {"version": task.version, "status": "done"}
    )

    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_sync_never_deletes_a_task_someone_worked_on(org: Org) -> None:
    first = MeasureResult("aia.m_literacy_programme", ["aia.o_art4_literacy"], None, [], None)
    second = MeasureResult("gdpr.m_data_inventory", [], None, [], None)
    sync_action_plan(org.assessment, [first, second])
    worked = Task.objects.get(assessment=org.assessment, measure_id=first.id)
    update_task(worked, org.editor, edit(worked, status=TaskStatus.IN_PROGRESS, notes="Started"))

    outcome = sync_action_plan(org.assessment, [])

    worked.refresh_from_db()
    assert not worked.required  # shown as "no longer required by the assessment"
    assert worked.notes == "Started"
    assert not Task.objects.filter(measure_id=second.id).exists()  # untouched: removed
    assert (outcome.no_longer_required, outcome.removed) == (1, 1)

    sync_action_plan(org.assessment, [first])
    worked.refresh_from_db()
    assert worked.required


def test_sync_follows_a_new_due_date_unless_a_person_moved_it(org: Org) -> None:
    old, new = dt.date(2030, 8, 2), dt.date(2031, 12, 2)
    moved_by_person = dt.date(2030, 3, 1)
    a = MeasureResult("aia.m_literacy_programme", [], old, [], None)
    b = MeasureResult("gdpr.m_data_inventory", [], old, [], None)
    sync_action_plan(org.assessment, [a, b])
    task_b = Task.objects.get(measure_id=b.id)
    update_task(task_b, org.editor, edit(task_b, due=moved_by_person))

    sync_action_plan(
        org.assessment,
        [MeasureResult(a.id, [], new, [], None), MeasureResult(b.id, [], new, [], None)],
    )

    assert Task.objects.get(measure_id=a.id).due == new
    assert Task.objects.get(measure_id=b.id).due == moved_by_person


def test_a_duty_that_already_applies_makes_its_task_due_the_day_the_plan_is_made(org: Org) -> None:
    since_1987 = MeasureResult("gdpr.m_data_inventory", [], dt.date(1987, 1, 1), [], None)
    planned_on = dt.date(2026, 11, 2)

    sync_action_plan(org.assessment, [since_1987], today=planned_on)
    sync_action_plan(org.assessment, [since_1987], today=planned_on + dt.timedelta(days=30))

    task = Task.objects.get(measure_id=since_1987.id)
    assert task.due == planned_on  # a later update does not quietly move it forward
    assert task.result_due == dt.date(1987, 1, 1)


def test_not_relevant_needs_a_reason(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    client = org.client(org.editor)

    response = client.post(
        org.url("task_edit", task.pk),
        {"version": task.version, "status": "not_relevant", "reason": "  "},
        follow=True,
    )

    assert "the reason is required" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN

    client.post(
        org.url("task_edit", task.pk),
        {"version": task.version, "status": "not_relevant", "reason": "We do not use the data"},
    )
    task.refresh_from_db()
    assert (task.status, task.reason) == (TaskStatus.NOT_RELEVANT, "We do not use the data")


def test_a_task_owner_must_be_a_member_of_the_organisation(org: Org, other: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None

    response = org.client(org.editor).post(
        org.url("task_edit", task.pk),
        {"version": task.version, "status": "open", "owner": other.editor.pk},
        follow=True,
    )

    assert "is not a member of Aarby Kommune" in response.content.decode()
    task.refresh_from_db()
    assert task.owner is None

    org.client(org.editor).post(
        org.url("task_edit", task.pk),
        {"version": task.version, "status": "open", "owner": org.viewer.pk},
    )
    task.refresh_from_db()
    assert task.owner == org.viewer


def test_two_people_editing_one_task_never_overwrite_each_other(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    seen = task.version
    first, second = org.client(org.editor), org.client(org.admin)

    first.post(org.url("task_edit", task.pk), {"version": seen, "status": "done"})
    response = second.post(
        org.url("task_edit", task.pk),
        {"version": seen, "status": "in_progress"},
        HTTP_HX_REQUEST="true",
    )

    body = response.content.decode()
    assert "changed this task" in body and "Your change was not saved" in body
    assert 'value="done" selected' in body  # the row now shows the first person's change
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_inline_edit_with_htmx_returns_the_updated_row(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None

    response = org.client(org.editor).post(
        org.url("task_edit", task.pk),
        {
            "version": task.version,
            "status": "in_progress",
            "owner": org.editor.pk,
            "due": "2031-05-01",
        },
        HTTP_HX_REQUEST="true",
    )

    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="task-{task.pk}"')
    assert 'value="in_progress" selected' in body
    assert f'name="version" value="{task.version + 1}"' in body
    task.refresh_from_db()
    assert (task.status, task.owner, task.due) == ("in_progress", org.editor, dt.date(2031, 5, 1))
    assert task.due_moved


def test_the_plan_page_has_a_labelled_control_for_every_field(org: Org) -> None:
    approve(org)
    body = org.client(org.editor).get(org.url("action_plan", org.assessment.pk)).content.decode()
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None

    for control in ("owner", "due", "status", "reason"):
        assert f'for="{control}-{task.pk}"' in body and f'id="{control}-{task.pk}"' in body
    assert "Update the action plan from the result" in body


def test_another_organisation_cannot_see_or_change_a_plan_or_task(org: Org, other: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    outsider = other.client(other.admin)

    for url in (
        org.url("action_plan", org.assessment.pk),
        org.url("task", task.pk),
        other.url("task", task.pk),  # their own organisation's URL, our task id
        other.url("action_plan", org.assessment.pk),
    ):
        assert outsider.get(url).status_code == 404, url
    response = outsider.post(other.url("task_edit", task.pk), {"version": 1, "status": "done"})
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_open_measures_counts_tasks_still_to_do_once_a_plan_exists(org: Org) -> None:
    approve(org)
    tasks = list(Task.objects.filter(assessment=org.assessment))
    for task in tasks[:3]:
        update_task(task, org.editor, edit(task, status=TaskStatus.DONE))

    org.assessment.refresh_from_db()
    assert org.assessment.open_measures == len(tasks) - 3

    # A new revision: answering again refreshes the summary from the result, but the column
    # keeps counting the tasks.
    services.reopen(org.assessment, org.admin, org.assessment.version)
    services.refresh_summary(org.assessment)
    org.assessment.refresh_from_db()
    assert org.assessment.open_measures == len(tasks) - 3


def test_the_overview_lists_tasks_and_future_obligations_by_date_with_overdue_marked(
    org: Org,
) -> None:
    approve(org)
    today = timezone.localdate()
    late, later = Task.objects.filter(assessment=org.assessment)[:2]
    update_task(late, org.editor, edit(late, due=today - dt.timedelta(days=3)))
    update_task(
        later, org.editor, edit(later, due=today + dt.timedelta(days=400), owner_id=org.viewer.pk)
    )

    response = org.client(org.viewer).get(org.url("falling_due"))

    body = response.content.decode()
    assert "Obligations and tasks falling due" in body
    assert 'class="tillid-overdue"' in body and "Overdue" in body
    assert "Duty applies from this date" in body  # e.g. the AI Act's deployer duties
    dates = [item.date for item in response.context["items"] if item.date]
    assert dates == sorted(dates)
    assert any(i.obligation_id and i.date > today for i in response.context["items"])
    overdue = [i for i in response.context["items"] if i.overdue]
    assert [i.task for i in overdue if i.task == late] == [late]


def test_the_overview_filters_by_owner_system_and_status(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    update_task(task, org.editor, edit(task, owner_id=org.viewer.pk))
    client = org.client(org.viewer)

    mine = client.get(org.url("falling_due"), {"owner": org.viewer.pk}).context["items"]
    assert [i.task for i in mine] == [task]  # obligations have no owner: left out

    done = client.get(org.url("falling_due"), {"status": "done"}).context["items"]
    assert done == []

    elsewhere = AISystem.objects.create(organisation=org.organisation, name="Other", purpose="x")
    none = client.get(org.url("falling_due"), {"system": elsewhere.pk}).context["items"]
    assert none == []


def test_the_main_menu_links_to_the_overview(org: Org) -> None:
    body = org.client(org.viewer).get(org.url("systems")).content.decode()
    assert f'href="{org.url("falling_due")}"' in body


def test_the_task_history_says_who_changed_what_and_when(org: Org) -> None:
    approve(org)
    task = Task.objects.filter(assessment=org.assessment).first()
    assert task is not None
    update_task(task, org.editor, edit(task, status=TaskStatus.IN_PROGRESS, owner_id=org.viewer.pk))
    task.refresh_from_db()
    update_task(task, org.admin, edit(task, status=TaskStatus.DONE))
    sync_action_plan(org.assessment, [])  # the measure goes; the task stays

    body = org.client(org.viewer).get(org.url("task", task.pk)).content.decode()

    kinds = list(task.changes.values_list("kind", "actor__username"))
    assert kinds == [
        ("created", "aarby-admin"),  # the approver made the plan
        ("changed", "aarby-editor"),
        ("changed", "aarby-admin"),
        ("not_required", None),
    ]
    second = task.changes.all()[1]
    assert second.before == {"owner": "", "status": "Open"}
    assert second.after == {"owner": "aarby-viewer", "status": "In progress"}
    assert "No longer required by the assessment" in body and "aarby-editor" in body
