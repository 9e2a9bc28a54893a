"""Forms check the shape of the input; services.py checks what it points at."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.assessment.literacy import competence_areas, competences, staff_roles
from tillid.knowledge.model import Language
from tillid.web.accounts.models import Organisation, User
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.inventory.models import AISystem
from tillid.web.literacy.models import StaffGroup, TrainingActivity


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "form-checkbox")
        elif isinstance(widget, forms.RadioSelect):
            widget.attrs.setdefault("class", "form-radio")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-input")


def role_choices(language: Language) -> list[tuple[str, str]]:
    return [(t.id, t.term.get(language)) for t in staff_roles(knowledge_base())]


def competence_choices(language: Language) -> list[tuple[str, str]]:
    return [(m.id, m.title.get(language)) for m in competences(knowledge_base())]


class PersonForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple
    )
    systems = forms.ModelMultipleChoiceField(
        AISystem.objects.none(),
        label=_("Works with these AI systems"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Choose none if the person works with all of them, e.g. management or the DPO."
        ),
    )
    groups = forms.ModelMultipleChoiceField(
        StaffGroup.objects.none(),
        label=_("Groups"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    user = forms.ModelChoiceField(User.objects.none(), label=_("tillid user"), required=False)

    def __init__(
        self, *args: Any, organisation: Organisation, language: Language, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = role_choices(language)
        self.fields["systems"].queryset = AISystem.objects.filter(organisation=organisation)
        self.fields["groups"].queryset = StaffGroup.objects.filter(organisation=organisation)
        self.fields["user"].queryset = User.objects.filter(
            memberships__organisation=organisation
        ).order_by("username")
        _style(self)


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea
    )
    competences = forms.MultipleChoiceField(
        label=_("Competences it covers"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A level covers the lower levels of the same area."),
    )
    validity_months = forms.IntegerField(
        label=_("Valid for (months)"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_("When the training must be repeated; leave empty if it does not expire."),
    )

    def __init__(self, *args: Any, language: Language, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competences"].choices = competence_choices(language)
        _style(self)


class RecordForm(forms.Form):
    activity = forms.ModelChoiceField(TrainingActivity.objects.none(), label=_("Training"))
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence_note = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. attendance list signed by the trainer, or course certificate."),
    )
    evidence_reference = forms.CharField(
        label=_("Evidence reference"),
        required=False,
        max_length=500,
        help_text=_("Where the certificate or attendance list is kept, e.g. a case number."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = TrainingActivity.objects.filter(
            organisation=organisation
        )
        _style(self)


LEVEL_CHOICES = [
    ("none", _("Not yet")),
    ("aware", _("Aware: I know the idea and when to ask")),
    ("practitioner", _("Practitioner: I apply it in my daily work")),
    ("expert", _("Expert: I can design, assess and teach it")),
]


class SelfAssessmentForm(forms.Form):
    """One question per competence area: which level describes me best?"""

    def __init__(self, *args: Any, language: Language, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for term in competence_areas(knowledge_base()):
            self.fields[term.id] = forms.ChoiceField(
                label=term.term.get(language),
                help_text=term.definition.get(language),
                choices=LEVEL_CHOICES,
                widget=forms.RadioSelect,
            )
        _style(self)


class LightPathForm(forms.Form):
    tools = forms.MultipleChoiceField(
        label=_("Which AI tools does your company use?"),
        widget=forms.CheckboxSelectMultiple,
    )
    responsible = forms.CharField(
        label=_("Who is responsible for AI in the company?"),
        max_length=200,
        required=False,
        help_text=_("A name; we register the person with the management role."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from tillid.web.literacy.quick import TOOLS

        super().__init__(*args, **kwargs)
        self.fields["tools"].choices = [(t.id, t.name) for t in TOOLS]
        _style(self)
