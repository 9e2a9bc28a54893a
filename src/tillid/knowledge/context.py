"""The assessment context: who is asking, where, and at which point of the AI system's life."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

OrganisationType = Literal[
    "municipality",
    "region",
    "state_agency",
    "other_public_body",
    "private_public_service",
    "sme",
    "company",
]
Country = Literal["DK", "SE", "other_eu", "non_eu"]
LifecyclePhase = Literal["procure", "develop", "adapt", "operate", "retire"]


class Context(BaseModel):
    """Unset fields are unknown: conditions on them stay undetermined until the user says."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organisation_type: OrganisationType | None = None
    country: Country | None = None
    lifecycle_phase: LifecyclePhase | None = None


CONTEXT_DIMENSIONS: dict[str, tuple[str, ...]] = {
    name: tuple(get_args(get_args(field.annotation)[0]))
    for name, field in Context.model_fields.items()
}
