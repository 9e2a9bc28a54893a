"""Is a public text plain enough to publish? Length limits, required fields, and the LIX readability score.

Pure Python with no Django import: the web app words the findings in the reader's language.

LIX (läsbarhetsindex, C.-H. Björnsson 1968) is the readability measure used in Denmark and Sweden:

    LIX = words / sentences + 100 * long_words / words

where a long word has more than six letters. Bands (as commonly used in Denmark): under 25 very easy,
25-34 easy, 35-44 medium, 45-54 difficult, 55 and over very difficult. Swedish tables draw the lines a
little lower (e.g. over 50 very difficult); we use the Danish lines and warn from 55, so a warning is
never a false alarm in either language.

Words are runs of letters or digits (so "AI-systemet" is two words, "2026" one); a sentence ends at
. ! ? or : followed by a space or the end of the text, and a line break between two lines also ends
one, so the items of a list count as sentences. A text without any end mark is one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
LONG_WORD_LETTERS = 6  # a long word has more letters than this
VERY_DIFFICULT = 55
# LIX says little about a text of a few words ("Sagsbehandlere, socialrådgivere"), so no warning below.
MIN_WORDS_FOR_WARNING = 8

Band = Literal["very_easy", "easy", "medium", "difficult", "very_difficult"]


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        if self.words == 0:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    @property
    def band(self) -> Band:
        score = self.score
        if score < 25:
            return "very_easy"
        if score < 35:
            return "easy"
        if score < 45:
            return "medium"
        if score < VERY_DIFFICULT:
            return "difficult"
        return "very_difficult"

    @property
    def too_difficult(self) -> bool:
        return self.words >= MIN_WORDS_FOR_WARNING and self.score >= VERY_DIFFICULT


def lix(text: str) -> Lix:
    words = _WORD.findall(text)
    sentences = 0
    for line in text.splitlines():
        if not _WORD.search(line):
            continue
        # A line's sentences: its end marks, and the line itself if its last words have none.
        ends = _SENTENCE_END.findall(line)
        tail = _SENTENCE_END.split(line)[-1]
        sentences += len(ends) + (1 if _WORD.search(tail) else 0)
    long_words = sum(1 for w in words if sum(c.isalpha() for c in w) > LONG_WORD_LETTERS)
    return Lix(words=len(words), sentences=max(sentences, 1), long_words=long_words)


@dataclass(frozen=True)
class FieldRule:
    name: str
    max_length: int
    required: bool
    readability: bool = True  # names, addresses and links are not prose


@dataclass(frozen=True)
class Finding:
    field: str
    kind: Literal["missing", "too_long", "hard_to_read"]
    length: int = 0
    limit: int = 0
    lix: Lix | None = None

    @property
    def blocks_publishing(self) -> bool:
        return self.kind in ("missing", "too_long")


@dataclass(frozen=True)
class Check:
    findings: list[Finding] = field(default_factory=list)
    scores: dict[str, Lix] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks_publishing]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocks_publishing]

    @property
    def ok_to_publish(self) -> bool:
        return not self.blocking


def check_texts(texts: dict[str, str], rules: list[FieldRule]) -> Check:
    """Missing required texts and texts over their limit block publishing; hard reading only warns."""
    findings: list[Finding] = []
    scores: dict[str, Lix] = {}
    for rule in rules:
        text = (texts.get(rule.name) or "").strip()
        if not text:
            if rule.required:
                findings.append(Finding(rule.name, "missing"))
            continue
        if len(text) > rule.max_length:
            findings.append(Finding(rule.name, "too_long", len(text), rule.max_length))
        if rule.readability:
            score = lix(text)
            scores[rule.name] = score
            if score.too_difficult:
                findings.append(Finding(rule.name, "hard_to_read", lix=score))
    return Check(findings, scores)
