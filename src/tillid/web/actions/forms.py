"""Reading a task edit from a form; whether the owner may own it is the service's to decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.web.actions.models import TaskStatus
from tillid.web.actions.services import TaskEdit


class TaskForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    owner = forms.IntegerField(label=_("Owner"), required=False, min_value=1)
    due = forms.DateField(label=_("Due date"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    reason = forms.CharField(label=_("Reason if not relevant"), required=False, max_length=2000)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=5000)

    def edit(self, with_notes: bool) -> TaskEdit:
        data = self.cleaned_data
        return TaskEdit(
            seen_version=data["version"],
            owner_id=data["owner"],
            due=data["due"],
            status=data["status"],
            reason=data["reason"],
            notes=data["notes"] if with_notes else None,
        )

    def error_text(self) -> str:
        return " ".join(
            f"{self.fields[name].label}: {' '.join(errors)}"
            if name in self.fields
            else " ".join(errors)
            for name, errors in self.errors.items()
        )
