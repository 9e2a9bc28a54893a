"""The web app speaks Danish unless asked otherwise, and Swedish when the browser or the person asks.

Two things are checked: the gettext catalogues themselves (every interface string translated, nothing
fuzzy, placeholders and markup kept), and the pages people use most, rendered the way a browser asks for
them, with no English interface text left on them. Knowledge-pack texts are trilingual at the source and
are not part of the catalogues.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tillid.assessment.answers import read_answer_set
from tillid.web import settings as production
from tillid.web.accounts.models import Membership, Organisation, Role, User
from tillid.web.actions.models import Task
from tillid.web.assessments import services
from tillid.web.assessments.models import Assessment
from tillid.web.assessments.questionnaire import sections
from tillid.web.audits import services as audit_services
from tillid.web.audits.models import AuditRun
from tillid.web.inventory.models import AISystem

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = ["da", "sv"]
DEMO_ANSWERS = (
    Path(__file__).resolve().parents[2] / "src/tillid/examples/demo/benefit_application_triage.yaml"
)
# %(name)s and %(n)d from Python and {% blocktranslate %}; the tags around a placeholder or a link.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifgex]|%[sdifgex]|</?\w+[^>]*>|&\w+;")


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def entries(lang: str) -> list[polib.POEntry]:
    return [e for e in catalogue(lang) if not e.obsolete]


def translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs: one, or for a plural the singular and the plural form."""
    if entry.msgid_plural:
        return [
            (entry.msgid, entry.msgstr_plural.get(0, "")),
            (entry.msgid_plural, entry.msgstr_plural.get(1, "")),
        ]
    return [(entry.msgid, entry.msgstr)]


# --- The catalogues -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_is_made_for_its_language_with_two_plural_forms(lang: str) -> None:
    po = catalogue(lang)
    assert po.metadata["Language"] == lang
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert not po.metadata_is_fuzzy, "a fuzzy header makes msgfmt drop the plural rule"
    assert len(entries(lang)) > 300, "the catalogue should hold the whole web app's interface"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_interface_string_is_translated_and_none_is_fuzzy(lang: str) -> None:
    untranslated = [
        e.msgid for e in entries(lang) if any(not dst.strip() for _, dst in translations(e))
    ]
    fuzzy = [e.msgid for e in entries(lang) if "fuzzy" in e.flags]
    assert untranslated == [], f"{lang}: translate these in locale/{lang}/LC_MESSAGES/django.po"
    assert fuzzy == [], f"{lang}: check these translations and remove their fuzzy flag"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_and_markup_are_kept_exactly(lang: str) -> None:
    broken = [
        (src, dst)
        for e in entries(lang)
        for src, dst in translations(e)
        if Counter(PLACEHOLDER.findall(src)) != Counter(PLACEHOLDER.findall(dst))
    ]
    assert broken == []


def test_every_string_marked_in_the_code_is_in_the_catalogues(tmp_path: Path) -> None:
    """A new {% translate %} or gettext() without a catalogue entry would show English to everyone."""
    web = LOCALE.parent
    copy = tmp_path / "web"
    shutil.copytree(web, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    subprocess.run(
        [
            str(Path(sys.executable).with_name("django-admin")),
            "makemessages",
            "-l",
            "da",
            "--no-location",
            "--settings=tillid.web.settings",
            f"--pythonpath={web.parents[2]}",
        ],
        cwd=copy,
        env={**os.environ, "TILLID_DATA_DIR": str(tmp_path / "data")},
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(copy / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    for lang in LANGUAGES:
        known = {(e.msgctxt, e.msgid) for e in entries(lang)}
        missing = [
            e.msgid for e in extracted if not e.obsolete and (e.msgctxt, e.msgid) not in known
        ]
        assert not missing, (
            f"{len(missing)} interface strings are not in the {lang} catalogue; run makemessages "
            f"(src/tillid/web/locale/README.md) and translate them: {missing[:10]}"
        )


def test_the_compiled_catalogues_are_what_the_app_uses() -> None:
    """`make messages` compiles the .po files; a stale or missing .mo would show English."""
    for lang in LANGUAGES:
        po, mo = (LOCALE / lang / "LC_MESSAGES" / f"django.{ext}" for ext in ("po", "mo"))
        assert mo.exists(), f"{mo} is missing: run `make messages`"
        compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo)) if not e.msgid_plural}
        written = {e.msgid: e.msgstr for e in entries(lang) if not e.msgid_plural}
        assert compiled == written, f"{mo} is older than {po}: run `make messages`"


