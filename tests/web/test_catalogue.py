"""The experience catalogue: who sees which entry, search with Danish and Swedish stemming on both
databases, filters, similar projects, "start my assessment from this one", and the forms.

Organisations A (Denmark) and B (Sweden) from conftest.py each hold three entries, one per visibility
(tests/web/catalogue_objects.py). These tests run on SQLite (FTS5) and, with DATABASE_URL set, on
PostgreSQL (its text search): the same assertions hold on both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.web.conftest import Tenant, client_for, make_user
from tillid.assessment.answers import read_answer_set
from tillid.web.accounts.models import Membership, Role
from tillid.web.assessments import services as assessment_services
from tillid.web.assessments.models import Answer, Assessment, Change
from tillid.web.catalogue import selectors, services, text
from tillid.web.catalogue.challenges import CHALLENGES
from tillid.web.catalogue.models import Entry
from tillid.web.inventory.models import AISystem

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "tillid" / "examples"
DANISH_CHATBOT = services.EntryInput(
    title="Chatbot på kommunens hjemmeside",
    language="da",
    area="citizen_service",
    status="pilot",
    purpose="En chatbot besvarer borgernes spørgsmål om affald og parkering.",
    outcome="Borgerne fik svar hurtigere.",
    visibility="public",
    challenges=["data_quality", "citizen_trust"],
)
SWEDISH_PERMITS = services.EntryInput(
    title="Chattbot för bygglov",
    language="sv",
    area="citizen_service",
    status="stopped",
    purpose="Chattboten svarar på invånarnas frågor om ansökningar om bygglov.",
    stop_reason="Handläggarna saknade tid att granska svaren.",
    visibility="public",
    challenges=["citizen_trust", "competences"],
)
ENGLISH_ROUTES = services.EntryInput(
    title="Route planning for home care",
    language="en",
    area="health_and_care",
    status="in_operation",
    purpose="Plans the daily routes of the home-care staff.",
    visibility="public",
    challenges=["technical_integration"],
)


def share(tenant: Tenant, data: services.EntryInput, **change: Any) -> Entry:
    data = services.EntryInput(**{**data.__dict__, **change})
    return services.create_entry(tenant.organisation, tenant.users[Role.EDITOR], data)


def titles(entries: Iterable[Entry]) -> set[str]:
    return {e.title for e in entries}


def found(query: str, **filters: str) -> set[str]:
    everyone = Entry.objects.all()
    return titles(selectors.search(everyone, selectors.CatalogueFilter(text=query, **filters)))


# --- Who sees what --------------------------------------------------------------------------------


def _viewer(kind: str, a: Tenant, b: Tenant) -> Client:
    return {
        "anonymous": lambda: Client(),
        "no organisation": lambda: client_for(make_user("nobody")),
        "other organisation": lambda: client_for(b.users[Role.VIEWER]),
        "own organisation": lambda: client_for(a.users[Role.VIEWER]),
    }[kind]()


@pytest.mark.parametrize(
    ("viewer", "visibility", "in_list", "page"),
    [
        ("anonymous", "public", True, 200),
        ("anonymous", "signed_in", False, 404),
        ("anonymous", "organisation", False, 404),
        ("no organisation", "public", True, 200),
        ("no organisation", "signed_in", False, 404),
        ("no organisation", "organisation", False, 404),
        ("other organisation", "public", True, 200),
        ("other organisation", "signed_in", True, 200),
        ("other organisation", "organisation", False, 404),
        # The owner's drafts are on its own pages and the entry page, never in the shared list.
        ("own organisation", "public", True, 200),
        ("own organisation", "signed_in", True, 200),
        ("own organisation", "organisation", False, 200),
    ],
)
def test_who_sees_which_entry(
    a: Tenant, b: Tenant, viewer: str, visibility: str, in_list: bool, page: int
) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility=visibility)
    client = _viewer(viewer, a, b)
    link = f'href="{reverse("catalogue_entry", args=[entry.pk])}"'
    listing = client.get(reverse("catalogue_list")).content.decode()
    assert (link in listing) is in_list
    assert client.get(reverse("catalogue_entry", args=[entry.pk])).status_code == page
    searched = client.get(reverse("catalogue_list"), {"q": entry.title}).content.decode()
    assert (link in searched) is in_list


def test_a_draft_is_never_similar_to_anything_outside_its_organisation(
    a: Tenant, b: Tenant
) -> None:
    draft = share(a, DANISH_CHATBOT, visibility="organisation", title="Hemmelig chatbot")
    other = share(b, DANISH_CHATBOT, title="Chatbot i Sverige")
    page = client_for(b.users[Role.VIEWER]).get(reverse("catalogue_entry", args=[other.pk]))
    assert page.status_code == 200
    assert draft.title not in page.content.decode()


def test_the_entry_page_hides_the_linked_systems_name_from_other_organisations(
    a: Tenant, b: Tenant
) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    assert entry.system is not None
    for client in (Client(), client_for(b.users[Role.ADMIN])):
        page = client.get(reverse("catalogue_entry", args=[entry.pk])).content.decode()
        assert entry.system.name not in page
    own = client_for(a.users[Role.VIEWER]).get(reverse("catalogue_entry", args=[entry.pk]))
    assert entry.system.name in own.content.decode()


def test_an_unknown_entry_is_404(a: Tenant) -> None:
    assert Client().get(reverse("catalogue_entry", args=[999_999])).status_code == 404


# --- Search ---------------------------------------------------------------------------------------


@pytest.fixture
def shared(a: Tenant, b: Tenant) -> dict[str, Entry]:
    return {
        "da": share(a, DANISH_CHATBOT),
        "sv": share(b, SWEDISH_PERMITS),
        "en": share(a, ENGLISH_ROUTES),
    }


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ("chatbotten", "da"),  # Danish definite form of "chatbot"
        ("chatbots", "da"),
        ("borgerne", "da"),  # "borgernes" in the text
        ("spørgsmålene", "da"),
        ("chattbotarna", "sv"),  # Swedish definite plural of "chattbot"
        ("ansökningarna", "sv"),  # "ansökningar" in the text
        ("invånare", "sv"),
        ("CHATTBOTEN", "sv"),
        ("route planned", "en"),
    ],
)
def test_inflected_words_find_the_entry(shared: dict[str, Entry], query: str, finds: str) -> None:
    assert shared[finds].title in found(query)


def test_every_word_must_match(shared: dict[str, Entry]) -> None:
    assert found("chatbotten affald") == {shared["da"].title}
    assert found("chatbotten bygglov") == set()


def test_stop_words_are_left_out_the_same_way_on_every_database(shared: dict[str, Entry]) -> None:
    assert found("chatbotten og affaldet") == {shared["da"].title}
    assert found("og the och") == set()
    page = Client().get(reverse("catalogue_list"), {"q": "og the"})
    assert "no word that can be searched for" in page.content.decode()


def test_a_title_match_ranks_first(a: Tenant, shared: dict[str, Entry]) -> None:
    share(a, ENGLISH_ROUTES, title="Home care visits", purpose="Mentions a chatbot once.")
    result = selectors.search(Entry.objects.all(), selectors.CatalogueFilter(text="chatbot"))
    assert result[0].title == shared["da"].title


def test_search_follows_edits_and_deletions(a: Tenant, shared: dict[str, Entry]) -> None:
    entry = shared["en"]
    data = services.EntryInput(
        **{**ENGLISH_ROUTES.__dict__, "title": "Drone inspections", "purpose": "Bridges."}
    )
    services.update_entry(entry, a.users[Role.EDITOR], data, entry.version)
    assert found("route planning") == set() and found("drones") == {"Drone inspections"}
    services.delete_entry(Entry.objects.get(pk=entry.pk))
    assert found("drones") == set()


HOSTILE = [
    '"',
    '"chatbot',
    "NEAR(chatbot affald)",
    "chatbot*",
    "*",
    "-chatbot",
    "chatbot AND OR NOT",
    "chatbot OR 1=1; DROP TABLE catalogue_entry; --",
    "title:chatbot",
    "^chatbot",
    "(((",
    "'",
    "\\",
    "chat\x00bot",
    "\x00",
    "🤖 chatbot",
    "a" * 5000,
    " ".join(["chatbot"] * 300),
    "{}[]<>!@#$%&",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(shared: dict[str, Entry], query: str) -> None:
    result = list(selectors.search(Entry.objects.all(), selectors.CatalogueFilter(text=query)))
    if text.query_words(query) and {w.word for w in text.query_words(query)} <= {"chatbot"}:
        assert shared["da"].title in titles(result)  # the syntax around the word is ignored


@pytest.mark.parametrize("query", [q for q in HOSTILE if "\x00" not in q])
def test_hostile_queries_get_a_page(shared: dict[str, Entry], query: str) -> None:
    page = Client().get(reverse("catalogue_list"), {"q": query})
    assert page.status_code == 200
    assert b"<script>alert" not in page.content


def test_a_nul_in_the_address_is_refused_with_a_message(shared: dict[str, Entry]) -> None:
    assert Client().get(reverse("catalogue_list"), {"q": "chat\x00bot"}).status_code == 400


def test_query_words_drop_syntax_and_keep_words() -> None:
    words = text.query_words('"NEAR(chatbotten* -ansökningarna) AND og')
    assert [w.word for w in words] == ["near", "chatbotten", "ansökningarna"]
    assert "chatbot" in words[1].stems and "ansökning" in words[2].stems
    assert text.fts5_query(words[1:2]) == '("chatbot" OR "chatbotten")'


# --- Filters --------------------------------------------------------------------------------------


def test_filters(a: Tenant, b: Tenant, shared: dict[str, Entry]) -> None:
    da, sv, en = shared["da"].title, shared["sv"].title, shared["en"].title
    assert {da, sv} <= found("", area="citizen_service") and en not in found(
        "", area="citizen_service"
    )
    assert found("", challenge="competences") == {sv}
    assert found("", status="stopped") == {sv}
    assert sv not in found("", country="DK") and {da, en} <= found("", country="DK")
    assert found("chatbot", country="SE") == set()
    assert found("chattbot", country="SE") == {sv}


def test_unknown_filter_values_count_as_all(shared: dict[str, Entry]) -> None:
    client = Client()
    page = client.get(
        reverse("catalogue_list"),
        {"area": "nope", "challenge": "x" * 500, "status": "1", "country": "<b>", "page": "-3"},
    )
    assert page.status_code == 200
    assert shared["da"].title in page.content.decode()


def test_the_list_filters_by_challenge_through_the_page(shared: dict[str, Entry]) -> None:
    page = Client().get(reverse("catalogue_list"), {"challenge": "competences"}).content.decode()
    assert shared["sv"].title in page and shared["da"].title not in page


# --- Similar projects -----------------------------------------------------------------------------


def test_similar_projects_say_why(a: Tenant, b: Tenant, shared: dict[str, Entry]) -> None:
    similar = selectors.similar_entries(shared["da"], selectors.shared_entries(Client()))
    by_title = {s.entry.title: s for s in similar}
    swedish = by_title[shared["sv"].title]
    assert swedish.challenges == ["Citizens' trust"] and swedish.same_area
    assert shared["en"].title not in by_title  # nothing in common
    page = Client().get(reverse("catalogue_entry", args=[shared["da"].pk])).content.decode()
    assert "Same challenges" in page and "Citizens&#x27; trust" in page and "Same area" in page


def test_similar_projects_by_shared_words(a: Tenant, shared: dict[str, Entry]) -> None:
    twin = share(
        a,
        ENGLISH_ROUTES,
        title="Chatbot om affald",
        language="da",
        area="environment",
        purpose="Chatbotten svarer på spørgsmål om affaldssortering.",
        challenges=[],
    )
    [reason] = [
        s for s in selectors.similar_entries(twin, Entry.objects.all()) if s.entry == shared["da"]
    ]
    assert {"chatbot", "affald"} <= set(reason.words) and not reason.challenges


def test_similar_projects_rank_more_shared_challenges_first(a: Tenant, b: Tenant) -> None:
    base = share(a, ENGLISH_ROUTES, title="Base", challenges=["cost", "procurement", "competences"])
    one = share(b, ENGLISH_ROUTES, title="One in common", challenges=["cost"], area="other")
    two = share(b, ENGLISH_ROUTES, title="Two in common", challenges=["cost", "procurement"])
    ranked = [s.entry for s in selectors.similar_entries(base, Entry.objects.all())]
    assert ranked.index(two) < ranked.index(one)


# --- Counting challenges --------------------------------------------------------------------------


def test_challenge_counts_count_entries_per_code(a: Tenant, b: Tenant) -> None:
    counts = selectors.challenge_counts(Entry.objects.all())
    assert list(counts) == list(CHALLENGES)
    # Each organisation: data_quality twice, cost once, legal_clarification once.
    assert counts["data_quality"] == 4 and counts["cost"] == 2
    assert counts["legal_clarification"] == 2 and counts["procurement"] == 0
    only_a = selectors.challenge_counts(Entry.objects.filter(organisation=a.organisation))
    assert only_a["data_quality"] == 2


# --- Start my assessment from this one ------------------------------------------------------------


def _start(client: Client, entry: Entry, organisation: str, **extra: str) -> Any:
    data = {"organisation": organisation, "name": "Started from A", "lifecycle_phase": "procure"}
    return client.post(reverse("catalogue_start", args=[entry.pk]), {**data, **extra})


def _start_with(client: Client, entry: Entry, data: dict[str, str]) -> Any:
    return client.post(reverse("catalogue_start", args=[entry.pk]), data)


def test_start_from_copies_the_answers_into_a_new_draft(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    source = a.approved.approved_versions.get().answer_set["answers"]
    response = _start(client_for(b.users[Role.EDITOR]), entry, b.slug)
    new = Assessment.objects.get(organisation=b.organisation, system__name="Started from A")
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment", args=[b.slug, new.pk])
    assert new.status == "draft" and new.system.organisation == b.organisation
    assert (new.country, new.organisation_type) == ("SE", b.organisation.organisation_type)
    copied = dict(Answer.objects.filter(assessment=new).values_list("question_id", "value"))
    assert copied and copied.items() <= source.items()
    created = Change.objects.get(assessment=new, kind="created")
    assert entry.title in created.comment and a.organisation.name in created.comment
    assert Change.objects.filter(assessment=new, kind="answer").count() == len(copied)
    # Nothing of A changed: its assessment keeps its answers.
    assert a.approved.answers.count() == len(source)


def test_start_from_follows_to_the_new_assessment_page(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    client = client_for(b.users[Role.EDITOR])
    page = client.get(_start(client, entry, b.slug)["Location"])
    assert page.status_code == 200 and "Started from A" in page.content.decode()


def test_start_from_uses_the_drafts_answers_when_nothing_was_approved(a: Tenant, b: Tenant) -> None:
    entry = share(a, DANISH_CHATBOT, system=a.systems[1], allow_start_from=True)  # submitted
    _start(client_for(b.users[Role.EDITOR]), entry, b.slug, name="From the submitted one")
    new = Assessment.objects.get(system__name="From the submitted one")
    assert set(new.answers.values_list("question_id", flat=True)) <= set(
        a.submitted.answers.values_list("question_id", flat=True)
    )
    assert new.answers.exists()


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"allow_start_from": False}, 302),  # not allowed: the page says so
        ({"system": None}, 302),  # no assessment to start from
        ({"visibility": "organisation"}, 404),  # private: as if it did not exist
    ],
)
def test_start_from_is_refused(a: Tenant, b: Tenant, change: dict[str, Any], status: int) -> None:
    entry = share(a, DANISH_CHATBOT, **{"system": a.systems[2], "allow_start_from": True, **change})
    systems = AISystem.objects.count()
    client = client_for(b.users[Role.EDITOR])
    response = _start(client, entry, b.slug)
    assert response.status_code == status
    assert AISystem.objects.count() == systems
    if status == 302:
        page = client.get(response["Location"])
        assert "alert-error" in page.content.decode()


def test_the_owners_own_people_cannot_start_from_their_draft_either(a: Tenant) -> None:
    entry = share(
        a, DANISH_CHATBOT, system=a.systems[2], allow_start_from=True, visibility="organisation"
    )
    assert _start(client_for(a.users[Role.EDITOR]), entry, a.slug).status_code == 404


def test_start_from_needs_an_editor_of_the_target_organisation(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    systems = AISystem.objects.count()
    assert _start(client_for(b.users[Role.VIEWER]), entry, b.slug).status_code == 403
    # Into an organisation the person does not belong to: 404, as everywhere else.
    assert _start(client_for(b.users[Role.ADMIN]), entry, a.slug).status_code == 404
    assert _start(client_for(b.users[Role.ADMIN]), entry, "no-such-org").status_code == 404
    anonymous = _start(Client(), entry, b.slug)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert AISystem.objects.count() == systems


def test_start_from_signed_in_entry_only_for_members_of_an_organisation(
    a: Tenant, b: Tenant
) -> None:
    entry = share(
        a, DANISH_CHATBOT, system=a.systems[2], allow_start_from=True, visibility="signed_in"
    )
    assert _start(client_for(b.users[Role.EDITOR]), entry, b.slug).status_code == 302
    assert AISystem.objects.filter(organisation=b.organisation, name="Started from A").exists()


def test_start_from_is_post_only(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    response = client_for(b.users[Role.EDITOR]).get(reverse("catalogue_start", args=[entry.pk]))
    assert response.status_code == 405


def test_start_from_needs_the_csrf_token(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    client = Client(enforce_csrf_checks=True)
    client.force_login(b.users[Role.EDITOR], backend="django.contrib.auth.backends.ModelBackend")
    assert _start(client, entry, b.slug).status_code == 403


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"name": "x" * 201},
        {"lifecycle_phase": "forever"},
        {"organisation": "not a slug!"},
        {"name": "Chatbot (b)"},  # B already has a system with this name
    ],
)
def test_start_from_with_bad_input_says_what_is_wrong(
    a: Tenant, b: Tenant, bad: dict[str, str]
) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    client = client_for(b.users[Role.EDITOR])
    systems = AISystem.objects.count()
    data = {"organisation": b.slug, "name": "Started from A", "lifecycle_phase": "procure"}
    response = _start_with(client, entry, {**data, **bad})
    assert response.status_code == 302
    assert response["Location"] == reverse("catalogue_entry", args=[entry.pk])
    assert "alert-error" in client.get(response["Location"]).content.decode()
    assert AISystem.objects.count() == systems


def test_a_refused_start_shows_the_name_as_typed_again(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    client = client_for(b.users[Role.EDITOR])
    data = {"organisation": b.slug, "name": "Chatbot (b)", "lifecycle_phase": "operate"}

    page = client.get(_start_with(client, entry, data)["Location"]).content.decode()

    assert 'value="Chatbot (b)"' in page  # taken in B: refused, but not retyped
    again = client.get(reverse("catalogue_entry", args=[entry.pk])).content.decode()
    assert 'value="Chatbot (b)"' not in again  # the next visit starts afresh


def test_the_entry_page_offers_start_from_only_where_it_works(a: Tenant, b: Tenant) -> None:
    public = Entry.objects.get(organisation=a.organisation, visibility="public")
    members = Entry.objects.get(organisation=a.organisation, visibility="signed_in")
    editor, viewer = client_for(b.users[Role.EDITOR]), client_for(b.users[Role.VIEWER])
    url = reverse("catalogue_start", args=[public.pk])
    assert url in editor.get(reverse("catalogue_entry", args=[public.pk])).content.decode()
    assert url not in viewer.get(reverse("catalogue_entry", args=[public.pk])).content.decode()
    assert url not in Client().get(reverse("catalogue_entry", args=[public.pk])).content.decode()
    other = reverse("catalogue_start", args=[members.pk])  # not allowed by its owner
    assert other not in editor.get(reverse("catalogue_entry", args=[members.pk])).content.decode()


# --- The organisation's own pages and forms -------------------------------------------------------


def _form(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Ny chatbot",
        "language": "da",
        "area": "citizen_service",
        "purpose": "Besvarer spørgsmål.",
        "status": "pilot",
        "outcome": "",
        "stop_reason": "",
        "challenges": ["data_quality", "cost"],
        "what_helped": "",
        "contact": "ai@example.org",
        "system": "",
        "visibility": "public",
        **extra,
    }


def test_an_editor_shares_edits_and_deletes_an_entry(a: Tenant) -> None:
    client = client_for(a.users[Role.EDITOR])
    response = client.post(
        reverse("catalogue_entry_new", args=[a.slug]),
        _form(system=a.systems[2].pk, allow_start_from="on"),
    )
    entry = Entry.objects.get(title="Ny chatbot")
    assert response["Location"] == reverse("catalogue_entry", args=[entry.pk])
    assert entry.challenge_codes() == ["data_quality", "cost"]
    assert entry.allow_start_from and entry.system == a.systems[2]
    assert entry.created_by == a.users[Role.EDITOR]
    assert "Ny chatbot" in found("chatbotterne")

    edit = reverse("catalogue_entry_edit", args=[a.slug, entry.pk])
    assert client.get(edit).status_code == 200
    client.post(edit, _form(title="Ny chatbot 2", challenges=["cost"], version=entry.version))
    entry.refresh_from_db()
    assert (entry.title, entry.challenge_codes(), entry.allow_start_from) == (
        "Ny chatbot 2",
        ["cost"],
        False,
    )

    listing = client.get(reverse("catalogue_entries", args=[a.slug])).content.decode()
    assert "Ny chatbot 2" in listing and "Draft of a" in listing

    delete = reverse("catalogue_entry_delete", args=[a.slug, entry.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete)["Location"] == reverse("catalogue_entries", args=[a.slug])
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"title": ""}, "This field is required"),
        ({"title": "x" * 201}, "at most 200 characters"),
        ({"purpose": ""}, "This field is required"),
        ({"area": "moon"}, "Select a valid choice"),
        ({"status": "stopped"}, "Say why the project stopped"),
        ({"challenges": ["data_quality", "nonsense"]}, "Select a valid choice"),
        ({"contact": "javascript:alert(1)"}, "Write an e-mail address"),
        # Looks like an e-mail address to a loose pattern, is a script link to a browser.
        ({"contact": "javascript://%0aalert(1)//@x.com"}, "Write an e-mail address"),
        ({"visibility": "everyone-and-their-dog"}, "Select a valid choice"),
        ({"purpose": "x" * 10_001}, "at most 10000 can be saved"),
        ({"language": "de"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_the_form_keeps_what_was_typed(
    a: Tenant, bad: dict[str, Any], message: str
) -> None:
    client = client_for(a.users[Role.EDITOR])
    entries = Entry.objects.count()
    page = client.post(reverse("catalogue_entry_new", args=[a.slug]), _form(**bad))
    assert page.status_code == 200
    text_ = page.content.decode()
    assert message in text_
    if "purpose" not in bad:
        assert "Besvarer spørgsmål." in text_  # what was typed is still in the form
    assert Entry.objects.count() == entries


@pytest.mark.parametrize(
    ("contact", "href"),
    [
        ("ai@example.org", 'href="mailto:ai@example.org"'),
        ("https://example.org/ai", 'href="https://example.org/ai"'),
        # Saved before the check was tightened, or by another caller: never a script link.
        ("javascript://%0aalert(1)//@x.com", None),
        ("JavaScript:alert(1)", None),
    ],
)
def test_the_contact_is_linked_only_as_mail_or_web_address(
    a: Tenant, contact: str, href: str | None
) -> None:
    entry = share(a, DANISH_CHATBOT)
    Entry.objects.filter(pk=entry.pk).update(contact=contact)
    page = Client().get(reverse("catalogue_entry", args=[entry.pk])).content.decode()
    assert 'href="javascript' not in page.lower()
    if href:
        assert href in page
    else:
        assert f"<dd>{contact}</dd>" in page  # shown as text


def test_another_organisations_system_cannot_be_linked(a: Tenant, b: Tenant) -> None:
    client = client_for(a.users[Role.EDITOR])
    page = client.post(reverse("catalogue_entry_new", args=[a.slug]), _form(system=b.systems[2].pk))
    assert "Select a valid choice" in page.content.decode()
    assert not Entry.objects.filter(title="Ny chatbot").exists()
    with pytest.raises(services.CatalogueError):
        services.create_entry(
            a.organisation,
            a.users[Role.EDITOR],
            services.EntryInput(**{**DANISH_CHATBOT.__dict__, "system": b.systems[2]}),
        )


def test_two_editors_saving_the_same_entry_do_not_overwrite_each_other(a: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    first, second = client_for(a.users[Role.EDITOR]), client_for(a.users[Role.ADMIN])
    url = reverse("catalogue_entry_edit", args=[a.slug, entry.pk])
    first.post(url, _form(title="First", version=entry.version))
    page = second.post(url, _form(title="Second", version=entry.version))
    assert "Someone else saved this entry" in page.content.decode()
    assert 'value="Second"' in page.content.decode()  # what they typed is still there
    entry.refresh_from_db()
    assert entry.title == "First"


def test_viewers_read_but_do_not_change(a: Tenant) -> None:
    viewer = client_for(a.users[Role.VIEWER])
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    page = viewer.get(reverse("catalogue_entries", args=[a.slug]))
    assert page.status_code == 200 and "Share a project" not in page.content.decode()
    assert viewer.post(reverse("catalogue_entry_new", args=[a.slug]), _form()).status_code == 403
    edit = reverse("catalogue_entry_edit", args=[a.slug, entry.pk])
    assert viewer.post(edit, _form(version=entry.version)).status_code == 403
    delete = reverse("catalogue_entry_delete", args=[a.slug, entry.pk])
    assert viewer.post(delete).status_code == 403
    assert Entry.objects.filter(pk=entry.pk, title=entry.title).exists()


def test_another_organisations_entry_is_404_on_our_pages(a: Tenant, b: Tenant) -> None:
    entry = Entry.objects.get(organisation=b.organisation, visibility="public")
    client = client_for(a.users[Role.ADMIN])
    for name in ("catalogue_entry_edit", "catalogue_entry_delete"):
        url = reverse(name, args=[a.slug, entry.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, _form(version=entry.version)).status_code == 404
    assert Entry.objects.filter(pk=entry.pk, title=entry.title).exists()


def test_the_organisation_list_counts_its_challenges(a: Tenant) -> None:
    page = client_for(a.users[Role.VIEWER]).get(reverse("catalogue_entries", args=[a.slug]))
    assert "Data quality: 2" in page.content.decode()


# --- Demo data ------------------------------------------------------------------------------------


def test_demo_entries_load_once_and_are_found(db: None) -> None:
    from tillid.web.catalogue.demo import load_catalogue_demo
    from tillid.web.demo import load_demo_data

    load_demo_data()
    count = Entry.objects.count()
    assert count >= 8
    assert load_catalogue_demo() == []
    assert Entry.objects.count() == count
    assert "Chatbot på kommunens hjemmeside" in found("chatbotten")
    assert "Chattbot för frågor om bygglov" in found("chattbotarna")
    assert "Chattbot för frågor om bygglov" in found("ansökningarna")
    stopped = Entry.objects.filter(status="stopped")
    assert stopped.exists() and all(e.stop_reason for e in stopped)
    starters = [e for e in Entry.objects.all() if services.may_start_from(e)]
    assert [e.title for e in starters] == ["Chatbot på kommunens hjemmeside"]
    assert {e.visibility for e in Entry.objects.all()} == {"organisation", "signed_in", "public"}


def test_the_database_in_use_has_its_search_index(a: Tenant) -> None:
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    if connection.vendor == "postgresql":
        assert Entry.objects.filter(pk=entry.pk, search_vector__isnull=False).exists()
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT title FROM catalogue_entry_fts WHERE rowid = %s", [entry.pk])
            assert cursor.fetchone()[0] == "public project"


def test_membership_roles_decide_the_start_form_organisations(a: Tenant, b: Tenant) -> None:
    """A person editing in one organisation and only viewing in another is offered the first."""
    person = b.users[Role.EDITOR]
    Membership.objects.create(user=person, organisation=a.organisation, role=Role.VIEWER)
    entry = Entry.objects.get(organisation=a.organisation, visibility="public")
    page = client_for(person).get(reverse("catalogue_entry", args=[entry.pk])).content.decode()
    assert f'value="{b.slug}"' in page and f'<option value="{a.slug}"' not in page


def test_search_results_come_in_pages_of_25(a: Tenant) -> None:
    for n in range(30):
        share(a, DANISH_CHATBOT, title=f"Chatbot nummer {n:02d}")
    client = Client()
    first = client.get(reverse("catalogue_list"), {"q": "chatbotterne"}).content.decode()
    second = client.get(reverse("catalogue_list"), {"q": "chatbotterne", "page": "2"})
    assert "30 projects" in first and "Page 1 of 2" in first
    assert second.content.decode().count('<li class="tillid-catalogue-item">') == 5


def test_answers_that_do_not_apply_in_the_new_context_are_left_out(
    a: Tenant, b: Tenant, tenant: Callable[..., Tenant]
) -> None:
    # Given a Danish municipality's complete benefit-fraud assessment, shared for starting from
    editor = a.users[Role.EDITOR]
    system = AISystem.objects.create(
        organisation=a.organisation, name="Fraud scoring", purpose="Scores cases.", owner=editor
    )
    answers = read_answer_set(EXAMPLES / "benefit_fraud_scoring.yaml").answers
    draft = assessment_services.start_assessment(system, editor)
    assessment_services.save_answers(
        draft, editor, [assessment_services.AnswerInput(q, v, None) for q, v in answers.items()]
    )
    entry = share(a, DANISH_CHATBOT, system=system, allow_start_from=True)
    c = tenant("c")  # another Danish municipality

    # When a Swedish and a Danish organisation start from it
    _start(client_for(b.users[Role.EDITOR]), entry, b.slug, name="In Sweden")
    _start(client_for(c.users[Role.EDITOR]), entry, c.slug, name="In Denmark")

    # Then only the Danish one gets the answers to Danish public-law questions
    def copied(name: str) -> set[str]:
        return set(
            Answer.objects.filter(assessment__system__name=name).values_list(
                "question_id", flat=True
            )
        )

    assert any(q.startswith("dkpl.") for q in copied("In Denmark"))
    assert not any(q.startswith("dkpl.") for q in copied("In Sweden"))
    assert copied("In Sweden") and copied("In Sweden") < set(answers)
    note = Change.objects.get(assessment__system__name="In Sweden", kind="created").comment
    assert "Left out because they do not apply here" in note


def test_logging_in_from_a_search_comes_back_to_the_same_search(shared: dict[str, Entry]) -> None:
    page = Client().get(reverse("catalogue_list"), {"q": "chatbotten", "area": "citizen_service"})
    assert "?next=/catalogue/%3Fq%3Dchatbotten%26area%3Dcitizen_service" in page.content.decode()
