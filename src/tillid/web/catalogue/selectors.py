"""Reading the catalogue: who may read which entry, search, filters, similar projects, counts.

Who reads what (`Visibility`):
- everyone, without login: public entries;
- a signed-in person who belongs to an organisation: also entries shared with signed-in organisations;
- the people of the owning organisation: also its drafts, on its own pages and on the entry's page.
An entry visible only to its organisation is never in the shared list, search or similar projects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from tillid.web.accounts.models import Membership, Organisation
from tillid.web.catalogue import text
from tillid.web.catalogue.challenges import CHALLENGES, challenge_label
from tillid.web.catalogue.models import Area, Entry, EntryChallenge, Visibility

FTS_TABLE = "catalogue_entry_fts"


@dataclass(frozen=True)
class CatalogueFilter:
    text: str = ""
    area: str = ""
    challenge: str = ""
    status: str = ""
    country: str = ""

    @property
    def any(self) -> bool:
        return any([self.text, self.area, self.challenge, self.status, self.country])


def _member_organisations(user: Any) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).values("organisation_id")


def shared_entries(user: Any) -> QuerySet[Entry]:
    """Entries shared beyond their organisation that this visitor may read."""
    shown = Q(visibility=Visibility.PUBLIC)
    if getattr(user, "is_authenticated", False) and _member_organisations(user).exists():
        shown |= Q(visibility=Visibility.SIGNED_IN)
    return Entry.objects.filter(shown).select_related("organisation")


def readable_entry(user: Any, entry_id: int) -> Entry:
    """One entry this visitor may read (shared, or their own organisation's); Entry.DoesNotExist."""
    shown = Q(pk__in=shared_entries(user).values("pk"))
    if getattr(user, "is_authenticated", False):
        shown |= Q(organisation__in=_member_organisations(user))
    return (
        Entry.objects.filter(shown, pk=entry_id)
        .select_related("organisation", "system")
        .prefetch_related("challenge_rows")
        .get()
    )


def organisation_entries(organisation: Organisation) -> QuerySet[Entry]:
    return Entry.objects.filter(organisation=organisation).prefetch_related("challenge_rows")


def organisation_entry(organisation: Organisation, pk: int) -> Entry:
    """Entry.DoesNotExist when it is not this organisation's."""
    return organisation_entries(organisation).select_related("system").get(pk=pk)


# --- Search and filters ---------------------------------------------------------------------------


def filtered(entries: QuerySet[Entry], want: CatalogueFilter) -> QuerySet[Entry]:
    if want.area:
        entries = entries.filter(area=want.area)
    if want.challenge:
        entries = entries.filter(challenge_rows__code=want.challenge)
    if want.status:
        entries = entries.filter(status=want.status)
    if want.country:
        entries = entries.filter(organisation__country=want.country)
    return entries.prefetch_related("challenge_rows")


def search(entries: QuerySet[Entry], want: CatalogueFilter) -> Sequence[Entry]:
    """The entries matching the filters and every searchable word of the text, best match first;
    by title when there is no text. Typed text without a searchable word matches nothing.

    Lazy on both databases: a page of results loads only its own entries."""
    entries = filtered(entries, want)
    if not want.text.strip():
        return entries.order_by("title", "pk")
    query = text.query_words(want.text)
    if not query:
        return entries.none()
    if connection.vendor == "postgresql":
        return _postgres_search(entries, query)
    return _sqlite_search(entries, query)


def _postgres_search(entries: QuerySet[Entry], query: list[text.QueryWord]) -> QuerySet[Entry]:
    # Each word as PostgreSQL stems it in each language, OR'd; all words AND'ed. The stored vector
    # holds the entry's texts stemmed in the entry's own language.
    combined: SearchQuery | None = None
    for word in query:
        any_language: SearchQuery | None = None
        for language in text.LANGUAGES:
            one = SearchQuery(word.word, config=text.POSTGRES_CONFIG[language], search_type="plain")
            any_language = one if any_language is None else any_language | one
        assert any_language is not None
        combined = any_language if combined is None else combined & any_language
    assert combined is not None
    return (
        entries.filter(search_vector=combined)
        .annotate(rank=SearchRank(F("search_vector"), combined))
        .order_by("-rank", "title", "pk")
    )


class RankedEntries(Sequence[Entry]):
    """Entry ids in rank order; indexing or slicing loads only those entries (for the Paginator)."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._load(self.ids))

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return self._load(self.ids[index])
        return self._load([self.ids[index]])[0]

    @staticmethod
    def _load(ids: list[int]) -> list[Entry]:
        rows = (
            Entry.objects.filter(pk__in=ids)
            .select_related("organisation")
            .prefetch_related("challenge_rows")
        )
        by_pk = {row.pk: row for row in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]


def _sqlite_search(entries: QuerySet[Entry], query: list[text.QueryWord]) -> RankedEntries:
    with connection.cursor() as cursor:
        # bm25: lower is better; a word in the title counts ten times a word in the other texts.
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, 10.0, 1.0) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [text.fts5_query(query)],
        )
        rank = {row_id: score for row_id, score in cursor.fetchall()}
    # Only the entries the visitor may read and the filters let through, by id and title alone.
    allowed = entries.filter(pk__in=list(rank)).values_list("pk", "title")
    ordered = sorted(allowed, key=lambda row: (rank[row[0]], row[1], row[0]))
    return RankedEntries([pk for pk, _title in ordered])


# --- Similar projects -----------------------------------------------------------------------------

SIMILAR_LIMIT = 5
MAX_SHARED_WORDS = 5


@dataclass
class Similar:
    """Another entry and why it is similar; the score is the sum of the reasons' points."""

    entry: Entry
    challenges: list[str] = field(default_factory=list)  # labels of the challenges both met
    same_area: bool = False
    words: list[str] = field(default_factory=list)  # words of this entry both texts share

    @property
    def score(self) -> int:
        # A shared challenge says most about what the other project went through, the area next;
        # shared words help, but at most MAX_SHARED_WORDS of them count.
        return (
            3 * len(self.challenges) + 2 * self.same_area + min(len(self.words), MAX_SHARED_WORDS)
        )


def _meaningful(terms: str) -> set[str]:
    return {t for t in terms.split() if len(t) >= 3 and not t.isdigit()}


def similar_entries(entry: Entry, candidates: QuerySet[Entry]) -> list[Similar]:
    """At most SIMILAR_LIMIT entries among `candidates` sharing a challenge, the area or at least
    two stemmed words with `entry`, most similar first."""
    mine = set(entry.challenge_codes())
    my_terms = _meaningful(entry.terms)
    surface = _surface_words(entry)
    found = []
    for other in candidates.exclude(pk=entry.pk).prefetch_related("challenge_rows"):
        shared_terms = my_terms & _meaningful(other.terms)
        similar = Similar(
            entry=other,
            challenges=[challenge_label(c) for c in other.challenge_codes() if c in mine],
            same_area=other.area == entry.area and entry.area != Area.OTHER,
            words=sorted(surface.get(t, t) for t in shared_terms)[:MAX_SHARED_WORDS]
            if len(shared_terms) >= 2
            else [],
        )
        if similar.score:
            found.append(similar)
    found.sort(key=lambda s: (-s.score, s.entry.title, s.entry.pk))
    return found[:SIMILAR_LIMIT]


def _surface_words(entry: Entry) -> dict[str, str]:
    """Each stem of the entry's texts -> the first word it came from, to show words, not stems."""
    language = entry.language if entry.language in text.LANGUAGES else "en"
    surface: dict[str, str] = {}
    for name in ("title", "purpose", "outcome", "stop_reason", "what_helped"):
        for word in text.words(getattr(entry, name)):
            surface.setdefault(text.stem(word, language), word)
    return surface


# --- Counting challenges (for dashboards) ---------------------------------------------------------


def challenge_counts(entries: QuerySet[Entry]) -> dict[str, int]:
    """How many of `entries` met each challenge: {code: number of entries}, every code of the
    vocabulary present (0 when none), in the vocabulary's order. One GROUP BY query."""
    rows = (
        EntryChallenge.objects.filter(entry__in=entries.values("pk"))
        .values("code")
        .annotate(n=Count("entry", distinct=True))
    )
    counted = Counter({row["code"]: row["n"] for row in rows})
    return {code: counted.get(code, 0) for code in CHALLENGES}