# --- The pages ----------------------------------------------------------------------------------


def test_danish_is_the_default_language_in_production() -> None:
    assert production.LANGUAGE_CODE == "da"
    assert [code for code, _ in production.LANGUAGES] == ["da", "en", "sv"]


@pytest.fixture(autouse=True)
def production_language(settings: Any) -> None:
    """The other web tests read English; these render pages with production's default language."""
    settings.LANGUAGE_CODE = production.LANGUAGE_CODE


@dataclass
class Municipality:
    organisation: Organisation
    admin: User
    editor: User
    reviewer: User
    system: AISystem
    approved: Assessment
    submitted: Assessment
    draft: Assessment

    def url(self, name: str, *args: object) -> str:
        return reverse(name, args=[self.organisation.slug, *args])


@pytest.fixture
def municipality(db: None) -> Municipality:
    """A Danish municipality with an approved assessment (so an action plan), one waiting for review,
    one being answered, a registered database and an audit queued on it."""
    organisation = Organisation.objects.create(
        slug="havbjerg", name="Havbjerg Kommune", organisation_type="municipality", country="DK"
    )
    people = {}
    for role in (Role.ADMIN, Role.EDITOR, Role.REVIEWER):
        user = User.objects.create_user(f"havbjerg-{role}", password="not-used-in-these-tests")
        Membership.objects.create(user=user, organisation=organisation, role=role)
        people[role] = user
    editor, reviewer = people[Role.EDITOR], people[Role.REVIEWER]
    system = AISystem.objects.create(
        organisation=organisation,
        name="Visitering af ansøgninger",
        purpose="Sorterer ansøgninger om enkeltydelser",
        owner=editor,
        lifecycle_phase="procure",
    )
    answers = read_answer_set(DEMO_ANSWERS).answers.items()

    def answered(*, submit: bool) -> Assessment:
        assessment = services.start_assessment(system, editor)
        inputs = [services.AnswerInput(q, v, None) for q, v in answers]
        assert not services.save_answers(assessment, editor, inputs).errors
        assessment.refresh_from_db()
        if submit:
            services.submit(assessment, editor, assessment.version)
        return assessment

    approved = answered(submit=True)
    services.approve(approved, reviewer, approved.version, "I orden.")
    submitted = answered(submit=True)
    services.add_comment(submitted, reviewer, "Hvilken model er det?")
    draft = answered(submit=False)
    connection = audit_services.register_connection(
        organisation,
        "Sagsdatabasen",
        "postgresql://audit:hemmeligt@db.havbjerg.example/sager",
        editor,
    )
    audit_services.queue_run(
        organisation,
        system,
        audit_services.read_spec(
            {"target": "label", "prediction": "prediction", "protected": ["sex"]}
        ),
        editor,
        connection=connection,
        table="afgoerelser",
        assessment=approved,
    )
    return Municipality(
        organisation, people[Role.ADMIN], editor, reviewer, system, approved, submitted, draft
    )


@dataclass(frozen=True)
class Page:
    name: str
    da: tuple[str, ...]  # interface texts a Danish reader must see
    sv: tuple[str, ...]  # and a Swedish reader


