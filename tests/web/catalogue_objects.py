"""Experience-catalogue entries every test organisation holds, one per visibility, so the isolation
matrix reaches the catalogue's pages and the cross-organisation tests have something to find."""

from __future__ import annotations

from tillid.web.accounts.models import Organisation, User
from tillid.web.catalogue import services
from tillid.web.catalogue.models import Entry
from tillid.web.inventory.models import AISystem


def add_catalogue_objects(
    organisation: Organisation, systems: list[AISystem], editor: User
) -> list[Entry]:
    slug = organisation.slug
    common = {"language": "en", "area": "citizen_service", "status": "pilot"}
    return [
        services.create_entry(
            organisation,
            editor,
            services.EntryInput(
                title=f"Draft of {slug}",
                purpose="Not shared yet.",
                visibility="organisation",
                challenges=["data_quality"],
                **common,
            ),
        ),
        services.create_entry(
            organisation,
            editor,
            services.EntryInput(
                title=f"Members' project of {slug}",
                purpose="Shared with signed-in organisations.",
                visibility="signed_in",
                challenges=["data_quality", "cost"],
                **common,
            ),
        ),
        services.create_entry(
            organisation,
            editor,
            services.EntryInput(
                title=f"Public project of {slug}",
                purpose="Shared with everyone; others may start from its answers.",
                visibility="public",
                allow_start_from=True,
                system=systems[2],  # its assessment is approved
                challenges=["legal_clarification"],
                **common,
            ),
        ),
    ]
