"""Words of the article that share a glossary term's stem but are not among
its forms: *prohibido* in the text, *prohibir* in the glossary without
*prohibido* in its ``forms``. The pop-up misses such a word, so the checker
names it for the teacher, who adds it to ``forms`` (or, for a false friend
that only looks like the term, to ``not-forms``).

Stems are Snowball's, in the language of the worksheet's text (language.py).
"""

from __future__ import annotations

import functools
import re

import snowballstemmer

from .glossary import Entry, Glossary
from .language import LANGUAGES

#: A word of the text: letters, with apostrophes and hyphens inside.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Shorter words are left alone: their stems say little.
SHORTEST = 4


@functools.lru_cache(maxsize=None)
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGES[language].stemmer)


def stem(word: str, language: str) -> str:
    """The Snowball stem of one word, in lower case."""
    return _stemmer(language).stemWord(word.casefold())


def unlisted_forms(glossary: Glossary, text: str, language: str) -> dict[str, list[tuple[str, int]]]:
    """For each entry (by term), the words of ``text`` that share the stem of
    one of its one-word forms but are no form of any entry, nor inside a
    longer one ("scoring" in "social scoring"), with the offset of each's
    first occurrence, in the order they stand."""
    listed = {form.casefold() for entry in glossary.entries for form in entry.all_forms}
    matched = [(m.start, m.end) for m in glossary.find(text)]
    by_stem: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        for key in {stem(form, language) for form in entry.all_forms if " " not in form and len(form) >= SHORTEST}:
            by_stem.setdefault(key, []).append(entry)
    found: dict[str, list[tuple[str, int]]] = {}
    seen: set[tuple[str, str]] = set()
    for m in WORD.finditer(text):
        word = m.group()
        folded = word.casefold()
        if len(word) < SHORTEST or folded in listed or any(a <= m.start() < b for a, b in matched):
            continue
        for entry in by_stem.get(stem(word, language), ()):
            if folded in {w.casefold() for w in entry.not_forms} or (entry.term, folded) in seen:
                continue
            seen.add((entry.term, folded))
            found.setdefault(entry.term, []).append((word, m.start()))
    return found
