from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.web.contact import cleaned_contact
from tillid.web.register.models import RegisterRecord

# A sanity cap against pasted files; the real limits are checked before publishing, so a long draft
# is still saved and the editor is told which text to shorten.
MAX_CHARS = 20_000
_WEB = ("https://", "http://")


def _web_address(value: str, field_label: str) -> str:
    value = value.strip()
    if value and not value.startswith(_WEB):
        raise forms.ValidationError(
            _("%(field)s must start with https:// or http://: %(value)s")
            % {"field": field_label, "value": value[:80]}
        )
    return value


class RecordForm(forms.ModelForm):  # type: ignore[type-arg]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = RegisterRecord
        fields = [
            "language",
            "name",
            "summary",
            "purpose",
            "contact",
            "legal_basis",
            "human_involvement",
            "data_used",
            "affected_groups",
            "risks",
            "links",
            "deployer_address",
            "submitter",
            "provider_database_url",
            "fria_summary",
            "dpia_summary",
        ]
        help_texts = {
            "language": _(
                "The language you write the texts below in. Readers see them as written."
            ),
            "name": _(
                "What the system is called, in words a citizen understands. At most 100 characters."
            ),
            "summary": _("Two or three sentences on what the system does. At most 350 characters."),
            "purpose": _(
                "What it is used for, how it is used, and how citizens and businesses meet it."
            ),
            "contact": _(
                "An e-mail address or web address for questions. Prefer a team mailbox to a person's."
            ),
            "legal_basis": _(
                "The law the work rests on, explained so a non-lawyer understands it."
            ),
            "human_involvement": _(
                "Who decides, and how people check, use and can correct the system's output."
            ),
            "risks": _(
                "The risks you found (e.g. errors, discrimination) and what you do about them."
            ),
            "links": _(
                "One address per line, e.g. a page about the service. Starts with https://."
            ),
            "deployer_address": _(
                "Asked by the EU database for high-risk systems (Annex VIII C.1)."
            ),
            "submitter": _(
                "Name, address and contact of whoever registers on your behalf (Annex VIII C.2)."
            ),
            "provider_database_url": _(
                "The address of the provider's entry for this system in the EU database (C.3)."
            ),
            "fria_summary": _(
                "The findings of the fundamental-rights impact assessment (Art. 27; C.4)."
            ),
            "dpia_summary": _(
                "The findings of the data protection impact assessment, if one was made (C.5)."
            ),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": rows})
            for name, rows in {
                "summary": 3,
                "purpose": 5,
                "legal_basis": 3,
                "human_involvement": 4,
                "data_used": 3,
                "affected_groups": 2,
                "risks": 4,
                "links": 2,
                "deployer_address": 2,
                "submitter": 2,
                "fria_summary": 4,
                "dpia_summary": 4,
            }.items()
        } | {
            "name": forms.TextInput(),
            "contact": forms.TextInput(),
            "provider_database_url": forms.TextInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name == "version":
                continue
            # Required texts are checked before publishing, not on save: a half-written draft is kept.
            field.required = name in ("name", "language")
            if isinstance(field, forms.CharField) and name != "language":
                field.validators.append(_MaxChars())
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-input"
            field.widget.attrs.setdefault("class", css)

    def clean_contact(self) -> str:
        return cleaned_contact(self.cleaned_data["contact"])

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        for line in lines:
            _web_address(line, str(_("Each link")))
        return "\n".join(lines)

    def clean_provider_database_url(self) -> str:
        return _web_address(
            self.cleaned_data["provider_database_url"], str(_("The provider's entry"))
        )


class _MaxChars:
    def __call__(self, value: str) -> None:
        if value and len(value) > MAX_CHARS:
            raise forms.ValidationError(
                _("This text has %(n)d characters; at most %(max)d can be saved.")
                % {"n": len(value), "max": MAX_CHARS}
            )
