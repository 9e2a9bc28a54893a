"""The fixed vocabulary of challenges a project can meet, stored as stable codes.

The codes are what the database holds (`EntryChallenge.code`) and what dashboards count; the labels
are translated for display. A code is never renamed or reused: add new ones at the end, and map an
old one to a new one in a migration if a label's meaning ever changes. The list follows what Danish
signature projects and Sweden's AI guide name most often as what held projects back.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CHALLENGES: dict[str, Promise] = {
    "data_quality": _("Data quality"),
    "data_security": _("Data security"),
    "legal_clarification": _("Legal clarification"),
    "procurement": _("Procurement"),
    "organisational_anchoring": _("Organisational anchoring"),
    "competences": _("Competences"),
    "vendor_lock_in": _("Vendor lock-in"),
    "data_access": _("Access to data"),
    "citizen_trust": _("Citizens' trust"),
    "cost": _("Cost"),
    "technical_integration": _("Technical integration"),
    "bias_and_fairness": _("Bias and fairness"),
}
CHALLENGE_CHOICES = list(CHALLENGES.items())


def challenge_label(code: str) -> str:
    """The label in the active language; an unknown code (e.g. from an old export) as it is."""
    label = CHALLENGES.get(code)
    return str(label) if label is not None else code
