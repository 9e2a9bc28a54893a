"""The public transparency register: a record per AI system, and its published versions, frozen.

A `RegisterRecord` holds the public texts the organisation is still working on. Publishing copies them,
with the organisation and what the latest approved assessment concluded, into a new `PublishedRecord`
row that is never changed afterwards. Withdrawing hides the record from the public but keeps every
version; publishing again makes the next version. `RecordEvent` is the history of who did what.

The record is public exactly when it has a published version and is not withdrawn
(`selectors.public_records`); nothing else is ever shown to visitors.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.inventory.models import AISystem


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved for publishing")
    PUBLISHED = "published", _("Published")


class RecordLanguage(models.TextChoices):
    DA = "da", "Dansk"
    SV = "sv", "Svenska"
    EN = "en", "English"


class RegisterRecord(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="register_records"
    )
    system = models.OneToOneField(
        AISystem, on_delete=models.CASCADE, related_name="register_record"
    )
    language = models.CharField(
        _("language of the texts"), max_length=2, choices=RecordLanguage, default="da"
    )
    # The public texts. Plain TextFields: a long draft is saved (nothing typed is lost) and the check
    # before publishing says which text is over its limit.
    name = models.TextField(_("name"))
    summary = models.TextField(_("short description"), blank=True)
    purpose = models.TextField(_("purpose and use"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    human_involvement = models.TextField(_("how people are involved"), blank=True)
    data_used = models.TextField(_("data used"), blank=True)
    affected_groups = models.TextField(_("who is affected"), blank=True)
    risks = models.TextField(_("risks and how they are handled"), blank=True)
    links = models.TextField(_("links"), blank=True)
    # What the EU database asks of public-authority deployers (AI Act Annex VIII section C).
    deployer_address = models.TextField(_("the organisation's postal address"), blank=True)
    submitter = models.TextField(_("who registers on the organisation's behalf"), blank=True)
    provider_database_url = models.TextField(
        _("address of the provider's entry in the EU database"), blank=True
    )
    fria_summary = models.TextField(
        _("summary of the fundamental-rights impact assessment"), blank=True
    )
    dpia_summary = models.TextField(
        _("summary of the data protection impact assessment"), blank=True
    )

    status = models.CharField(max_length=10, choices=RecordStatus, default=RecordStatus.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_version = models.PositiveIntegerField(default=0)  # 0: never published
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking of the texts and status
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.published_version > 0 and self.withdrawn_at is None


class PublishedRecord(models.Model):
    """One published version, frozen. The columns beside `snapshot` are copies for search and filters."""

    record = models.ForeignKey(
        RegisterRecord, on_delete=models.CASCADE, related_name="published_versions"
    )
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()  # standards.RecordSnapshot.to_dict()
    name = models.TextField()
    summary = models.TextField()
    organisation_name = models.TextField()
    country = models.CharField(max_length=10)
    risk_class = models.CharField(max_length=100, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["record", "version"], name="one_row_per_record_version")
        ]


class RecordEvent(models.Model):
    class Kind(models.TextChoices):
        STARTED = "started", _("Draft started")
        SAVED = "saved", _("Texts changed")
        APPROVED = "approved", _("Approved for publishing")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    record = models.ForeignKey(RegisterRecord, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind)
    version = models.PositiveIntegerField(default=0)  # the published version it concerns, if any
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