PAGES = [
    Page(
        "login", ("Log ind", "Brugernavn", "Adgangskode"), ("Logga in", "Användarnamn", "Lösenord")
    ),
    Page(
        "inventory",
        ("AI-systemer", "Registrér et system", "Filtrér systemerne", "Log ud"),
        ("AI-system", "Registrera ett system", "Filtrera systemen", "Logga ut"),
    ),
    Page(
        "system detail",
        ("Vurderinger", "Formål", "Redigér"),
        ("Bedömningar", "Syfte", "Redigera"),
    ),
    Page(
        "assessment overview (waiting for review)",
        ("Gennemgang og godkendelse", "Godkend", "Returnér med kommentarer"),
        ("Granskning och godkännande", "Godkänn", "Skicka tillbaka med kommentarer"),
    ),
    Page(
        "assessment section",
        ("Spørgsmål", "Resultat", "Historik", "Gem og fortsæt"),
        ("Frågor", "Resultat", "Historik", "Spara och fortsätt"),
    ),
    Page(
        "result",
        ("Forpligtelser", "Tiltag", "Vurderingsrapport", "Tekniske audits"),
        ("Skyldigheter", "Åtgärder", "Bedömningsrapport", "Tekniska granskningar"),
    ),
    Page(
        "history",
        ("Godkendte versioner", "Alle ændringer", "Hvornår", "Hvem"),
        ("Godkända versioner", "Alla ändringar", "När", "Vem"),
    ),
    Page(
        "members",
        ("Personer og roller", "Invitér en person", "Godkender (jurist/DPO)", "Administrator"),
        (
            "Personer och roller",
            "Bjud in en person",
            "Granskare (jurist/dataskyddsombud)",
            "Administratör",
        ),
    ),
    Page(
        "audits",
        ("Kør en audit", "Registrerede databaser", "Sagsdatabasen"),
        ("Kör en teknisk granskning", "Registrerade databaser", "Sagsdatabasen"),
    ),
    Page(
        "audit detail",
        ("Audit", "Venter på at starte"),
        ("Teknisk granskning", "Väntar på att starta"),
    ),
    Page(
        "action plan",
        ("Handlingsplan for Visitering af ansøgninger", "Tiltag", "Ansvarlig", "Frist"),
        ("Handlingsplan för Visitering af ansøgninger", "Åtgärd", "Ansvarig", "Sista datum"),
    ),
    Page(
        "task",
        ("Opgave", "Gem opgaven", "Dokumentation"),
        ("Uppgift", "Spara uppgiften", "Underlag"),
    ),
    Page(
        "falling due",
        ("Forpligtelser og opgaver med frist", "Filtrér listen"),
        ("Skyldigheter och uppgifter som förfaller", "Filtrera listan"),
    ),
    Page(
        "AI literacy",
        ("AI-færdigheder", "Dækning pr. system", "Personer, grupper og uddannelse"),
        ("AI-kunnighet", "Täckning per system", "Personer, grupper och utbildning"),
    ),
    Page(
        "public record of a system",
        ("Offentlig beskrivelse i åbenhedsregistret", "Lav et udkast til en offentlig beskrivelse"),
        (
            "Offentlig beskrivning i öppenhetsregistret",
            "Skapa ett utkast till en offentlig beskrivning",
        ),
    ),
    Page(
        "transparency register",
        ("Åbenhedsregister", "Søg i registret", "Brug data"),
        ("Öppenhetsregister", "Sök i registret", "Använd data"),
    ),
]


def page_url(page: str, m: Municipality) -> tuple[str, User | None]:
    """Where the page is, and who looks at it (the reviewer sees the review buttons)."""
    if page in ("login", "transparency register"):
        return reverse("login" if page == "login" else "register_list"), None
    first_section = sections(m.draft, "da")[0].id
    task = Task.objects.filter(assessment=m.approved).first()
    run = AuditRun.objects.filter(organisation=m.organisation).first()
    assert task is not None and run is not None
    urls = {
        "inventory": m.url("systems"),
        "system detail": m.url("system_detail", m.system.pk),
        "assessment overview (waiting for review)": m.url("assessment", m.submitted.pk),
        "assessment section": m.url("assessment_section", m.draft.pk, first_section),
        "result": m.url("assessment_result", m.approved.pk),
        "history": m.url("assessment_history", m.approved.pk),
        "members": m.url("members"),
        "audits": m.url("audits"),
        "audit detail": m.url("audit_detail", run.pk),
        "action plan": m.url("action_plan", m.approved.pk),
        "task": m.url("task", task.pk),
        "falling due": m.url("falling_due"),
        "AI literacy": m.url("literacy"),
        "public record of a system": m.url("record_manage", m.system.pk),
    }
    return urls[page], m.reviewer if page.startswith("assessment overview") else m.admin


