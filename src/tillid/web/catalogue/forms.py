from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.catalogue.challenges import CHALLENGE_CHOICES
from tillid.web.catalogue.models import Entry
from tillid.web.catalogue.services import EntryInput
from tillid.web.contact import cleaned_contact
from tillid.web.inventory.models import AISystem, LifecyclePhase

MAX_CHARS = 10_000  # per text: a sanity cap against pasted files


class EntryForm(forms.ModelForm):  # type: ignore[type-arg]
    challenges = forms.MultipleChoiceField(
        label=_("Challenges you met"),
        choices=CHALLENGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        help_text=_("Tick every challenge that held the project back or took real effort."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Entry
        fields = [
            "title",
            "language",
            "area",
            "purpose",
            "status",
            "outcome",
            "stop_reason",
            "challenges",
            "what_helped",
            "contact",
            "system",
            "visibility",
            "allow_start_from",
        ]
        help_texts = {
            "title": _("What the project is, in a few words a colleague elsewhere understands."),
            "language": _("The language you write the texts below in. Search stems its words."),
            "purpose": _("What the project was for, and for whom."),
            "outcome": _("What came of it: results, what you would do differently."),
            "stop_reason": _("Only for a stopped project: why it stopped."),
            "what_helped": _("What made a difference: people, methods, agreements, data."),
            "contact": _("An e-mail or web address others can ask; prefer a team mailbox."),
            "system": _(
                "Links the entry to the system's assessment, so others can start from its "
                "answers if you allow it below. Others never see the system's name."
            ),
            "visibility": _(
                "Only your organisation: a draft nobody else sees. Signed-in organisations: people "
                "of organisations using tillid. Everyone: also visitors without login."
            ),
            "allow_start_from": _(
                "Lets editors of other organisations start their own assessment from the answers "
                "of the linked system's assessment. Leave it off if the answers are internal."
            ),
        }
        widgets = {
            "title": forms.TextInput(),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "stop_reason": forms.Textarea(attrs={"rows": 3}),
            "what_helped": forms.Textarea(attrs={"rows": 4}),
            "visibility": forms.RadioSelect(attrs={"class": "form-radio"}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        system = self.fields["system"]
        system.queryset = AISystem.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        system.empty_label = _("No system")  # type: ignore[attr-defined]
        if self.instance.pk and "challenges" not in self.initial:
            self.initial["challenges"] = self.instance.challenge_codes()
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(_MaxChars())
            widget = field.widget
            if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
                widget.attrs.setdefault("class", "form-select")
            elif isinstance(widget, forms.TextInput | forms.Textarea):
                widget.attrs.setdefault("class", "form-input")
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-checkbox")

    def clean_contact(self) -> str:
        return cleaned_contact(self.cleaned_data["contact"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == "stopped" and not (data.get("stop_reason") or "").strip():
            self.add_error(
                "stop_reason", _("Say why the project stopped: others learn most from that.")
            )
        return data

    def entry_input(self) -> EntryInput:
        data = self.cleaned_data
        return EntryInput(
            title=data["title"].strip(),
            language=data["language"],
            area=data["area"],
            purpose=data["purpose"].strip(),
            status=data["status"],
            outcome=data["outcome"].strip(),
            stop_reason=data["stop_reason"].strip(),
            what_helped=data["what_helped"].strip(),
            contact=data["contact"],
            system=data["system"],
            visibility=data["visibility"],
            allow_start_from=data["allow_start_from"],
            challenges=list(data["challenges"]),
        )


class StartForm(forms.Form):
    """Start my assessment from this one: in which organisation, and the new system's name."""

    organisation = forms.SlugField(max_length=60)
    name = forms.CharField(max_length=200)
    lifecycle_phase = forms.ChoiceField(choices=LifecyclePhase.choices)


class _MaxChars:
    def __call__(self, value: str) -> None:
        if value and len(value) > MAX_CHARS:
            raise forms.ValidationError(
                _("This text has %(n)d characters; at most %(max)d can be saved.")
                % {"n": len(value), "max": MAX_CHARS}
            )
