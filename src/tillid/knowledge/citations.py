"""Citation keys: which acts tillid knows, and links to their official texts.

A key is `prefix:provision`, e.g. `aia:art5(1)(a)`. The prefix names the act; packs may only cite
acts listed here, so a typo in a prefix is caught by the linter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tillid.knowledge.model import Language


@dataclass(frozen=True)
class Act:
    prefix: str
    title: str
    url: str  # the official consolidated text


ACTS: dict[str, Act] = {
    act.prefix: act
    for act in (
        Act(
            "aia",
            "Regulation (EU) 2024/1689 (AI Act)",
            "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        ),
        Act(
            "aia-omnibus",
            "Digital Omnibus on AI (amending Regulation (EU) 2024/1689)",
            "https://eur-lex.europa.eu/",
        ),
        Act(
            "gdpr",
            "Regulation (EU) 2016/679 (GDPR)",
            "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        ),
        Act("edpb", "EDPB / Article 29 Working Party guidelines", "https://www.edpb.europa.eu/"),
        Act(
            "com-guidelines",
            "European Commission guidelines under the AI Act",
            "https://digital-strategy.ec.europa.eu/",
        ),
        Act("dk-fvl", "Forvaltningsloven (DK)", "https://www.retsinformation.dk/eli/lta/2014/433"),
        Act(
            "dk-offl", "Offentlighedsloven (DK)", "https://www.retsinformation.dk/eli/lta/2020/145"
        ),
        Act(
            "dk-dbl",
            "Databeskyttelsesloven (DK)",
            "https://www.retsinformation.dk/eli/lta/2018/502",
        ),
        Act(
            "dk-datatilsynet",
            "Datatilsynet guidance and opinions (DK)",
            "https://www.datatilsynet.dk/",
        ),
        Act("dk-fob", "Folketingets Ombudsmand (DK)", "https://www.ombudsmanden.dk/"),
        Act(
            "dk-aia-impl",
            "Danish act implementing the AI Act (L 154)",
            "https://www.retsinformation.dk/",
        ),
        Act("dk-digst", "Digitaliseringsstyrelsen guidance (DK)", "https://digst.dk/"),
        Act("dk-ft", "Folketinget documents, bills and reports (DK)", "https://www.ft.dk/"),
        Act("dk-fsl", "Justitsministeriet guidance (DK)", "https://www.justitsministeriet.dk/"),
        Act("dk-udbl", "Udbudsloven (DK)", "https://www.retsinformation.dk/eli/lta/2024/1507"),
        Act(
            "eu-charter",
            "Charter of Fundamental Rights of the European Union",
            "https://eur-lex.europa.eu/eli/treaty/char_2012/oj",
        ),
        Act(
            "eu-dir-2014-24",
            "Directive 2014/24/EU on public procurement",
            "https://eur-lex.europa.eu/eli/dir/2014/24/oj",
        ),
        Act(
            "se-osl",
            "Offentlighets- och sekretesslagen (2009:400) (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/",
        ),
        Act(
            "se-dsl",
            "Lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2018218-med-kompletterande-bestammelser_sfs-2018-218/",
        ),
        Act(
            "se-tf",
            "Tryckfrihetsförordningen (1949:105) (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/tryckfrihetsforordning-1949105_sfs-1949-105/",
        ),
        Act("se-jo", "Justitieombudsmannen decisions (SE)", "https://www.jo.se/"),
        Act(
            "se-rf",
            "Regeringsformen (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/kungorelse-1974152-om-beslutad-ny-regeringsform_sfs-1974-152/",
        ),
        Act(
            "se-luo",
            "Lag (2016:1145) om offentlig upphandling (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-20161145-om-offentlig-upphandling_sfs-2016-1145/",
        ),
        Act(
            "se-fl",
            "Förvaltningslagen (2017:900) (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/forvaltningslag-2017900_sfs-2017-900/",
        ),
        Act(
            "se-kl",
            "Kommunallagen (2017:725) (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/kommunallag-2017725_sfs-2017-725/",
        ),
        Act(
            "se-sou",
            "Statens offentliga utredningar (SE inquiry reports)",
            "https://www.regeringen.se/rattsliga-dokument/statens-offentliga-utredningar/",
        ),
        Act("se-imy", "IMY guidance (SE)", "https://www.imy.se/"),
        Act("se-digg", "DIGG guidance (SE)", "https://www.digg.se/"),
        Act("dk-arkl", "Arkivloven (DK)", "https://www.retsinformation.dk/eli/lta/2016/1201"),
        Act("dk-rigsarkivet", "Rigsarkivet guidance (DK)", "https://www.rigsarkivet.dk/"),
        Act(
            "se-arkl",
            "Arkivlag (1990:782) (SE)",
            "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/arkivlag-1990782_sfs-1990-782/",
        ),
        Act(
            "se-riksarkivet", "Riksarkivet regulations and guidance (SE)", "https://riksarkivet.se/"
        ),
        Act(
            "eu-data-act",
            "Regulation (EU) 2023/2854 (Data Act)",
            "https://eur-lex.europa.eu/eli/reg/2023/2854/oj",
        ),
    )
}

_KEY = re.compile(r"^(?P<prefix>[a-z][a-z0-9-]*):(?P<provision>\S+)$")
_EURLEX_ARTICLE = re.compile(r"^art(?P<number>\d+[a-z]?)")


def split_key(key: str) -> tuple[str, str]:
    match = _KEY.match(key)
    if match is None:
        raise ValueError(f'"{key}" is not a citation key such as "aia:art5(1)(a)"')
    return match["prefix"], match["provision"]


def act_of(key: str) -> Act | None:
    prefix, _ = split_key(key)
    return ACTS.get(prefix)


# How each act or source is named in front of a provision, per reader's language. EU acts follow
# each language's EU-law style: Danish puts the act in the genitive ("AI-forordningens art. 26,
# stk. 8"), Swedish names it first ("AI-förordningen artikel 26.8"). National acts and national
# bodies keep their own language in every report: a Swedish reader looks up "forvaltningsloven § 19".
_EU_ACTS: dict[str, dict[Language, str]] = {
    "aia": {"en": "AI Act", "da": "AI-forordningens", "sv": "AI-förordningen"},
    "aia-omnibus": {
        "en": "Digital Omnibus on AI",
        "da": "digital omnibus om AI,",
        "sv": "digital omnibus om AI",
    },
    "gdpr": {"en": "GDPR", "da": "databeskyttelsesforordningens", "sv": "dataskyddsförordningen"},
    "eu-charter": {"en": "EU Charter", "da": "EU-chartrets", "sv": "EU:s rättighetsstadga"},
    "eu-dir-2014-24": {
        "en": "Directive 2014/24/EU",
        "da": "udbudsdirektivets",
        "sv": "direktiv 2014/24/EU",
    },
    "eu-data-act": {"en": "Data Act", "da": "dataforordningens", "sv": "dataförordningen"},
}
# Articles made of numbered definitions: their numbers are points ("nr."), not paragraphs ("stk.").
_DEFINITIONS = {("aia", "3"), ("gdpr", "4")}

_DK_ACTS = {
    "dk-fvl": "forvaltningsloven",
    "dk-offl": "offentlighedsloven",
    "dk-dbl": "databeskyttelsesloven",
    "dk-udbl": "udbudsloven",
    "dk-arkl": "arkivloven",
}
_SE_ACTS = {
    "se-fl": "förvaltningslagen",
    "se-kl": "kommunallagen",
    "se-osl": "offentlighets- och sekretesslagen",
    "se-dsl": "dataskyddslagen (2018:218)",
    "se-tf": "tryckfrihetsförordningen",
    "se-rf": "regeringsformen",
    "se-luo": "LOU",
    "se-arkl": "arkivlagen",
}

_SOURCES: dict[str, dict[Language, str]] = {
    "com-guidelines": {
        "en": "Commission guidelines",
        "da": "Kommissionens retningslinjer",
        "sv": "kommissionens riktlinjer",
    },
    "dk-aia-impl": {
        "en": "Danish AI Act implementation act",
        "da": "den danske lov om supplerende bestemmelser til AI-forordningen",
        "sv": "den danska lagen med kompletterande bestämmelser till AI-förordningen",
    },
    "cjeu": {"en": "CJEU", "da": "EU-Domstolen", "sv": "EU-domstolen"},
    "edpb": {"en": "EDPB", "da": "EDPB", "sv": "EDPB"},
    "dk-datatilsynet": {"en": "Datatilsynet", "da": "Datatilsynet", "sv": "Datatilsynet"},
    "dk-fob": {
        "en": "Folketingets Ombudsmand",
        "da": "Folketingets Ombudsmand",
        "sv": "Folketingets Ombudsmand",
    },
    "dk-digst": {
        "en": "Digitaliseringsstyrelsen",
        "da": "Digitaliseringsstyrelsen",
        "sv": "Digitaliseringsstyrelsen",
    },
    "dk-ft": {"en": "Folketinget", "da": "Folketinget", "sv": "Folketinget"},
    "dk-fsl": {"en": "Justitsministeriet", "da": "Justitsministeriet", "sv": "Justitsministeriet"},
    "se-jo": {"en": "JO", "da": "JO", "sv": "JO"},
    "se-sou": {"en": "SOU", "da": "SOU", "sv": "SOU"},
    "se-imy": {"en": "IMY", "da": "IMY", "sv": "IMY"},
    "se-digg": {"en": "DIGG", "da": "DIGG", "sv": "DIGG"},
    "dk-rigsarkivet": {"en": "Rigsarkivet", "da": "Rigsarkivet", "sv": "Rigsarkivet"},
    "se-riksarkivet": {"en": "Riksarkivet", "da": "Riksarkivet", "sv": "Riksarkivet"},
}


def _same(text: str) -> dict[Language, str]:
    return {"en": text, "da": text, "sv": text}


# Named documents cited by key rather than by article. Titles in Danish or Swedish are names and
# stay as they are; descriptions are translated.
_DOCUMENTS: dict[str, dict[Language, str]] = {
    "arkivmaessige-hensyn": {
        "en": "on archival considerations in IT systems",
        "da": "om arkivmæssige hensyn i it-systemer",
        "sv": "om arkivhänsyn i it-system",
    },
    "bevaring-og-kassation": {
        "en": "on preservation and disposal of IT systems",
        "da": "om bevaring og kassation af it-systemer",
        "sv": "om bevarande och gallring av it-system",
    },
    "gallring": {"en": "on disposal (gallring)", "da": "om gallring", "sv": "om gallring"},
    "ai-system-definition": {
        "en": "on the definition of an AI system (Feb 2025)",
        "da": "om definitionen af et AI-system (feb. 2025)",
        "sv": "om definitionen av ett AI-system (feb. 2025)",
    },
    "prohibited-practices": {
        "en": "on prohibited AI practices (Feb 2025)",
        "da": "om forbudt praksis inden for AI (feb. 2025)",
        "sv": "om förbjudna AI-metoder (feb. 2025)",
    },
    "ai-literacy-qa": {
        "en": "AI literacy — questions and answers (2025)",
        "da": "AI-færdigheder — spørgsmål og svar (2025)",
        "sv": "AI-kunnighet — frågor och svar (2025)",
    },
    "gpai-models": {
        "en": "on general-purpose AI models (Jul 2025)",
        "da": "om AI-modeller til almen brug (jul. 2025)",
        "sv": "om AI-modeller för allmänna ändamål (juli 2025)",
    },
    "wp248": {
        "en": "WP248 rev.01 on DPIA (2017)",
        "da": "WP248 rev.01 om konsekvensanalyse (2017)",
        "sv": "WP248 rev.01 om konsekvensbedömning (2017)",
    },
    "wp251": {
        "en": "WP251 rev.01 on automated decisions and profiling (2018)",
        "da": "WP251 rev.01 om automatiske afgørelser og profilering (2018)",
        "sv": "WP251 rev.01 om automatiserat beslutsfattande och profilering (2018)",
    },
    "wp243": {
        "en": "WP243 rev.01 on data protection officers (2017)",
        "da": "WP243 rev.01 om databeskyttelsesrådgivere (2017)",
        "sv": "WP243 rev.01 om dataskyddsombud (2017)",
    },
    "opinion-28-2024": {
        "en": "Opinion 28/2024 on AI models",
        "da": "udtalelse 28/2024 om AI-modeller",
        "sv": "yttrande 28/2024 om AI-modeller",
    },
    "recommendations-01-2020": {
        "en": "Recommendations 01/2020 on supplementary transfer measures",
        "da": "anbefalinger 01/2020 om supplerende foranstaltninger ved overførsler",
        "sv": "rekommendationer 01/2020 om kompletterande åtgärder vid överföringar",
    },
    "guidelines-07-2020": {
        "en": "Guidelines 07/2020 on controller and processor",
        "da": "retningslinjer 07/2020 om dataansvarlige og databehandlere",
        "sv": "riktlinjer 07/2020 om personuppgiftsansvariga och personuppgiftsbiträden",
    },
    "partsrettigheder-og-offentlige-it-systemer": _same(
        "Partsrettigheder og offentlige it-systemer"
    ),
    "generelle-forvaltningsretlige-krav-til-offentlige-it-systemer": _same(
        "Generelle forvaltningsretlige krav til offentlige it-systemer"
    ),
    "FOB-2014-24": _same("FOB 2014-24"),
    "legalitetsprincippet": {
        "en": "on legalitetsprincippet",
        "da": "om legalitetsprincippet",
        "sv": "om legalitetsprincippet",
    },
    "officialprincippet": {
        "en": "on officialprincippet",
        "da": "om officialprincippet",
        "sv": "om officialprincippet",
    },
    "skøn-under-regel": {
        "en": "on skøn under regel",
        "da": "om skøn under regel",
        "sv": "om skøn under regel",
    },
    "dpia-liste-2019": {
        "en": "list of processing requiring a DPIA (2019)",
        "da": "liste over behandlinger, der kræver en konsekvensanalyse (2019)",
        "sv": "förteckning över behandlingar som kräver en konsekvensbedömning (2019)",
    },
    "koebenhavns-kommune-2023": {
        "en": "opinion on the City of Copenhagen (17 Nov 2023)",
        "da": "udtalelse om Københavns Kommune (17. nov. 2023)",
        "sv": "yttrande om Köpenhamns kommun (17 nov. 2023)",
    },
    "ai-vejledning-2023": {
        "en": "guidance on public authorities' use of AI (Oct 2023)",
        "da": "vejledning om offentlige myndigheders brug af AI (okt. 2023)",
        "sv": "vägledning om offentliga myndigheters användning av AI (okt. 2023)",
    },
    "L154": _same("(L 154)"),
    "L154-2024-25": _same("L 154 (2024-25)"),
    "digitaliseringsklar-lovgivning": _same("digitaliseringsklar lovgivning"),
    "digitaliseringsklar-lovgivning-2018": _same("digitaliseringsklar lovgivning (2018)"),
    "tillsyn": {"en": "supervisory decisions", "da": "tilsynsafgørelser", "sv": "tillsynsbeslut"},
    "riktlinjer-för-generativ-AI-2025": _same(
        "riktlinjer för generativ AI i offentlig förvaltning (2025)"
    ),
    "förtroendemodellen": _same("förtroendemodellen"),
    "gdpr-och-ai": _same("vägledning om GDPR och AI (2024)"),
    "vägledning-GDPR-och-AI-2024": _same("vägledning om GDPR och AI (2024)"),
    "dpia-forteckning": _same("förteckning över behandlingar som kräver konsekvensbedömning"),
}

_EU_PROVISION = re.compile(
    r"^(?P<kind>art|annex|recital)(?P<number>\d+[a-z]?)(?P<rest>(\(\w+\))*)$"
)
_DK_PROVISION = re.compile(r"^§(?P<number>\d+[a-z]?)(?P<rest>(\(\w+\))*)$")
_SE_PROVISION = re.compile(
    r"^(?:(?P<chapter>\d+[a-z]?)kap)?(?P<number>\d+[a-z]?)§(?P<rest>(\(\w+\))*)$"
)


@lru_cache(maxsize=8192)  # pure, and a result page renders thousands of citations
def readable(key: str, language: Language) -> str:
    """A citation key as the reader of `language` would write it.

    'aia:art26(8)': 'AI Act Art. 26(8)' / 'AI-forordningens art. 26, stk. 8' / 'AI-förordningen
    artikel 26.8'; 'aia:annex3(5)(a)': 'AI Act Annex III 5(a)' / 'AI-forordningens bilag III,
    punkt 5, litra a' / 'AI-förordningen bilaga III punkt 5 a'; national acts in their own
    language whatever the reader's: 'dk-fvl:§19(1)': 'forvaltningsloven § 19, stk. 1',
    'se-dsl:2kap1§': 'dataskyddslagen (2018:218) 2 kap. 1 §'.
    """
    prefix, provision = split_key(key)
    if prefix in _EU_ACTS and (match := _EU_PROVISION.match(provision)):
        words = _eu_provision(prefix, match, language)
        return f"{_EU_ACTS[prefix][language]} {words}"
    if prefix in _DK_ACTS and (match := _DK_PROVISION.match(provision)):
        return f"{_DK_ACTS[prefix]} {_dk_section(match)}"
    if prefix in _SE_ACTS and (match := _SE_PROVISION.match(provision)):
        return f"{_SE_ACTS[prefix]} {_se_section(match)}"
    name = _SOURCES.get(prefix, {}).get(language) or _EU_ACTS.get(prefix, {}).get("en") or prefix
    document = _DOCUMENTS.get(provision, {}).get(language, provision.replace("-", " "))
    return f"{name} {document}"


def _groups(rest: str) -> list[str]:
    return re.findall(r"\((\w+)\)", rest)


def _eu_provision(prefix: str, match: re.Match[str], language: Language) -> str:
    kind, number, groups = match["kind"], match["number"], _groups(match["rest"])
    if kind == "recital":
        return {"en": "recital", "da": "betragtning", "sv": "skäl"}[language] + f" {number}"
    if kind == "annex":
        name = {"en": "Annex", "da": "bilag", "sv": "bilaga"}[language]
        head = f"{name} {_roman(int(number))}"
        if language == "en":
            return (
                head + (f" {groups[0]}" if groups else "") + "".join(f"({g})" for g in groups[1:])
            )
        if language == "da":
            return ", ".join([head, *_danish_parts(groups, first="punkt")])
        return " ".join([head, *(["punkt " + groups[0]] if groups else []), *groups[1:]])
    if language == "en":
        return f"Art. {number}" + "".join(f"({g})" for g in groups)
    if language == "da":
        first = "nr." if (prefix, number) in _DEFINITIONS else "stk."
        return ", ".join([f"art. {number}", *_danish_parts(groups, first=first)])
    numbers = [g for g in groups if g.isdigit()]
    letters = [g for g in groups if not g.isdigit()]
    return " ".join([f"artikel {'.'.join([number, *numbers])}", *letters])


def _danish_parts(groups: list[str], first: str) -> list[str]:
    """'(3)(a)' -> 'stk. 3, litra a': paragraphs, then numbered points, then lettered points."""
    parts = []
    for index, group in enumerate(groups):
        if group.isdigit():
            parts.append(f"{first if index == 0 else 'nr.'} {group}")
        elif index > 0 and not groups[index - 1].isdigit():
            parts.append(f"nr. {group}")  # (a)(i): a roman sub-point under a letter
        else:
            parts.append(f"litra {group}")
    return parts


def _dk_section(match: re.Match[str]) -> str:
    return ", ".join([f"§ {match['number']}", *_danish_parts(_groups(match["rest"]), "stk.")])


def _se_section(match: re.Match[str]) -> str:
    chapter = f"{match['chapter']} kap. " if match["chapter"] else ""
    # Further brackets are stycken, then punkter: '28§(2)' -> '28 § 2 st.'.
    marks = ("st.", "p.")
    extra = [f"{g} {marks[min(i, 1)]}" for i, g in enumerate(_groups(match["rest"]))]
    return " ".join([f"{chapter}{match['number']} §", *extra])


def link(key: str) -> str | None:
    act = act_of(key)
    return act.url if act else None


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out