class _VisibleText(HTMLParser):
    """The texts a person sees or a screen reader reads: text nodes and labelling attributes."""

    LABELS = ("aria-label", "title", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.texts += [v for k, v in attrs if k in self.LABELS and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.texts


def english_left(texts: list[str], lang: str) -> list[str]:
    """Interface texts still in English: a whole text that is an English msgid, or a phrase of
    three or more words from one (placeholders split a msgid into such phrases)."""
    whole, phrases = set(), set()
    for entry in entries(lang):
        for src, dst in translations(entry):
            if src == dst:
                continue  # "Status", "Region", "Data" are the same word in both languages
            for part in PLACEHOLDER.split(src):
                part = " ".join(part.split()).strip(" .,:;()")
                if part == " ".join(src.split()):
                    whole.add(part)
                if len(part.split()) >= 3:
                    phrases.add(part)
    found = [t for t in texts if t.strip(" .,:;") in whole]
    found += [f"{p!r} in {t!r}" for t in texts for p in phrases if p in t]
    return found


def render(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def client_for(user: User | None, **headers: str) -> Client:
    client = Client(**headers)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_are_in_danish_when_the_browser_asks_for_no_language(
    page: Page, municipality: Municipality
) -> None:
    url, user = page_url(page.name, municipality)
    html = render(client_for(user), url)
    assert '<html lang="da">' in html
    texts = visible_texts(html)
    for expected in page.da:
        assert any(expected in t for t in texts), f"{expected!r} not on the {page.name} page"
    assert english_left(texts, "da") == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_are_in_swedish_when_the_browser_asks_for_swedish(
    page: Page, municipality: Municipality
) -> None:
    url, user = page_url(page.name, municipality)
    html = render(client_for(user, HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9,en;q=0.5"), url)
    assert '<html lang="sv">' in html
    texts = visible_texts(html)
    for expected in page.sv:
        assert any(expected in t for t in texts), f"{expected!r} not on the {page.name} page"
    assert english_left(texts, "sv") == []


def test_a_person_who_chooses_swedish_keeps_it_on_the_next_pages(
    municipality: Municipality,
) -> None:
    client = client_for(municipality.admin)
    inventory = municipality.url("systems")
    assert "Registrér et system" in render(client, inventory)

    client.post(reverse("set_language"), {"language": "sv", "next": inventory})

    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sv"
    assert "Registrera ett system" in render(client, inventory)
    assert "Handlingsplan för" in render(
        client, municipality.url("action_plan", municipality.approved.pk)
    )


def test_english_is_still_there_for_those_who_ask(municipality: Municipality) -> None:
    client = client_for(municipality.admin, HTTP_ACCEPT_LANGUAGE="en")
    html = render(client, municipality.url("systems"))
    assert '<html lang="en">' in html
    assert "Register a system" in html


@pytest.mark.parametrize("accept", ["", "sv", "en"])
def test_the_language_menu_names_each_language_in_itself(accept: str) -> None:
    """A Swede on a Danish page looks for "Svenska", not "Svensk"; the option says lang="sv"."""
    html = render(Client(HTTP_ACCEPT_LANGUAGE=accept), reverse("login"))
    options = re.findall(r'<option value="(\w+)" lang="\1"[^>]*>([^<]+)</option>', html)
    assert options == [("da", "Dansk"), ("en", "English"), ("sv", "Svenska")]
