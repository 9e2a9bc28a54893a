"""Citations read as the reader's legal writing: EU acts in each language's style, national acts
and named documents in their own language whatever the reader's."""

from __future__ import annotations

import pytest

from tillid.knowledge.base import KnowledgeBase
from tillid.knowledge.citations import readable
from tillid.knowledge.export import export_knowledge
from tillid.knowledge.model import LANGUAGES


@pytest.mark.parametrize(
    ("key", "en", "da", "sv"),
    [
        (
            "aia:art26(8)",
            "AI Act Art. 26(8)",
            "AI-forordningens art. 26, stk. 8",
            "AI-förordningen artikel 26.8",
        ),
        (
            "gdpr:art35(3)(a)",
            "GDPR Art. 35(3)(a)",
            "databeskyttelsesforordningens art. 35, stk. 3, litra a",
            "dataskyddsförordningen artikel 35.3 a",
        ),
        (
            "aia:art16(a)",
            "AI Act Art. 16(a)",
            "AI-forordningens art. 16, litra a",
            "AI-förordningen artikel 16 a",
        ),
        (
            "aia:annex3(5)(a)",
            "AI Act Annex III 5(a)",
            "AI-forordningens bilag III, punkt 5, litra a",
            "AI-förordningen bilaga III punkt 5 a",
        ),
        (
            "aia:recital12",
            "AI Act recital 12",
            "AI-forordningens betragtning 12",
            "AI-förordningen skäl 12",
        ),
        (
            "eu-charter:art41(2)(c)",
            "EU Charter Art. 41(2)(c)",
            "EU-chartrets art. 41, stk. 2, litra c",
            "EU:s rättighetsstadga artikel 41.2 c",
        ),
    ],
)
def test_eu_acts_are_cited_in_the_readers_legal_style(key: str, en: str, da: str, sv: str) -> None:
    assert readable(key, "en") == en
    assert readable(key, "da") == da
    assert readable(key, "sv") == sv


def test_definitions_are_numbered_points_not_paragraphs_in_danish() -> None:
    # Art. 3 AI Act and Art. 4 GDPR list definitions as points 1), 2) ...: "nr.", not "stk."
    assert readable("aia:art3(1)", "da") == "AI-forordningens art. 3, nr. 1"
    assert readable("gdpr:art4(4)", "da") == "databeskyttelsesforordningens art. 4, nr. 4"
    assert (
        readable("gdpr:art6(1)(e)", "da") == "databeskyttelsesforordningens art. 6, stk. 1, litra e"
    )


@pytest.mark.parametrize(
    ("key", "everywhere"),
    [
        ("dk-fvl:§19", "forvaltningsloven § 19"),
        ("dk-fvl:§24(1)", "forvaltningsloven § 24, stk. 1"),
        ("dk-offl:§13(1)", "offentlighedsloven § 13, stk. 1"),
        ("se-fl:28§", "förvaltningslagen 28 §"),
        ("se-kl:6kap38§", "kommunallagen 6 kap. 38 §"),
        ("se-dsl:2kap1§", "dataskyddslagen (2018:218) 2 kap. 1 §"),
        ("se-sou:2025:101", "SOU 2025:101"),
        ("dk-fob:FOB-2014-24", "Folketingets Ombudsmand FOB 2014-24"),
    ],
)
def test_national_acts_keep_their_own_language_for_every_reader(key: str, everywhere: str) -> None:
    assert {readable(key, lang) for lang in LANGUAGES} == {everywhere}


def test_named_guidance_is_described_in_the_readers_language() -> None:
    key = "com-guidelines:ai-system-definition"
    assert (
        readable(key, "en") == "Commission guidelines on the definition of an AI system (Feb 2025)"
    )
    assert readable(key, "da") == (
        "Kommissionens retningslinjer om definitionen af et AI-system (feb. 2025)"
    )
    assert readable(key, "sv") == (
        "kommissionens riktlinjer om definitionen av ett AI-system (feb. 2025)"
    )


def test_every_citation_in_the_builtin_packs_reads_as_words_in_every_language(
    builtin_kb: KnowledgeBase,
) -> None:
    for key, entry in export_knowledge(builtin_kb)["citations"].items():
        prefix = key.split(":", 1)[0]
        for lang in LANGUAGES:
            text = entry["readable_by_language"][lang]
            assert prefix + " " not in text, (key, lang, text)  # the act's name, not its key
            if lang != "en":
                assert "Art. " not in text and "Annex " not in text, (key, lang, text)
