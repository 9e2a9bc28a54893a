"""run_audit: data + spec -> AuditResult, with every metric computed where the data lives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tillid
from tillid.audit.cells import Cells, fetch_cells, groupings_for, roll_up
from tillid.audit.drift import drift_report
from tillid.audit.errors import AuditDataError
from tillid.audit.fairness import MAX_TESTED_GROUPS, fairness_reports
from tillid.audit.labels import Roles, check_other_labels, resolve_roles
from tillid.audit.messages import AuditMessage
from tillid.audit.metrics import build_calibration, build_group_metrics, group_label
from tillid.audit.privacy import suppress_small_groups
from tillid.audit.quality import quality_report
from tillid.audit.result import AuditResult, Grouping, SuppressedGroup
from tillid.audit.scores import auc_by_group
from tillid.audit.sources import OpenedSource, open_source
from tillid.audit.spec import AuditSpec

Progress = Callable[[str], None]
# The same step as a key (tillid.audit.messages), for an interface that shows it in its language.
StepProgress = Callable[[AuditMessage], None]


def run_audit(
    source: Any,
    spec: AuditSpec,
    *,
    table: str | None = None,
    query: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    step_progress: StepProgress | None = None,
) -> AuditResult:
    """Audit `source` (a path, database URL with `table`/`query`, or a table object) against `spec`.

    Raises an AuditError subclass, with a message a user can act on, for anything wrong with the
    spec or the data. `progress` is told each step in English, `step_progress` the same step as an
    AuditMessage.
    """

    def say(step: AuditMessage) -> None:
        if progress is not None:
            progress(step.english())
        if step_progress is not None:
            step_progress(step)

    say(AuditMessage("step.opening"))
    opened = open_source(source, table=table, query=query, encoding=encoding)
    try:
        return _audit(opened, spec, say)
    finally:
        opened.close()


def _audit(opened: OpenedSource, spec: AuditSpec, say: StepProgress) -> AuditResult:
    say(AuditMessage("step.checking_columns"))
    roles = resolve_roles(spec, opened)
    checks = set(spec.checks)
    count_columns = list(opened.table.columns) if "quality" in checks else []
    calibration = spec.calibration_bins if roles.score and roles.scores_are_probabilities else None
    if roles.score and not roles.scores_are_probabilities:
        roles.warnings.append(
            AuditMessage("warning.scores_not_probabilities", {"column": roles.score})
        )

    say(AuditMessage("step.counting"))
    records = fetch_cells(opened.execute, opened.table, roles, count_columns, calibration)
    groupings_index = groupings_for(len(roles.protected), spec.intersections)
    cells = roll_up(records, roles.protected, groupings_index, calibration is not None)
    overall_sums = cells.sums[()].get(())
    check_other_labels(spec, roles, opened, dict(overall_sums or {}))
    rows_used = int(sum(overall_sums[c] for c in ("tp", "fp", "tn", "fn"))) if overall_sums else 0
    if rows_used == 0:
        raise AuditDataError.of(
            "no_complete_rows",
            source=opened.named,
            target=spec.target,
            prediction=spec.prediction,
        )
    if rows_used < spec.k:
        raise AuditDataError.of(
            "too_few_complete_rows", rows=rows_used, source=opened.named, k=spec.k
        )

    aucs = None
    if roles.score and ("performance" in checks or "fairness" in checks):
        say(AuditMessage("step.auc"))
        aucs = auc_by_group(opened.execute, opened.table, roles, groupings_index)

    groupings, suppressed, sums_of = _reported_groupings(spec, roles, cells, aucs, calibration)
    overall = groupings[0].groups[0]
    reported = groupings[1:]

    result = AuditResult(
        tillid_version=tillid.__version__,
        source=opened.description,
        backend=opened.backend_name,
        spec=spec,
        positive_label=roles.positive,
        prediction_positive_label=roles.prediction_positive,
        k=spec.k,
        rows=roles.rows,
        rows_used=rows_used,
        overall=overall,
        groupings=reported if "performance" in checks or "fairness" in checks else [],
        suppressed=suppressed,
        warnings=[warning.english() for warning in roles.warnings],
        warning_messages=[warning.to_json() for warning in roles.warnings],
    )
    if "fairness" in checks:
        say(AuditMessage("step.testing_disparities"))
        result.fairness = fairness_reports(groupings, sums_of, spec)
        untested = [
            AuditMessage(
                "warning.too_many_groups_to_test",
                {
                    "attributes": " × ".join(g.attributes),
                    "groups": len(g.groups),
                    "limit": MAX_TESTED_GROUPS,
                },
            )
            for g in reported
            if len(g.groups) > MAX_TESTED_GROUPS
        ]
        result.warnings += [warning.english() for warning in untested]
        result.warning_messages += [warning.to_json() for warning in untested]
    if "quality" in checks:
        say(AuditMessage("step.quality"))
        result.quality = quality_report(opened, spec, roles, cells, count_columns, reported)
    if "drift" in checks and spec.drift is not None:
        say(AuditMessage("step.drift"))
        result.drift = drift_report(opened, spec, spec.k)
    return result


def _reported_groupings(
    spec: AuditSpec,
    roles: Roles,
    cells: Cells,
    aucs: dict[tuple[int, ...], dict[Any, tuple[float | None, float | None]]] | None,
    calibration: int | None,
) -> tuple[list[Grouping], list[SuppressedGroup], dict[tuple[int, str], dict[str, float]]]:
    """Metrics for every group big enough to show; the others listed as suppressed."""
    weighted = roles.weights is not None
    groupings: list[Grouping] = []
    suppressed_all: list[SuppressedGroup] = []
    sums_of: dict[tuple[int, str], dict[str, float]] = {}
    for index, grouping in enumerate(cells.groupings):
        attributes = [roles.protected[i] for i in grouping]
        by_key = cells.sums[grouping]
        sizes = {
            key: (int(s["rows"]), int(sum(s[c] for c in ("tp", "fp", "tn", "fn"))))
            for key, s in by_key.items()
        }
        hidden = suppress_small_groups(attributes, sizes, spec.k) if attributes else {}
        shown = []
        for key in sorted(by_key, key=lambda key: tuple("" if v is None else v for v in key)):
            label = group_label(attributes, key)
            if key in hidden:
                suppressed_all.append(
                    SuppressedGroup(
                        attributes=attributes,
                        group=dict(zip(attributes, key, strict=True)),
                        label=label,
                        reason=hidden[key],
                    )
                )
                continue
            metrics = build_group_metrics(attributes, key, by_key[key], weighted, spec.confidence)
            if aucs is not None:
                metrics.auc, metrics.auc_error_bound = aucs[grouping].get(key, (None, None))
            if calibration is not None:
                metrics.calibration = build_calibration(
                    cells.calibration[grouping].get(key, {}), calibration, spec.k, spec.confidence
                )
            sums_of[(index, label)] = dict(by_key[key])
            shown.append(metrics)
        groupings.append(
            Grouping(
                attributes=attributes,
                groups=shown,
                suppressed=[s for s in suppressed_all if s.attributes == attributes],
            )
        )
    return groupings, suppressed_all, sums_of
