"""How the assessments app's changes reach the action plan, without that app knowing about it.

- An approval (a new ApprovedVersion) makes or updates the plan from the approved result, in the
  same transaction as the approval.
- The assessments app refreshes `Assessment.open_measures` from the result after every answer;
  once a plan exists, the column counts the tasks still to do instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from tillid.assessment.result import MeasureResult
from tillid.web.actions.services import refresh_open_measures, sync_action_plan
from tillid.web.assessments.models import ApprovedVersion, Assessment


def measures_in(result: dict[str, Any]) -> list[MeasureResult]:
    """The measures of a stored result (Result.to_dict())."""
    return [
        MeasureResult(
            id=m["id"],
            obligations=list(m.get("obligations", [])),
            due=dt.date.fromisoformat(m["due"]) if m.get("due") else None,
            phases=list(m.get("phases", [])),
            in_current_phase=m.get("in_current_phase"),
        )
        for m in result.get("measures", [])
    ]


@receiver(post_save, sender=ApprovedVersion, dispatch_uid="actions_plan_on_approval")
def plan_on_approval(sender: Any, instance: ApprovedVersion, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        sync_action_plan(instance.assessment, measures_in(instance.result), instance.approved_by)


@receiver(post_save, sender=Assessment, dispatch_uid="actions_open_measures")
def open_measures_from_plan(
    sender: Any, instance: Assessment, created: bool, **kwargs: Any
) -> None:
    fields = kwargs.get("update_fields")
    if created or kwargs.get("raw") or (fields is not None and "open_measures" not in fields):
        return
    refresh_open_measures(instance)
