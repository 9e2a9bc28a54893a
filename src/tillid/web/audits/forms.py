from __future__ import annotations

from typing import Any

import yaml
from django import forms
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.audits.models import DataConnection
from tillid.web.inventory.models import AISystem


class AuditForm(forms.Form):
    system = forms.ModelChoiceField(label=_("AI system"), queryset=AISystem.objects.none())
    data_file = forms.FileField(
        label=_("Data file"),
        required=False,
        help_text=_(
            "CSV, Parquet or Excel with one row per decision. It is deleted as soon as the audit has run; only the aggregated results are kept."
        ),
    )
    connection = forms.ModelChoiceField(
        label=_("Or a registered database"), queryset=DataConnection.objects.none(), required=False
    )
    table = forms.CharField(
        label=_("Table or view in the database"), required=False, max_length=200
    )
    target = forms.CharField(label=_("Column with the observed outcome"), max_length=200)
    prediction = forms.CharField(label=_("Column with the system's decision"), max_length=200)
    protected = forms.CharField(
        label=_("Columns with the groups to compare"),
        max_length=1000,
        help_text=_("Comma-separated, e.g. sex, age_group."),
    )
    score = forms.CharField(
        label=_("Column with the score (0 to 1)"), required=False, max_length=200
    )
    positive_label = forms.CharField(
        label=_("Value that means the positive outcome"),
        required=False,
        max_length=200,
        help_text=_("Leave empty when the columns hold 0/1 or true/false."),
    )
    k = forms.IntegerField(
        label=_("Smallest group shown"),
        min_value=1,
        max_value=10000,
        initial=10,
        help_text=_("Groups with fewer rows are suppressed, so no one can be recognised."),
    )
    advanced = forms.CharField(
        label=_("Further settings (YAML)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Any field of the audit spec, e.g. drift: or columns: (see docs/audit.md)."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = AISystem.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["connection"].queryset = DataConnection.objects.filter(
            organisation=organisation
        )  # type: ignore[attr-defined]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            elif not isinstance(field.widget, forms.FileInput):
                field.widget.attrs["class"] = "form-input"

    def clean_advanced(self) -> dict[str, Any]:
        text = self.cleaned_data["advanced"].strip()
        if not text:
            return {}
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise forms.ValidationError(
                _("This is not valid YAML: %(error)s") % {"error": str(error)[:300]}
            ) from None
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Write the settings as 'name: value' lines."))
        return data

    def spec_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        spec: dict[str, Any] = {
            "target": data["target"].strip(),
            "prediction": data["prediction"].strip(),
            "protected": [p.strip() for p in data["protected"].split(",") if p.strip()],
            "k": data["k"],
        }
        if data.get("score"):
            spec["score"] = data["score"].strip()
        if data.get("positive_label"):
            spec["positive_label"] = data["positive_label"].strip()
        spec.update(data.get("advanced") or {})
        return spec


class ConnectionForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"class": "form-input"})
    )
    url = forms.CharField(
        label=_("Database URL"),
        max_length=1000,
        widget=forms.PasswordInput(attrs={"class": "form-input", "autocomplete": "off"}),
        help_text=_(
            "e.g. postgresql://reader:password@db.example.dk:5432/casework. Use a read-only user. The URL is stored encrypted and never shown again."
        ),
    )
