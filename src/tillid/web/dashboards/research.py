"""The research dataset: anonymised counts of assessed systems and the challenges their projects met.

One record per system and challenge (a system with no challenge recorded has one record with
`none_recorded`), described only by quasi-identifiers with stable codes: no names, no free text, no
ids. `tillid.reports.anonymity.k_anonymous_rows` turns the records into rows of counts, each with at
least k systems from at least m organisations. docs/research-export.md states the guarantee.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq

from tillid.reports.anonymity import AnonymousRows, Record, Thresholds, k_anonymous_rows
from tillid.web.accounts.models import Organisation
from tillid.web.assessments.knowledge import knowledge_base
from tillid.web.assessments.models import Assessment
from tillid.web.catalogue.challenges import CHALLENGES
from tillid.web.catalogue.models import EntryChallenge
from tillid.web.dashboards.selectors import NOT_ASSESSED, SHARED, UNDETERMINED
from tillid.web.inventory.selectors import systems_of

NO_CHALLENGE = "none_recorded"
QUASI_IDENTIFIERS = (
    "country",
    "organisation_type",
    "lifecycle_phase",
    "risk_class",
    "ai_act_role",
    "challenge",
)
# Generalised first: what researchers need least and what splits groups most finely without
# answering the research questions (which risk classes meet which challenges, where).
GENERALISATION_ORDER = (
    "ai_act_role",
    "lifecycle_phase",
    "organisation_type",
    "country",
    "challenge",
    "risk_class",
)
DATA_DICTIONARY = {
    "country": "Country of the organisation: DK, SE, other_eu, non_eu; * = any.",
    "organisation_type": (
        "Type of the organisation: municipality, region, state_agency, other_public_body, "
        "private_public_service, sme, company; * = any."
    ),
    "lifecycle_phase": "Lifecycle phase of the system: procure, develop, adapt, operate, retire; "
    "* = any.",
    "risk_class": (
        "AI Act risk class from the system's latest assessment (ids of the eu-ai-act pack's "
        "aia.risk_class: not_ai_system, out_of_scope, prohibited, high_risk, transparency, "
        f"minimal), {UNDETERMINED} (assessed, not yet settled) or {NOT_ASSESSED}; * = any."
    ),
    "ai_act_role": (
        "AI Act role(s) from the latest assessment, joined with + (provider, deployer, importer, "
        f"distributor), {UNDETERMINED} or {NOT_ASSESSED}; * = any."
    ),
    "challenge": (
        "A challenge met, from the experience catalogue entries shared about the system ("
        + ", ".join(CHALLENGES)
        + f"), or {NO_CHALLENGE}; a system with several challenges is in several rows; * = any."
    ),
    "systems": "Number of distinct systems the row counts (at least k).",
    "organisations": "Number of distinct organisations those systems belong to (at least m).",
}
COLUMNS = (*QUASI_IDENTIFIERS, "systems", "organisations")


@dataclass(frozen=True)
class ResearchDataset:
    as_of: dt.date
    thresholds: Thresholds
    result: AnonymousRows

    def table(self) -> list[tuple[str | int, ...]]:
        return [(*row.values, row.units, row.organisations) for row in self.result.rows]

    def guarantee(self) -> str:
        return (
            f"Every row counts at least {self.thresholds.min_units} distinct AI systems from at "
            f"least {self.thresholds.min_organisations} organisations; values are generalised "
            f"to * in the order {', '.join(GENERALISATION_ORDER)}; records still too few are "
            "left out; rows are disjoint. See docs/research-export.md."
        )


def research_records() -> list[Record]:
    """One record per system and challenge, over every organisation."""
    role_order = [v.id for v in knowledge_base().classification["aia.role"].values]
    challenges: dict[int, set[str]] = {}
    for system_id, code in EntryChallenge.objects.filter(
        entry__visibility__in=SHARED, entry__system__isnull=False, code__in=list(CHALLENGES)
    ).values_list("entry__system_id", "code"):
        challenges.setdefault(system_id, set()).add(code)
    records = []
    for organisation in Organisation.objects.order_by("pk"):
        systems = list(systems_of(organisation))
        latest = {s.latest_assessment_id for s in systems if s.latest_assessment_id}  # type: ignore[attr-defined]
        baselines = dict(Assessment.objects.filter(pk__in=latest).values_list("pk", "baseline"))
        for system in systems:
            assessment_id = system.latest_assessment_id  # type: ignore[attr-defined]
            if assessment_id is None:
                risk = role = NOT_ASSESSED
            else:
                risk = system.latest_risk_class or UNDETERMINED  # type: ignore[attr-defined]
                found = (baselines.get(assessment_id) or {}).get("classifications", {})
                roles = set(found.get("aia.role", []))
                role = "+".join(r for r in role_order if r in roles) or UNDETERMINED
            values = {
                "country": organisation.country,
                "organisation_type": organisation.organisation_type,
                "lifecycle_phase": system.lifecycle_phase,
                "risk_class": risk,
                "ai_act_role": role,
            }
            for code in sorted(challenges.get(system.pk, {NO_CHALLENGE})):
                records.append(Record(system.pk, organisation.pk, {**values, "challenge": code}))
    return records


def research_dataset(thresholds: Thresholds, as_of: dt.date) -> ResearchDataset:
    rows = k_anonymous_rows(research_records(), QUASI_IDENTIFIERS, GENERALISATION_ORDER, thresholds)
    return ResearchDataset(as_of, thresholds, rows)


def as_csv(dataset: ResearchDataset) -> tuple[bytes, str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(dataset.table())
    return out.getvalue().encode("utf-8"), "text/csv; charset=utf-8"


def as_parquet(dataset: ResearchDataset) -> tuple[bytes, str]:
    """Parquet with the data dictionary as each column's description and the guarantee, the
    thresholds and the date in the file's metadata."""
    rows = dataset.table()
    fields = [
        pa.field(name, pa.string(), metadata={"description": DATA_DICTIONARY[name]})
        for name in QUASI_IDENTIFIERS
    ] + [
        pa.field(name, pa.int64(), metadata={"description": DATA_DICTIONARY[name]})
        for name in ("systems", "organisations")
    ]
    schema = pa.schema(
        fields,
        metadata={
            "tillid.guarantee": dataset.guarantee(),
            "tillid.min_systems": str(dataset.thresholds.min_units),
            "tillid.min_organisations": str(dataset.thresholds.min_organisations),
            "tillid.as_of": dataset.as_of.isoformat(),
            "tillid.generalisation_order": ",".join(GENERALISATION_ORDER),
        },
    )
    columns = [[row[i] for row in rows] for i in range(len(COLUMNS))]
    table = pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, fields, strict=True)], schema=schema
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue(), "application/vnd.apache.parquet"


FORMATS: dict[str, Callable[[ResearchDataset], tuple[bytes, str]]] = {
    "csv": as_csv,
    "parquet": as_parquet,
}
