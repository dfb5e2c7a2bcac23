"""The words of an article's printed lines, as the word checks read them:
each with its line number and whether it opens a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from worksheet.language import DEFAULT

from .languages import CAPITALISED_NOUNS
from .sheet import PrintedLine

SENTENCE_END = re.compile(r"[.!?:;][\"'”’»)\]]*$")
EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?…-–—*"


@dataclass(frozen=True)
class Word:
    text: str  # without the punctuation around it; hyphens and apostrophes kept
    line: int
    opens_sentence: bool
    looks_like_a_name: bool = False  # capitalised inside a sentence, or before another capital: Rogier Creemers


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def article_words(lines: list[PrintedLine], language: str = DEFAULT) -> list[Word]:
    """Every word of the lines, in order; bare numbers and dashes left out.
    In a language whose nouns are capitalised, a capital marks no name."""
    found, opens = [], True
    for number, line in enumerate(lines, start=1):
        opens = opens or line.starts_paragraph
        for token in line.text.split():
            core = _trimmed(token)
            if any(c.isalpha() for c in core):
                found.append(Word(core, number, opens))
            if any(c.isalnum() for c in token):
                opens = ends_sentence(token)
    if language in CAPITALISED_NOUNS:
        return found
    return [_named(word, following) for word, following in zip(found, found[1:] + [None])]


def _named(word: Word, following: Word | None) -> Word:
    capital = word.text[:1].isupper()
    before_capital = following is not None and following.text[:1].isupper() and not following.opens_sentence
    return Word(word.text, word.line, word.opens_sentence, capital and (not word.opens_sentence or before_capital))


def base_form(word: str, language: str = DEFAULT) -> str:
    """The word in small letters, and in English without a possessive ending:
    citizen's → citizen."""
    lower = word.lower().replace("’", "'")
    if language != "en":
        return lower
    if lower.endswith("'s"):
        return lower[:-2]
    return lower[:-1] if lower.endswith("s'") else lower


def _trimmed(token: str) -> str:
    """The token without the punctuation around it; a glyph OCR misread inside
    a word (``!T``, ``l1ke``) stays, so that it can be flagged."""
    start, end = 0, len(token)
    while start < end and token[start] in EDGE_PUNCTUATION and not _glyph_in_word(token, start):
        start += 1
    while end > start and token[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    return token[start:end]


def _glyph_in_word(token: str, i: int) -> bool:
    """``!`` or ``|`` directly before a letter: a misread letter, not punctuation."""
    return token[i] in "!|" and i + 1 < len(token) and token[i + 1].isalpha()
