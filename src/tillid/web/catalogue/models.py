"""The experience catalogue: projects an organisation shares with lessons learned.

An `Entry` is written by one organisation and shown to others as its owner chooses (`visibility`).
Challenges met are rows of `EntryChallenge` (one per entry and code from `challenges.CHALLENGES`), so
filtering and counting them is plain SQL on every database: see `selectors.challenge_counts`.

Search data is kept by `services` whenever an entry is saved: `terms` (the stemmed words, used for
similarity on both databases), `search_vector` (PostgreSQL's tsvector in the entry's language; unused
on SQLite) and, on SQLite only, a row in the FTS5 table `catalogue_entry_fts` (see the migration).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from tillid.web.accounts.models import Organisation
from tillid.web.catalogue.challenges import CHALLENGE_CHOICES, CHALLENGES, challenge_label
from tillid.web.contact import contact_href
from tillid.web.inventory.models import AISystem


class EntryLanguage(models.TextChoices):
    DA = "da", "Dansk"
    SV = "sv", "Svenska"
    EN = "en", "English"


class Area(models.TextChoices):
    SOCIAL_SERVICES = "social_services", _("Social services")
    EMPLOYMENT = "employment", _("Employment")
    HEALTH_AND_CARE = "health_and_care", _("Health and care")
    EDUCATION = "education", _("Education and childcare")
    TAX_AND_FINANCE = "tax_and_finance", _("Tax and finance")
    ENVIRONMENT = "environment", _("Environment and technical services")
    CITIZEN_SERVICE = "citizen_service", _("Citizen service")
    CASE_HANDLING = "case_handling", _("Case handling and administration")
    CULTURE_AND_LEISURE = "culture_and_leisure", _("Culture and leisure")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other")


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    IN_OPERATION = "in_operation", _("In operation")
    STOPPED = "stopped", _("Stopped")
    RETIRED = "retired", _("Retired")


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("Only our organisation (draft)")
    SIGNED_IN = "signed_in", _("Signed-in organisations")
    PUBLIC = "public", _("Everyone (public)")


class Entry(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="catalogue_entries"
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the texts"), max_length=2, choices=EntryLanguage, default=EntryLanguage.DA
    )
    area = models.CharField(_("area"), max_length=30, choices=Area)
    purpose = models.TextField(_("purpose"))
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus)
    outcome = models.TextField(_("outcome"), blank=True)
    stop_reason = models.TextField(_("why it stopped"), blank=True)
    what_helped = models.TextField(_("what helped"), blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    system = models.ForeignKey(
        AISystem,
        verbose_name=_("AI system in our inventory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="catalogue_entries",
    )
    visibility = models.CharField(
        _("who may read it"), max_length=20, choices=Visibility, default=Visibility.ORGANISATION
    )
    allow_start_from = models.BooleanField(
        _("others may start their assessment from our answers"), default=False
    )
    # Kept by services.save_entry; see the module docstring.
    terms = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    version = models.PositiveIntegerField(default=1)  # optimistic locking
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return self.title

    def challenge_codes(self) -> list[str]:
        """In the vocabulary's order; uses the prefetched rows when there are any."""
        have = {row.code for row in self.challenge_rows.all()}
        return [code for code in CHALLENGES if code in have]

    def challenge_labels(self) -> list[str]:
        return [challenge_label(code) for code in self.challenge_codes()]

    def contact_href(self) -> str | None:
        """The contact as a link (mailto: or http(s)), or None: then it is shown as text only."""
        return contact_href(self.contact)


class EntryChallenge(models.Model):
    """One challenge an entry's project met: the code is stable, the label is translated."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="challenge_rows")
    code = models.CharField(max_length=40, choices=CHALLENGE_CHOICES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "code"], name="one_row_per_entry_challenge")
        ]
