"""Citation keys: which acts tillid knows, and links to their official texts.

A key is `prefix:provision`, e.g. `aia:art5(1)(a)`. The prefix names the act; packs may only cite
acts listed here, so a typo in a prefix is caught by the linter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Act:
    prefix: str
    title: str
    url: str  # the official consolidated text
    short: str = ""  # how a citation is shown, e.g. "AI Act"


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


_SHORT = {
    "aia": "AI Act",
    "aia-omnibus": "Digital Omnibus on AI",
    "gdpr": "GDPR",
    "edpb": "EDPB",
    "com-guidelines": "Commission guidelines",
    "dk-fvl": "forvaltningsloven",
    "dk-offl": "offentlighedsloven",
    "dk-dbl": "databeskyttelsesloven",
    "dk-datatilsynet": "Datatilsynet",
    "dk-fob": "Folketingets Ombudsmand",
    "dk-aia-impl": "Danish AI Act implementation act",
    "se-fl": "förvaltningslagen",
    "se-kl": "kommunallagen",
    "se-sou": "SOU",
    "dk-digst": "Digitaliseringsstyrelsen",
    "dk-ft": "Folketinget",
    "dk-fsl": "Justitsministeriet",
    "eu-charter": "EU Charter",
    "eu-dir-2014-24": "Directive 2014/24/EU",
    "se-osl": "offentlighets- och sekretesslagen",
    "se-dsl": "dataskyddslagen (2018:218)",
    "se-jo": "JO",
    "se-tf": "tryckfrihetsförordningen",
    "cjeu": "CJEU",
    "se-rf": "regeringsformen",
    "se-luo": "LOU",
    "dk-udbl": "udbudsloven",
    "se-imy": "IMY",
    "se-digg": "DIGG",
    "dk-arkl": "arkivloven",
    "dk-rigsarkivet": "Rigsarkivet",
    "se-arkl": "arkivlagen",
    "se-riksarkivet": "Riksarkivet",
    "eu-data-act": "Data Act",
}


def readable(key: str) -> str:
    """A human form: 'aia:art5(1)(a)' -> 'AI Act Art. 5(1)(a)'; 'aia:annex3(5)(a)' -> 'AI Act
    Annex III 5(a)'; 'dk-fvl:§19' -> 'forvaltningsloven §19'."""
    prefix, provision = split_key(key)
    short = _SHORT.get(prefix, prefix)
    if re.match(r"^art\d", provision):
        provision = re.sub(r"^art(\d+[a-z]?)", r"Art. \1", provision)
    elif re.match(r"^annex\d", provision):
        provision = re.sub(
            r"^annex(\d+)(?:\((\d+)\))?",
            lambda m: f"Annex {_roman(int(m[1]))}" + (f" {m[2]}" if m[2] else ""),
            provision,
        )
    elif re.match(r"^recital\d", provision):
        provision = re.sub(r"^recital(\d+)", r"recital \1", provision)
    else:
        provision = _DOCUMENTS.get(provision, provision.replace("-", " "))
    return f"{short} {provision}"


# Named documents cited by key rather than by article.
_DOCUMENTS = {
    "ai-system-definition": "on the definition of an AI system (Feb 2025)",
    "prohibited-practices": "on prohibited AI practices (Feb 2025)",
    "gpai-models": "on general-purpose AI models (Jul 2025)",
    "wp248": "WP248 rev.01 on DPIA (2017)",
    "wp251": "WP251 rev.01 on automated decisions and profiling (2018)",
    "wp243": "WP243 rev.01 on data protection officers (2017)",
    "opinion-28-2024": "Opinion 28/2024 on AI models",
    "recommendations-01-2020": "Recommendations 01/2020 on supplementary transfer measures",
    "guidelines-07-2020": "Guidelines 07/2020 on controller and processor",
    "partsrettigheder-og-offentlige-it-systemer": "Partsrettigheder og offentlige it-systemer",
    "generelle-forvaltningsretlige-krav-til-offentlige-it-systemer": (
        "Generelle forvaltningsretlige krav til offentlige it-systemer"
    ),
    "dpia-liste-2019": "list of processing requiring a DPIA (2019)",
    "koebenhavns-kommune-2023": "opinion on the City of Copenhagen (17 Nov 2023)",
    "ai-vejledning-2023": "guidance on public authorities' use of AI (Oct 2023)",
    "riktlinjer-för-generativ-AI-2025": "riktlinjer för generativ AI i offentlig förvaltning (2025)",
    "förtroendemodellen": "förtroendemodellen",
    "gdpr-och-ai": "vägledning om GDPR och AI (2024)",
    "vägledning-GDPR-och-AI-2024": "vägledning om GDPR och AI (2024)",
    "dpia-forteckning": "förteckning över behandlingar som kräver konsekvensbedömning",
}


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
