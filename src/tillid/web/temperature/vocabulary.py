"""The words of the temperature measurement: the default statements and the challenges to pick from.

Default statements are stored by key, not by text, so every project reads them in its own language.
The challenges are the experience catalogue's codes (tillid.web.catalogue.challenges), so what
projects say in the survey and what they share in the catalogue count the same way.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tillid.web.catalogue.challenges import CHALLENGES as CATALOGUE_CHALLENGES

DEFAULT_STATEMENTS: dict[str, Promise] = {
    "on_track": _("The project is on track."),
    "data": _("We have the data we need."),
    "legal": _("Legal questions are clarified."),
    "backing": _("The organisation backs the project."),
    "competences": _("We have the competences we need."),
}

CHALLENGES: dict[str, Promise] = CATALOGUE_CHALLENGES  # one vocabulary for both

SCALE_LABELS: dict[int, Promise] = {
    1: _("1 – strongly disagree"),
    2: _("2 – disagree"),
    3: _("3 – neither agree nor disagree"),
    4: _("4 – agree"),
    5: _("5 – strongly agree"),
}

CHALLENGES_QUESTION = _("Which challenges are you facing now?")
TEXT_QUESTION = _("Anything else you want to tell us? (Do not write personal data.)")
