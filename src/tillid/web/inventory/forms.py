from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation, User
from tillid.web.inventory.models import AISystem


class SystemForm(forms.ModelForm):  # type: ignore[type-arg]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AISystem
        fields = [
            "name",
            "purpose",
            "owner",
            "vendor",
            "lifecycle_phase",
            "status",
            "affected_groups",
            "data_used",
            "links",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "affected_groups": forms.Textarea(attrs={"rows": 2}),
            "data_used": forms.Textarea(attrs={"rows": 2}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "affected_groups": _(
                "Who the system's output concerns, e.g. citizens applying for housing benefit."
            ),
            "data_used": _("Which data the system uses, e.g. case records, income data."),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only people of this organisation can own its systems.
        self.fields["owner"].queryset = User.objects.filter(memberships__organisation=organisation)  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            if name == "version":
                continue
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-input"
            field.widget.attrs.setdefault("class", css)

    def clean_links(self) -> str:
        links = self.cleaned_data["links"]
        for line in links.splitlines():
            line = line.strip()
            if line and not line.startswith(("https://", "http://")):
                raise forms.ValidationError(
                    _("Each link must start with https:// or http://: %(line)s")
                    % {"line": line[:80]}
                )
        return links
