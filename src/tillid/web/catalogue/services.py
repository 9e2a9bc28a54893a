"""Changing the catalogue: sharing, editing and deleting entries, and starting an assessment from one.

Every save also refreshes the entry's search data (stemmed terms, PostgreSQL's tsvector or SQLite's
FTS5 row), so search never needs a separate rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tillid.web.accounts.models import Organisation, User
from tillid.web.assessments import services as assessments
from tillid.web.assessments.knowledge import engine
from tillid.web.assessments.models import ApprovedVersion, Assessment, Change
from tillid.web.catalogue import text
from tillid.web.catalogue.challenges import CHALLENGES
from tillid.web.catalogue.models import (
    Entry,
    EntryChallenge,
    ProjectStatus,
    Visibility,
)
from tillid.web.contact import NOT_A_CONTACT, is_contact
from tillid.web.inventory import services as inventory
from tillid.web.inventory.models import AISystem, LifecyclePhase

FTS_TABLE = "catalogue_entry_fts"
TEXT_FIELDS = ("title", "purpose", "outcome", "stop_reason", "what_helped")


class CatalogueError(Exception):
    """The change cannot be made; the message says why and what to do."""


@dataclass
class EntryInput:
    title: str
    language: str
    area: str
    purpose: str
    status: str
    outcome: str = ""
    stop_reason: str = ""
    what_helped: str = ""
    contact: str = ""
    system: AISystem | None = None
    visibility: str = Visibility.ORGANISATION
    allow_start_from: bool = False
    challenges: list[str] = field(default_factory=list)


FIELDS = (
    "title",
    "language",
    "area",
    "purpose",
    "status",
    "outcome",
    "stop_reason",
    "what_helped",
    "contact",
    "system",
    "visibility",
    "allow_start_from",
)


def _check(organisation: Organisation, data: EntryInput) -> None:
    if data.system is not None and data.system.organisation_id != organisation.pk:
        # Forms offer only the organisation's own systems; this guards every other caller.
        raise CatalogueError(_("Choose one of your own organisation's AI systems."))
    unknown = [code for code in data.challenges if code not in CHALLENGES]
    if unknown:
        raise CatalogueError(
            _("Unknown challenge: %(codes)s.") % {"codes": ", ".join(unknown)[:200]}
        )
    if not is_contact(data.contact):
        # The entry page links the contact: never a javascript: or other address.
        raise CatalogueError(str(NOT_A_CONTACT))
    if data.status == ProjectStatus.STOPPED and not data.stop_reason.strip():
        raise CatalogueError(_("Say why the project stopped: others learn most from that."))


def create_entry(organisation: Organisation, user: User, data: EntryInput) -> Entry:
    _check(organisation, data)
    with transaction.atomic():
        entry = Entry.objects.create(
            organisation=organisation,
            created_by=user,
            updated_by=user,
            **{name: getattr(data, name) for name in FIELDS},
        )
        _set_challenges(entry, data.challenges)
        reindex(entry)
    return entry


def update_entry(entry: Entry, user: User, data: EntryInput, seen_version: int) -> Entry:
    """Saves the form unless someone else saved the entry since the form was opened."""
    _check(entry.organisation, data)
    with transaction.atomic():
        changed = Entry.objects.filter(pk=entry.pk, version=seen_version).update(
            version=F("version") + 1,
            updated_by=user,
            updated_at=timezone.now(),
            **{name: getattr(data, name) for name in FIELDS},
        )
        if not changed:
            raise CatalogueError(
                _(
                    "Someone else saved this entry while you were editing it. Your changes were "
                    "not saved; reload the page to see theirs, then make yours again."
                )
            )
        entry.refresh_from_db()
        _set_challenges(entry, data.challenges)
        reindex(entry)
    return entry


def delete_entry(entry: Entry) -> None:
    with transaction.atomic():
        pk = entry.pk
        entry.delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


def _set_challenges(entry: Entry, codes: list[str]) -> None:
    wanted = set(codes)
    entry.challenge_rows.exclude(code__in=wanted).delete()
    have = set(entry.challenge_rows.values_list("code", flat=True))
    EntryChallenge.objects.bulk_create(
        [EntryChallenge(entry=entry, code=code) for code in CHALLENGES if code in wanted - have]
    )


# --- Search data ----------------------------------------------------------------------------------


def reindex(entry: Entry) -> None:
    """Refreshes the stemmed terms and the search index of the database in use."""
    language = entry.language if entry.language in text.LANGUAGES else "en"
    body = "\n".join(getattr(entry, name) for name in TEXT_FIELDS[1:])
    terms = text.index_terms(entry.title, language) + text.index_terms(body, language)
    entry.terms = " ".join(terms)
    Entry.objects.filter(pk=entry.pk).update(terms=entry.terms)
    if connection.vendor == "postgresql":
        config = text.POSTGRES_CONFIG[language]
        Entry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector("title", config=config, weight="A")
            + SearchVector(*TEXT_FIELDS[1:], config=config, weight="B")
        )
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [
                    entry.pk,
                    " ".join(text.index_terms(entry.title, language)),
                    " ".join(text.index_terms(body, language)),
                ],
            )


# --- Start my assessment from this one ------------------------------------------------------------


def source_answers(entry: Entry) -> tuple[dict[str, object], str] | None:
    """The answers others may start from, and where they come from; None when there are none.

    The latest approved version of the linked system's assessments comes first, because a reviewer
    stood by it; without one, the answers of its most recently changed assessment."""
    system = entry.system
    if system is None or system.organisation_id != entry.organisation_id:
        return None
    approval = (
        ApprovedVersion.objects.filter(assessment__system=system)
        .order_by("-approved_at", "-pk")
        .first()
    )
    if approval is not None:
        answers = dict((approval.answer_set or {}).get("answers", {}))
        return answers, _("approved revision %(n)d") % {"n": approval.revision}
    latest = Assessment.objects.filter(system=system).order_by("-updated_at", "-pk").first()
    if latest is None:
        return None
    return assessments.answers_of(latest), _("its assessment as it stood on %(date)s") % {
        "date": timezone.localdate().isoformat()
    }


def may_start_from(entry: Entry) -> bool:
    """Whether the owner shared the entry beyond itself, allowed it, and there are answers."""
    return (
        entry.visibility != Visibility.ORGANISATION
        and entry.allow_start_from
        and source_answers(entry) is not None
    )


def _applicable(answers: dict[str, object], assessment: Assessment) -> dict[str, object]:
    """The answers to questions that apply in the new assessment's own context: a Swedish
    organisation starting from a Danish one's answers gets no answers to Danish-law questions."""
    context = assessments.context_of(assessment)
    kept = dict(answers)
    for _round in range(5):  # visibility depends on the answers; settles in a round or two
        visible = set(engine().visible_questions(context, kept, timezone.localdate()))
        narrowed = {q: v for q, v in kept.items() if q in visible}
        if narrowed == kept:
            break
        kept = narrowed
    return kept


