"""Words, stems and stop words for the catalogue's search: plain Python, no Django.

Both databases search the same way: a text is cut into words (runs of letters and digits), common
words of the text's language are dropped, and every other word is reduced to its stem with the
Snowball stemmer of that language ("chatbotten" -> "chatbot", "ansökningarna" -> "ansökning").
PostgreSQL does this itself with its danish/swedish/english configurations; on SQLite the same
Snowball stemmers (the `snowballstemmer` package) and PostgreSQL's own stop-word lists are applied
here before the text goes into the FTS5 table.

A searcher's word may be Danish, Swedish or English whatever the interface language, so each query
word is stemmed with all three stemmers and matches an entry when any of its stems is one of the
entry's stems. A query word that is a stop word in any of the three languages is left out, so a
stop word never decides whether an entry is found (PostgreSQL would drop it from some entries' index
but not from the query).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from tillid.web.catalogue.stopwords import STOP_WORDS

LANGUAGES = ("da", "sv", "en")
POSTGRES_CONFIG = {"da": "danish", "sv": "swedish", "en": "english"}
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = (
    60  # longer "words" are pasted noise; PostgreSQL would index them, nobody types them
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class QueryWord:
    word: str
    stems: frozenset[str]  # the word's stem in each language


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(POSTGRES_CONFIG[language])


def words(text: str) -> list[str]:
    """Lower-case words, as PostgreSQL's parser finds them for ordinary text."""
    return [w for w in _WORD.findall(text.lower()) if len(w) <= MAX_WORD_LENGTH]


def stem(word: str, language: str) -> str:
    # PostgreSQL gives words with digits ("gpt4", "112") to its 'simple' dictionary: kept as typed.
    if any(c.isdigit() for c in word):
        return word
    return str(_stemmer(language).stemWord(word))


def is_stop_word(word: str, language: str) -> bool:
    return word in STOP_WORDS[language]


def index_terms(text: str, language: str) -> list[str]:
    """The stems an entry's text is found by, in order (repeats kept: they count for ranking)."""
    return [stem(w, language) for w in words(text) if not is_stop_word(w, language)]


def query_words(text: str) -> list[QueryWord]:
    """The searchable words of a query, at most MAX_QUERY_WORDS, each with its stems.

    Everything that is not a letter or digit is dropped here, so search syntax typed into the box
    (quotes, NEAR(, *, -, parentheses, NUL) never reaches the database as syntax."""
    found: list[QueryWord] = []
    seen: set[str] = set()
    for word in words(text):
        if word in seen or any(is_stop_word(word, lang) for lang in LANGUAGES):
            continue
        seen.add(word)
        found.append(QueryWord(word, frozenset(stem(word, lang) for lang in LANGUAGES)))
        if len(found) == MAX_QUERY_WORDS:
            break
    return found


def fts5_query(query: list[QueryWord]) -> str:
    """An FTS5 MATCH expression: every word must match, by any of its stems. Each stem is a quoted
    FTS5 string, so it is always read as text, never as an operator (AND, OR, NEAR, NOT)."""

    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    return " AND ".join("(" + " OR ".join(quoted(s) for s in sorted(q.stems)) + ")" for q in query)
