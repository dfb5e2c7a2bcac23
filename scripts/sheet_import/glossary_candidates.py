"""Glossary candidates: the article's words and hyphenated phrases that a B1
reader is least likely to know, judged by how common they are in the text's
language.

A word is a candidate when its Zipf frequency in ``wordfreq`` is below
``RARE`` (about ten uses per million words). A hyphenated phrase
(``no-deposit``, ``e-commerce``) counts one point rarer than its rarest part,
since a compound is rarer than the words it is made of. Names (capitalised
inside a sentence, but in German), numbers and suspected OCR errors are left out. Terms are
in small letters, possessive endings dropped, and keep every line they occur
on.
"""

from __future__ import annotations

from dataclasses import dataclass

from worksheet.language import DEFAULT

from .frequency import zipf
from .sheet import PrintedLine
from .words import article_words, base_form

RARE = 4.0  # Zipf frequency below which a word may need explaining
COMPOUND = 1.0  # how much rarer a hyphenated phrase is than its rarest part
MOST = 40  # candidates at the most: the rarest ones


@dataclass(frozen=True)
class Candidate:
    term: str
    lines: tuple[int, ...]
    frequency: float  # Zipf scale


def glossary_candidates(lines: list[PrintedLine], leave_out: set[str] = frozenset(),
                        language: str = DEFAULT) -> list[Candidate]:
    """The candidates in alphabetical order; ``leave_out``: words as read that
    are suspected OCR errors; ``language``: the text's."""
    occurrences: dict[str, list[int]] = {}
    for word in article_words(lines, language):
        if word.looks_like_a_name or word.text in leave_out or any(c.isdigit() for c in word.text):
            continue
        term = base_form(word.text, language).strip("-")
        if term and len(term) > 2:
            occurrences.setdefault(term, []).append(word.line)
    scored = [(frequency(term, language), term) for term in occurrences]
    rarest = sorted((f, t) for f, t in scored if f < RARE)[:MOST]
    return sorted((Candidate(t, tuple(sorted(set(occurrences[t]))), f) for f, t in rarest), key=lambda c: c.term)


def frequency(term: str, language: str = DEFAULT) -> float:
    """Zipf frequency of a word, or of a hyphenated phrase (its rarest part's, lowered)."""
    parts = [p for p in term.split("-") if p]
    if len(parts) == 1:
        return zipf(parts[0], language)
    return max(0.0, min(zipf(p, language) for p in parts) - COMPOUND)