def start_from_entry(
    entry: Entry,
    organisation: Organisation,
    user: User,
    name: str,
    lifecycle_phase: str,
) -> Assessment:
    """A new AI system of `organisation` with a draft assessment holding the entry's answers.

    The caller has checked that `user` may edit in `organisation` and may read `entry`. The context
    (organisation type, country) is the new organisation's own; the history says where the answers
    came from."""
    if entry.visibility == Visibility.ORGANISATION or not entry.allow_start_from:
        raise CatalogueError(
            _("The organisation that shared this entry does not let others start from its answers.")
        )
    source = source_answers(entry)
    if source is None:
        raise CatalogueError(_("This entry has no assessment to start from."))
    answers, origin = source
    if lifecycle_phase not in LifecyclePhase.values:
        raise CatalogueError(_("Choose a lifecycle phase from the list."))
    name = name.strip()
    if not name or len(name) > 200:
        raise CatalogueError(_("Give the new AI system a name of at most 200 characters."))
    with transaction.atomic():
        try:
            system = inventory.create_system(
                organisation,
                {
                    "name": name,
                    "purpose": entry.purpose,
                    "owner": user,
                    "lifecycle_phase": lifecycle_phase,
                },
            )
        except inventory.InventoryError:
            raise CatalogueError(
                _(
                    "%(organisation)s already has an AI system named “%(name)s”. Choose another "
                    "name for the new system."
                )
                % {"organisation": organisation.name, "name": name}
            ) from None
        assessment = assessments.start_assessment(system, user)
        kept = _applicable(answers, assessment)
        outcome = assessments.save_answers(
            assessment,
            user,
            [assessments.AnswerInput(q, value, None) for q, value in kept.items()],
        )
        note = _(
            "Started from the experience catalogue: “%(title)s” shared by %(organisation)s "
            "(entry %(id)d), answers from %(origin)s. Answers copied: %(copied)d. Left out because "
            "they do not apply here or no longer fit the questions: %(left)d."
        ) % {
            "title": entry.title,
            "organisation": entry.organisation.name,
            "id": entry.pk,
            "origin": origin,
            "copied": len(outcome.saved),
            "left": len(answers) - len(outcome.saved),
        }
        Change.objects.filter(assessment=assessment, kind=Change.Kind.CREATED).update(comment=note)
    return assessment
