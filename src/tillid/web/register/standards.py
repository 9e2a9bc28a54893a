"""A published register record in the structures other registers use. Pure Python, no Django.

`RecordSnapshot` is what tillid publishes (frozen, one per version). Each standard is a table of
`Field`s: where the value goes in the output (a dotted path), whether the standard requires it, and how
to get it from the snapshot. `export(standard, snapshot)` builds the nested dict; `missing(standard,
snapshot)` lists the required fields tillid has no value for, so the editor sees them before publishing.
A field tillid cannot fill is still in the output, empty, so the file has the standard's shape.

Sources (field names learnt from these; nothing copied):

* Dutch Algoritmeregister, publication standard 1.0: the field list, limits and required flags in
  MinBZK/Algoritmeregister, ``backend/app/schemas/config/v1_0.json`` (commit 559218f5). Required there:
  name, description_short, organization, status, contact_email, publication_category, lang.
* UK Algorithmic Transparency Recording Standard (ATRS) v3.0 (March 2024): attribute names and
  required flags in co-cddo/algorithmic-transparency-recording-standard, ``template_table.md``
  (commit 0bf872f5). The same repository holds v4.0 guidance only as a PDF, which could not be read
  here: the v4.0 attribute names are **not verified**, so this is the v3.0 structure.
* EU database, AI Act (Regulation (EU) 2024/1689) Art. 49(3) and Annex VIII Section C, points 1-5
  (deployer's name, address and contact details; the same for the person submitting on its behalf; the
  URL of the provider's entry for the system; a summary of the fundamental-rights impact assessment
  (Art. 27); a summary of the DPIA where applicable (Art. 26(8))). Checked against secondary listings
  of the Annex, not the Official Journal text. The Commission has published no machine format for the
  database's deployer entries that could be checked here, so the keys below are tillid's own,
  named after the Annex points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Standard = Literal["algoritmeregister", "atrs", "eu_database"]
STANDARDS: tuple[Standard, ...] = ("algoritmeregister", "atrs", "eu_database")
STANDARD_TITLES: dict[Standard, str] = {
    "algoritmeregister": "Algoritmeregister publicatiestandaard 1.0 (NL)",
    "atrs": "Algorithmic Transparency Recording Standard 3.0 (UK), tier 1 and tier 2",
    "eu_database": "EU database, AI Act Art. 49(3) and Annex VIII section C (deployers)",
}


@dataclass(frozen=True)
class RecordSnapshot:
    """One published version of a register record: the public texts as the authority wrote them,
    the organisation, and what its latest approved assessment concluded (ids, not words)."""

    record_id: int
    version: int
    name: str
    summary: str  # two or three sentences; the list shows it
    purpose: str  # what it is for, how it is used and how people meet it
    organisation: str
    organisation_type: str  # tillid.web.accounts.models.OrganisationType value
    country: str  # DK, SE, other_eu, non_eu
    language: str  # the language the texts are written in: da, sv or en
    contact: str  # e-mail address or web address
    lifecycle_phase: str  # procure, develop, adapt, operate, retire
    system_status: str  # idea, planned, in_use, paused, stopped, retired
    vendor: str = ""
    legal_basis: str = ""
    human_involvement: str = ""
    data_used: str = ""
    affected_groups: str = ""
    risks: str = ""
    links: tuple[str, ...] = ()
    risk_class: str = ""  # aia.risk_class value id, e.g. high_risk
    roles: tuple[str, ...] = ()  # aia.role value ids, e.g. deployer
    impact_level: str = ""  # impact.level_1 .. impact.level_4
    assessment_date: str = ""  # ISO date the assessment was approved
    deployer_address: str = ""
    submitter: str = ""  # who submits the EU database entry on the deployer's behalf
    provider_database_url: str = ""
    fria_summary: str = ""
    dpia_summary: str = ""
    published_at: str = ""  # ISO date and time
    first_published_at: str = ""
    record_url: str = ""  # where the record is on this tillid's public register

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["links"] = list(self.links)
        data["roles"] = list(self.roles)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecordSnapshot:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["links"] = tuple(values.get("links") or ())
        values["roles"] = tuple(values.get("roles") or ())
        return cls(**values)


@dataclass(frozen=True)
class Field:
    path: str  # where the value goes, e.g. "tier_2.owner_and_responsibility.team"
    required: bool
    value: Callable[[RecordSnapshot], Any] = field(default=lambda s: "")


def _nothing(_: RecordSnapshot) -> str:
    return ""


def _first_link(s: RecordSnapshot) -> str:
    return s.links[0] if s.links else ""


def _date(iso: str) -> str:
    return iso[:10]


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _in_use(s: RecordSnapshot) -> bool:
    return s.system_status in ("in_use", "paused") or s.lifecycle_phase == "operate"


# --- The Dutch Algoritmeregister, publication standard 1.0 ----------------------------------------

_NL_STATUS = {
    "development": "In ontwikkeling",
    "in_use": "In gebruik",
    "out_of_use": "Buiten gebruik",
}
_NL_CATEGORY = {
    "high_risk": "Hoog-risico AI-systeem",
    "impactful": "Impactvolle algoritmes",
    "other": "Overige algoritmes",
}
_ISO_639_3 = {"da": "dan", "sv": "swe", "en": "eng", "nl": "nld"}


def nl_status(s: RecordSnapshot) -> str:
    if s.system_status in ("stopped", "retired") or s.lifecycle_phase == "retire":
        return _NL_STATUS["out_of_use"]
    return _NL_STATUS["in_use"] if _in_use(s) else _NL_STATUS["development"]


def nl_publication_category(s: RecordSnapshot) -> str:
    """Category A for high-risk AI; B for algorithms with impact on people, which tillid reads as
    impact level III or IV or a prohibited practice; C otherwise. The Dutch guidance ("handreiking")
    defines B more broadly (legal effects or significant influence on people); the editor should
    check it."""
    if s.risk_class == "high_risk":
        return _NL_CATEGORY["high_risk"]
    if s.risk_class == "prohibited" or s.impact_level in ("impact.level_3", "impact.level_4"):
        return _NL_CATEGORY["impactful"]
    return _NL_CATEGORY["other"]


def _nl_impact_assessments(s: RecordSnapshot) -> list[dict[str, str]]:
    found = []
    if s.dpia_summary:
        found.append({"title": "Data Protection Impact Assessment (DPIA)", "link": ""})
    if s.fria_summary:
        found.append({"title": "Fundamental rights impact assessment (AI Act Art. 27)", "link": ""})
    return found


ALGORITMEREGISTER: list[Field] = [
    Field("name", True, lambda s: s.name),
    Field("description_short", True, lambda s: s.summary),
    Field("organization", True, lambda s: s.organisation),
    Field("category", False, lambda s: []),  # Dutch policy areas; tillid has no such list
    Field("status", True, nl_status),
    Field("begin_date", False, _nothing),
    Field("end_date", False, _nothing),
    Field("contact_email", True, lambda s: s.contact),
    Field("website", False, _first_link),
    Field("publication_category", True, nl_publication_category),
    Field("url", False, lambda s: s.record_url),
    Field("goal", False, lambda s: _paragraphs(s.purpose, s.affected_groups)),
    Field("proportionality", False, _nothing),
    Field("human_intervention", False, lambda s: s.human_involvement),
    Field("risks", False, lambda s: s.risks),
    Field("lawful_basis", False, lambda s: s.legal_basis),
    Field("lawful_basis_grouping", False, lambda s: []),
    Field("process_index_url", False, _nothing),
    Field("impacttoetsen_grouping", False, _nl_impact_assessments),
    Field("impacttoetsen", False, lambda s: _paragraphs(s.dpia_summary, s.fria_summary)),
    Field("source_data", False, lambda s: s.data_used),
    Field("source_data_grouping", False, lambda s: []),
    Field("methods_and_models", False, _nothing),
    Field("provider", False, lambda s: s.vendor),
    Field("publiccode", False, _nothing),
    # The standard lists only "nld"; the texts are in the authority's own language, said honestly.
    Field("lang", True, lambda s: _ISO_639_3.get(s.language, s.language)),
    Field("standard_version", False, lambda s: "1.0"),
    Field("source_id", False, lambda s: str(s.record_id)),
    Field("tags", False, _nothing),
    Field("lars", False, _nothing),  # assigned by the Dutch register
]

# --- The UK Algorithmic Transparency Recording Standard 3.0 ----------------------------------------

_ATRS_PHASE = {
    "procure": "Pre-deployment",
    "develop": "Pre-deployment",
    "adapt": "Beta/Pilot",
    "operate": "Production",
    "retire": "Retired",
}
_REGION = {"DK": "Denmark", "SE": "Sweden", "other_eu": "European Union", "non_eu": ""}
_ORGANISATION_TYPE = {
    "municipality": "Local government",
    "region": "Regional government",
    "state_agency": "Central government agency",
    "other_public_body": "Other public sector body",
    "private_public_service": "Private body delivering a public service",
    "sme": "Private company",
    "company": "Private company",
}
_RISK_CLASS = {
    "not_ai_system": "not an AI system",
    "out_of_scope": "outside the AI Act's scope",
    "prohibited": "prohibited practice",
    "high_risk": "high-risk",
    "transparency": "transparency duties (Art. 50)",
    "minimal": "minimal risk",
}


def atrs_phase(s: RecordSnapshot) -> str:
    if s.system_status in ("stopped", "retired"):
        return "Retired"
    return _ATRS_PHASE.get(s.lifecycle_phase, "")


def _one_sentence(text: str) -> str:
    text = " ".join(text.split())
    for mark in (". ", "! ", "? "):
        if mark in text:
            return text.split(mark, 1)[0] + mark.strip()
    return text


def _tillid_assessment(s: RecordSnapshot) -> str:
    """A line about the assessment tillid holds, in English like the rest of the ATRS record."""
    if not s.assessment_date:
        return ""
    parts = [f"AI Act and GDPR assessment approved on {_date(s.assessment_date)}"]
    if s.risk_class:
        parts.append(f"AI Act risk class: {_RISK_CLASS.get(s.risk_class, s.risk_class)}")
    if s.impact_level:
        parts.append(f"impact level {s.impact_level.rsplit('_', 1)[-1]} of 4")
    return "; ".join(parts) + "."


def _atrs_impact_assessment(s: RecordSnapshot) -> str:
    return _paragraphs(
        _tillid_assessment(s),
        f"Data protection impact assessment: {s.dpia_summary}" if s.dpia_summary else "",
        f"Fundamental rights impact assessment: {s.fria_summary}" if s.fria_summary else "",
    )


_T2 = "tier_2"
_OWNER = f"{_T2}.owner_and_responsibility"
_RATIONALE = f"{_T2}.description_and_rationale"
_PROCESS = f"{_T2}.decision_making_process"
_TOOL = f"{_T2}.tool_specification"
_MODEL = f"{_T2}.model_specification"
_DATA = f"{_T2}.data_specification"
_RISKS = f"{_T2}.risks_mitigations_and_impact_assessments"

ATRS: list[Field] = [
    Field("metadata.id", True, lambda s: s.record_id),
    Field("metadata.standard_version", True, lambda s: "3.0"),
    Field(
        "metadata.organisation_type",
        True,
        lambda s: _ORGANISATION_TYPE.get(s.organisation_type, ""),
    ),
    Field("metadata.function", True, _nothing),
    Field("metadata.capability", True, _nothing),
    Field("metadata.task", True, _nothing),
    Field("metadata.tags", True, _nothing),
    Field(
        "metadata.date_of_completion", True, lambda s: _date(s.first_published_at or s.published_at)
    ),
    Field("metadata.date_updated", True, lambda s: _date(s.published_at)),
    Field("metadata.date_archived", False, _nothing),
    Field("metadata.title", True, lambda s: s.name),
    Field("metadata.organisation_name", True, lambda s: s.organisation),
    Field("metadata.phase", True, atrs_phase),
    Field("metadata.region", True, lambda s: _REGION.get(s.country, "")),
    Field("metadata.one_sentence_description", True, lambda s: _one_sentence(s.summary)),
    Field("tier_1.name", True, lambda s: s.name),
    Field("tier_1.description", True, lambda s: _paragraphs(s.summary, s.purpose)),
    Field("tier_1.website_url", True, lambda s: _first_link(s) or s.record_url),
    Field("tier_1.contact_email", True, lambda s: s.contact),
    Field(f"{_OWNER}.organisation_or_department", True, lambda s: s.organisation),
    Field(f"{_OWNER}.team", True, _nothing),
    Field(f"{_OWNER}.senior_responsible_owner", True, _nothing),
    Field(f"{_OWNER}.external_supplier_involvement", True, lambda s: "Yes" if s.vendor else ""),
    Field(f"{_OWNER}.external_supplier", False, lambda s: s.vendor),
    Field(f"{_OWNER}.companies_house_number", False, _nothing),
    Field(f"{_OWNER}.external_supplier_role", False, _nothing),
    Field(f"{_OWNER}.procurement_procedure_type", False, _nothing),
    Field(f"{_OWNER}.data_access_terms", False, _nothing),
    Field(f"{_RATIONALE}.detailed_description", False, _nothing),
    Field(f"{_RATIONALE}.scope", True, lambda s: s.purpose),
    Field(f"{_RATIONALE}.benefit", True, _nothing),
    Field(f"{_RATIONALE}.previous_process", False, _nothing),
    Field(f"{_RATIONALE}.alternatives_considered", False, _nothing),
    Field(f"{_PROCESS}.process_integration", True, _nothing),
    Field(f"{_PROCESS}.provided_information", True, _nothing),
    Field(f"{_PROCESS}.frequency_and_scale_of_usage", True, _nothing),
    Field(f"{_PROCESS}.human_decisions_and_review", True, lambda s: s.human_involvement),
    Field(f"{_PROCESS}.required_training", True, _nothing),
    Field(f"{_PROCESS}.appeals_and_review", False, _nothing),
    Field(f"{_TOOL}.system_architecture", True, _nothing),
    Field(f"{_TOOL}.phase", True, atrs_phase),
    Field(f"{_TOOL}.maintenance", True, _nothing),
    Field(f"{_TOOL}.models", True, _nothing),
    # The standard repeats the model and data specifications per model and per dataset; tillid
    # describes the data in one text, so it fills one of each.
    Field(f"{_MODEL}.model_name", True, _nothing),
    Field(f"{_MODEL}.model_version", True, _nothing),
    Field(f"{_MODEL}.model_task", True, _nothing),
    Field(f"{_MODEL}.model_input", True, _nothing),
    Field(f"{_MODEL}.model_output", True, _nothing),
    Field(f"{_MODEL}.model_architecture", True, _nothing),
    Field(f"{_MODEL}.model_performance", True, _nothing),
    Field(f"{_MODEL}.datasets", True, _nothing),
    Field(f"{_MODEL}.dataset_purposes", True, _nothing),
    Field(f"{_DATA}.source_data_name", True, _nothing),
    Field(f"{_DATA}.data_modality", True, _nothing),
    Field(f"{_DATA}.data_description", True, lambda s: s.data_used),
    Field(f"{_DATA}.data_quantities", True, _nothing),
    Field(f"{_DATA}.sensitive_attributes", True, _nothing),
    Field(f"{_DATA}.data_completeness_and_representativeness", True, _nothing),
    Field(f"{_DATA}.source_data_url", True, _nothing),
    Field(f"{_DATA}.data_collection", True, _nothing),
    Field(f"{_DATA}.data_cleaning", False, _nothing),
    Field(f"{_DATA}.data_sharing_agreements", True, _nothing),
    Field(f"{_DATA}.data_access_and_storage", True, _nothing),
    Field(f"{_RISKS}.impact_assessment", True, _atrs_impact_assessment),
    Field(f"{_RISKS}.risks_and_mitigations", True, lambda s: s.risks),
]

# --- The EU database: deployers under AI Act Art. 49(3), Annex VIII section C ---------------------

_C = "annex_viii_section_c"

EU_DATABASE: list[Field] = [
    Field(f"{_C}.1_deployer.name", True, lambda s: s.organisation),
    Field(f"{_C}.1_deployer.address", True, lambda s: s.deployer_address),
    Field(f"{_C}.1_deployer.contact_details", True, lambda s: s.contact),
    Field(f"{_C}.2_submitted_on_behalf_of_deployer_by", True, lambda s: s.submitter),
    Field(f"{_C}.3_provider_entry_url", True, lambda s: s.provider_database_url),
    Field(f"{_C}.4_fundamental_rights_impact_assessment_summary", True, lambda s: s.fria_summary),
    # "where applicable": when the deployer must make a DPIA (Art. 26(8), GDPR Art. 35).
    Field(f"{_C}.5_data_protection_impact_assessment_summary", False, lambda s: s.dpia_summary),
    Field("ai_system.name", False, lambda s: s.name),
    Field("ai_system.risk_class", False, lambda s: s.risk_class),
    Field("ai_system.roles", False, lambda s: list(s.roles)),
    Field("ai_system.assessment_date", False, lambda s: _date(s.assessment_date)),
    Field("registration_required", False, lambda s: eu_registration_required(s)),
]

# A private body delivering a public service is counted in: it may act on an authority's behalf.
_PUBLIC_TYPES = {
    "municipality",
    "region",
    "state_agency",
    "other_public_body",
    "private_public_service",
}


def eu_registration_required(s: RecordSnapshot) -> bool:
    """Art. 49(3): public authorities (and EU bodies, or persons acting on their behalf) that deploy a
    high-risk system listed in Annex III register their use. tillid knows the organisation type,
    the risk class and the role; it does not know whether the system falls under Annex III point 2
    (registered nationally, Art. 49(5)), so the editor checks that."""
    return (
        s.risk_class == "high_risk"
        and "deployer" in s.roles
        and s.organisation_type in _PUBLIC_TYPES
    )


FIELDS: dict[Standard, list[Field]] = {
    "algoritmeregister": ALGORITMEREGISTER,
    "atrs": ATRS,
    "eu_database": EU_DATABASE,
}


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def export(standard: Standard, snapshot: RecordSnapshot) -> dict[str, Any]:
    """The record in the standard's structure; fields tillid has no value for are empty."""
    out: dict[str, Any] = {}
    for f in FIELDS[standard]:
        *parents, leaf = f.path.split(".")
        node = out
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = f.value(snapshot)
    return out


def missing(standard: Standard, snapshot: RecordSnapshot) -> list[str]:
    """The standard's required fields (dotted paths) that are empty for this record."""
    return [f.path for f in FIELDS[standard] if f.required and _empty(f.value(snapshot))]


def applies(standard: Standard, snapshot: RecordSnapshot) -> bool:
    """Whether the editor needs to care about the standard's missing fields for this record."""
    if standard == "eu_database":
        return eu_registration_required(snapshot)
    return True
