"""Forms check the shape of the input; services.py checks the rest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Country, OrganisationType
from tillid.web.inventory.models import LifecyclePhase
from tillid.web.temperature.aggregates import DEFAULT_MIN_RESPONSES
from tillid.web.temperature.models import Question, QuestionKind, Survey
from tillid.web.temperature.services import MAX_TEXT, Audience, SurveyInput
from tillid.web.temperature.vocabulary import CHALLENGES, DEFAULT_STATEMENTS, SCALE_LABELS


def _style(form: forms.Form) -> None:
    for f in form.fields.values():
        widget = f.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "form-checkbox")
        elif isinstance(widget, forms.RadioSelect):
            widget.attrs.setdefault("class", "form-radio")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-checkbox")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-input")


def _audience_fields() -> dict[str, forms.Field]:
    every = _("Choose none for all.")
    return {
        "phases": forms.MultipleChoiceField(
            label=_("Lifecycle phases"),
            choices=LifecyclePhase.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=every,
        ),
        "countries": forms.MultipleChoiceField(
            label=_("Countries"),
            choices=Country.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=every,
        ),
        "organisation_types": forms.MultipleChoiceField(
            label=_("Organisation types"),
            choices=OrganisationType.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=every,
        ),
    }


def _audience(data: dict[str, Any]) -> Audience:
    return Audience(
        phases=tuple(data.get("phases") or ()),
        countries=tuple(data.get("countries") or ()),
        organisation_types=tuple(data.get("organisation_types") or ()),
    )


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    interval_months = forms.IntegerField(
        label=_("Send a round every (months)"), min_value=1, max_value=24, initial=3
    )
    answer_days = forms.IntegerField(
        label=_("Days to answer"),
        min_value=1,
        max_value=180,
        initial=21,
        help_text=_("The deadline of a round sent automatically is this many days after sending."),
    )
    starts_on = forms.DateField(
        label=_("First round on"),
        help_text=_("YYYY-MM-DD. Later rounds follow at the interval."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    recurring = forms.BooleanField(
        label=_("Send rounds automatically when due"),
        required=False,
        initial=True,
        help_text=_(
            "Needs the command tillid manage send_temperature_rounds run daily, e.g. by cron."
        ),
    )
    min_responses = forms.IntegerField(
        label=_("Fewest responses shown"),
        min_value=DEFAULT_MIN_RESPONSES,
        max_value=1000,
        initial=DEFAULT_MIN_RESPONSES,
        help_text=_(
            "Results of a round or group with fewer responses are hidden, so no project's answers "
            "can be read. At least 5."
        ),
    )
    statements = forms.MultipleChoiceField(
        label=_("Statements answered from 1 (strongly disagree) to 5 (strongly agree)"),
        choices=list(DEFAULT_STATEMENTS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Projects read these in their own language."),
    )
    own_statements = forms.CharField(
        label=_("Statements of your own"),
        required=False,
        max_length=3100,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, at most 10. Projects read them as you write them."),
    )
    ask_challenges = forms.BooleanField(
        label=_("Ask which challenges the project faces now"), required=False, initial=True
    )
    ask_text = forms.BooleanField(
        label=_("Ask for a comment in free text"), required=False, initial=True
    )

    def __init__(self, *args: Any, locked: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_audience_fields())
        self.locked = locked  # questions fixed: the first round was sent
        if locked:
            for name in ("statements", "own_statements", "ask_challenges", "ask_text"):
                del self.fields[name]
        _style(self)

    @staticmethod
    def initial_for(survey: Survey | None) -> dict[str, Any]:
        if survey is None:
            return {
                "starts_on": timezone.localdate(),
                "statements": list(DEFAULT_STATEMENTS),
                "recurring": True,
                "ask_challenges": True,
                "ask_text": True,
            }
        questions = list(survey.questions.all())
        return {
            "title": survey.title,
            "interval_months": survey.interval_months,
            "answer_days": survey.answer_days,
            "starts_on": survey.starts_on,
            "recurring": survey.recurring,
            "min_responses": survey.min_responses,
            "statements": [q.key for q in questions if q.kind == QuestionKind.SCALE and q.key],
            "own_statements": "\n".join(
                q.text for q in questions if q.kind == QuestionKind.SCALE and not q.key
            ),
            "ask_challenges": any(q.kind == QuestionKind.CHALLENGES for q in questions),
            "ask_text": any(q.kind == QuestionKind.TEXT for q in questions),
            **survey.audience,
        }

    def to_input(self, questions: list[Question] | None = None) -> SurveyInput:
        data = self.cleaned_data
        if self.locked:
            questions = questions or []
            statements = tuple(q.key for q in questions if q.kind == QuestionKind.SCALE and q.key)
            own = tuple(q.text for q in questions if q.kind == QuestionKind.SCALE and not q.key)
            challenges = any(q.kind == QuestionKind.CHALLENGES for q in questions)
            text = any(q.kind == QuestionKind.TEXT for q in questions)
        else:
            statements = tuple(data["statements"])
            own = tuple(data["own_statements"].splitlines())
            challenges, text = data["ask_challenges"], data["ask_text"]
        return SurveyInput(
            title=data["title"],
            interval_months=data["interval_months"],
            answer_days=data["answer_days"],
            starts_on=data["starts_on"],
            recurring=data["recurring"],
            min_responses=data["min_responses"],
            audience=_audience(data),
            statements=statements,
            own_statements=own,
            ask_challenges=challenges,
            ask_text=text,
        )


class SendForm(forms.Form):
    deadline = forms.DateField(
        label=_("Deadline"),
        help_text=_("YYYY-MM-DD. Projects can answer and change their answers until this day."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_audience_fields())
        _style(self)

    def clean_deadline(self) -> dt.date:
        deadline: dt.date = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline has passed; choose today or a later day."))
        return deadline

    def audience(self) -> Audience:
        return _audience(self.cleaned_data)


class AnswerForm(forms.Form):
    """One field per question of the survey, named q<id>."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, questions: list[Question], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.wording(),
                    choices=[(v, label) for v, label in SCALE_LABELS.items()],
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            elif question.kind == QuestionKind.CHALLENGES:
                self.fields[name] = forms.MultipleChoiceField(
                    label=question.wording(),
                    choices=list(CHALLENGES.items()),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose any that apply, or none."),
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.wording(),
                    required=False,
                    max_length=MAX_TEXT,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    help_text=_(
                        "The platform operator reads this without your project's or organisation's "
                        "name, beside the other projects' comments."
                    ),
                )
        _style(self)

    def answers(self) -> dict[int, Any]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}

    @staticmethod
    def initial_from(answers: dict[int, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for question_id, answer in answers.items():
            initial[f"q{question_id}"] = (
                answer.value if answer.value is not None else (answer.choices or answer.text)
            )
        return initial
