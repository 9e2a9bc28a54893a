"""Every text of the interface itself (not of the law: that lives in the packs), in da, en, sv.

One table, so that a translator finds them all in one place; the web app will move them into gettext
catalogues.
"""

from __future__ import annotations

from tillid.knowledge.model import Language

WORDS: dict[str, dict[Language, str]] = {
    # -- report statuses and answers
    "yes": {"da": "Ja", "en": "Yes", "sv": "Ja"},
    "no": {"da": "Nej", "en": "No", "sv": "Nej"},
    "not_asked": {"da": "(ikke spurgt)", "en": "(not asked)", "sv": "(inte frågat)"},
    "applies_now": {"da": "Gælder nu", "en": "Applies now", "sv": "Gäller nu"},
    "applies_from": {"da": "Gælder fra", "en": "Applies from", "sv": "Gäller från"},
    "undetermined": {
        "da": "Afhænger af ubesvarede spørgsmål",
        "en": "Depends on open questions",
        "sv": "Beror på obesvarade frågor",
    },
    "not_applicable": {"da": "Gælder ikke", "en": "Does not apply", "sv": "Gäller inte"},
    "undetermined_class": {
        "da": "Endnu ikke afgjort",
        "en": "Not yet determined",
        "sv": "Ännu inte avgjort",
    },
    "none": {"da": "Ingen", "en": "None", "sv": "Ingen"},
    "points": {"da": "point", "en": "points", "sv": "poäng"},
    "open_part": {
        "da": "afhænger af et ubesvaret spørgsmål",
        "en": "depends on an open question",
        "sv": "beror på en obesvarad fråga",
    },
    "allowed": {"da": "mulige svar", "en": "possible answers", "sv": "möjliga svar"},
    "unknown_question": {
        "da": "Svaret på {question} bruges ikke: spørgsmålet findes ikke (længere) i vidensbasen.",
        "en": "The answer to {question} is not used: the question does not exist (any more).",
        "sv": "Svaret på {question} används inte: frågan finns inte (längre) i kunskapsbasen.",
    },
    "invalid_answer": {
        "da": "Svaret på «{question}» er ugyldigt og bruges ikke; besvar spørgsmålet igen.",
        "en": "The answer to “{question}” is not valid and is not used; answer it again.",
        "sv": "Svaret på ”{question}” är ogiltigt och används inte; besvara frågan igen.",
    },
    "hidden_question": {
        "da": "«{question}» er besvaret, men er ikke relevant efter de andre svar; svaret bruges ikke.",
        "en": "“{question}” was answered but does not apply given the other answers; not used.",
        "sv": "”{question}” är besvarad men är inte relevant efter de andra svaren; används inte.",
    },
    # -- report headings
    "report": {"da": "Vurdering", "en": "Assessment", "sv": "Bedömning"},
    "as_of": {"da": "Vurderet pr.", "en": "Assessed as of", "sv": "Bedömt per"},
    "obligations": {"da": "Forpligtelser", "en": "Obligations", "sv": "Skyldigheter"},
    "may_apply": {
        "da": "Kan gælde – afhænger af ubesvarede spørgsmål",
        "en": "May apply – depends on open questions",
        "sv": "Kan gälla – beror på obesvarade frågor",
    },
    "measures": {"da": "Tiltag", "en": "Measures", "sv": "Åtgärder"},
    "open": {"da": "Ubesvarede spørgsmål", "en": "Open questions", "sv": "Obesvarade frågor"},
    "inconsistent": {
        "da": "Tjek disse svar",
        "en": "Points to check in your answers",
        "sv": "Kontrollera dessa svar",
    },
    "why": {"da": "Hvorfor", "en": "Why", "sv": "Varför"},
    "answers": {"da": "Jeres svar", "en": "Your answers", "sv": "Era svar"},
    "sources": {"da": "Kilder", "en": "Sources", "sv": "Källor"},
    "due": {"da": "Frist", "en": "Due", "sv": "Senast"},
    "evidence": {"da": "Dokumentation", "en": "Evidence", "sv": "Underlag"},
    "uncertain": {"da": "Usikkerhed", "en": "Uncertainty", "sv": "Osäkerhet"},
    "by_version": {
        "da": "Dato efter retsgrundlag",
        "en": "Date by legal version",
        "sv": "Datum per rättslig version",
    },
    "none_sentence": {"da": "Ingen.", "en": "None.", "sv": "Inga."},
    # -- questionnaire
    "keys": {
        "da": "Skriv < for tilbage, ? for hjælp, - for at springe over, q for at gemme og stoppe.",
        "en": "Type < to go back, ? for help, - to skip, q to save and stop.",
        "sv": "Skriv < för att gå tillbaka, ? för hjälp, - för att hoppa över, q för att spara och sluta.",
    },
    "yes_no": {"da": "j/n", "en": "y/n", "sv": "j/n"},
    "multi": {
        "da": "vælg et eller flere numre, fx 1,3",
        "en": "choose one or more numbers, e.g. 1,3",
        "sv": "välj ett eller flera nummer, t.ex. 1,3",
    },
    "single": {"da": "vælg et nummer", "en": "choose a number", "sv": "välj ett nummer"},
    "number": {"da": "et tal", "en": "a number", "sv": "ett tal"},
    "date": {"da": "dato ÅÅÅÅ-MM-DD", "en": "date YYYY-MM-DD", "sv": "datum ÅÅÅÅ-MM-DD"},
    "text": {"da": "tekst", "en": "text", "sv": "text"},
    "invalid": {"da": "Ugyldigt svar", "en": "Invalid answer", "sv": "Ogiltigt svar"},
    "alone": {
        "da": "kan ikke kombineres med andre svar",
        "en": "cannot be combined with other answers",
        "sv": "kan inte kombineras med andra svar",
    },
    "saved": {"da": "Gemt i", "en": "Saved to", "sv": "Sparat i"},
    "context_help": {
        "da": "Hvem I er, hvor, og hvor systemet er i sit liv, afgør hvilke regler der gælder — "
        "fx gælder en konsekvensanalyse for grundlæggende rettigheder (FRIA) for offentlige "
        "myndigheder. Vælg det, der passer bedst; I kan ændre det senere i svarfilen.",
        "en": "Who you are, where, and where the system is in its life decide which rules apply — "
        "e.g. a fundamental-rights impact assessment (FRIA) is required of public bodies. Pick the "
        "closest match; you can change it later in the answers file.",
        "sv": "Vilka ni är, var, och var systemet är i sitt liv avgör vilka regler som gäller — "
        "t.ex. krävs en konsekvensbedömning avseende grundläggande rättigheter (FRIA) av "
        "offentliga aktörer. Välj det som passar bäst; ni kan ändra det senare i svarsfilen.",
    },
    "done": {
        "da": "Alle relevante spørgsmål er besvaret.",
        "en": "All relevant questions are answered.",
        "sv": "Alla relevanta frågor är besvarade.",
    },
    "context": {"da": "Først lidt om jer", "en": "First, about you", "sv": "Först lite om er"},
    "examples": {"da": "Eksempler", "en": "Examples", "sv": "Exempel"},
    "progress": {
        "da": "spørgsmål besvaret",
        "en": "questions answered",
        "sv": "frågor besvarade",
    },
    "system_name": {
        "da": "Hvad hedder AI-systemet? (tryk Enter for at springe over)",
        "en": "What is the AI system called? (press Enter to skip)",
        "sv": "Vad heter AI-systemet? (tryck Enter för att hoppa över)",
    },
    "try_it": {
        "da": "Prøv selv: tillid assess (spørgeskema) eller tillid assess --answers FIL.",
        "en": "Try it yourself: tillid assess (questionnaire) or tillid assess --answers FILE.",
        "sv": "Prova själv: tillid assess (frågeformulär) eller tillid assess --answers FIL.",
    },
    # -- context profile
    "context.organisation_type": {
        "da": "Organisationstype",
        "en": "Organisation type",
        "sv": "Organisationstyp",
    },
    "context.country": {"da": "Land", "en": "Country", "sv": "Land"},
    "context.lifecycle_phase": {"da": "Fase", "en": "Lifecycle phase", "sv": "Fas"},
    "context.municipality": {"da": "Kommune", "en": "Municipality", "sv": "Kommun"},
    "context.region": {"da": "Region", "en": "Region", "sv": "Region"},
    "context.state_agency": {
        "da": "Statslig myndighed",
        "en": "State agency",
        "sv": "Statlig myndighet",
    },
    "context.other_public_body": {
        "da": "Anden offentlig myndighed",
        "en": "Other public body",
        "sv": "Annan offentlig aktör",
    },
    "context.private_public_service": {
        "da": "Privat aktør, der leverer offentlig service",
        "en": "Private body delivering a public service",
        "sv": "Privat aktör som levererar offentlig service",
    },
    "context.sme": {
        "da": "Lille eller mellemstor virksomhed",
        "en": "Small or medium-sized company",
        "sv": "Litet eller medelstort företag",
    },
    "context.company": {"da": "Anden virksomhed", "en": "Other company", "sv": "Annat företag"},
    "context.DK": {"da": "Danmark", "en": "Denmark", "sv": "Danmark"},
    "context.SE": {"da": "Sverige", "en": "Sweden", "sv": "Sverige"},
    "context.other_eu": {"da": "Andet EU-land", "en": "Other EU country", "sv": "Annat EU-land"},
    "context.non_eu": {"da": "Uden for EU", "en": "Outside the EU", "sv": "Utanför EU"},
    "context.procure": {"da": "Indkøb", "en": "Procure", "sv": "Upphandling"},
    "context.develop": {"da": "Udvikling", "en": "Develop", "sv": "Utveckling"},
    "context.adapt": {
        "da": "Tilpasning / fine-tuning",
        "en": "Adapt / fine-tune",
        "sv": "Anpassning",
    },
    "context.operate": {"da": "Drift", "en": "Operate", "sv": "Drift"},
    "context.retire": {"da": "Udfasning", "en": "Retire", "sv": "Avveckling"},
}


def say(key: str, language: Language) -> str:
    """The interface text `key` in `language`."""
    return WORDS[key][language]
