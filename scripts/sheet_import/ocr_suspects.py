"""Suspected OCR errors in the article's lines, with a suggested correction.

Two kinds:

- a misread word: a rare word (or one with a stray glyph such as ``!T``)
  that one look-alike swap turns into a far more common one: "guite" →
  "quite", "rnachine" → "machine", "!T-backed" → "IT-backed". Frequencies come
  from ``wordfreq``'s list of the sheet's language; capitalised words inside
  a sentence are names and are left alone (not in German, whose nouns are
  capitalised);
- a word dropped at a line end: a paragraph whose last line has no full stop
  ("… and similar" where the original reads "… and similar perks.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from worksheet.language import DEFAULT

from .frequency import zipf
from .sheet import PrintedLine
from .words import Word, article_words, base_form, ends_sentence

#: Glyphs OCR mistakes for one another: (as read, as printed).
LOOK_ALIKES = [
    ("g", "q"), ("q", "g"), ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("li", "h"),
    ("h", "li"), ("ri", "n"), ("n", "ri"), ("vv", "w"), ("ii", "u"), ("u", "ii"), ("c", "e"),
    ("e", "c"), ("c", "o"), ("o", "c"), ("a", "o"), ("o", "a"), ("e", "o"), ("l", "i"),
    ("i", "l"), ("l", "t"), ("t", "l"), ("f", "t"), ("t", "f"), ("b", "h"), ("h", "b"),
    ("n", "u"), ("u", "n"), ("I", "l"), ("l", "I"), ("1", "l"), ("1", "I"), ("!", "I"),
    ("!", "l"), ("|", "I"), ("|", "l"), ("0", "o"), ("0", "O"), ("5", "s"), ("5", "S"),
    ("$", "s"), ("8", "B"),
]
STRAY_GLYPH = re.compile(r"[!|$0-9]")
RARE = 3.0  # a word at least this common is taken as read
COMMON = 3.5  # a suggestion must be at least this common…
GAIN = 2.0  # …and this much more common than the word as read


@dataclass(frozen=True)
class Suspect:
    line: int
    found: str
    suggestion: str | None = None  # None: a word may be missing after ``found``

    def __str__(self) -> str:
        if self.suggestion:
            return f'"{self.found}" may be "{self.suggestion}".'
        return f'the paragraph ends with "{self.found}" and no full stop: a word may be missing at the line end.'

    def markdown(self) -> str:
        """As the editor's note says it: the words read as code, never as a
        quotation of the text to check."""
        if self.suggestion:
            return f"`{self.found}` may be `{self.suggestion}`."
        return f"the paragraph ends with `{self.found}` and no full stop: a word may be missing at the line end."


def find_suspects(lines: list[PrintedLine], language: str = DEFAULT) -> list[Suspect]:
    """The suspects, in line order; ``language``: the text's (a code of ``worksheet.language``)."""
    suspects = [s for word in article_words(lines, language) if (s := _misread(word, language))]
    suspects += _unfinished_paragraphs(lines)
    return sorted(suspects, key=lambda s: s.line)


def _misread(word: Word, language: str) -> Suspect | None:
    parts = word.text.split("-")
    for k, part in enumerate(parts):
        stray = bool(STRAY_GLYPH.search(part)) and any(c.isalpha() for c in part)
        if not part or (word.looks_like_a_name and not stray) or part.isdigit():
            continue
        seen = zipf(base_form(part, language), language)
        if seen >= RARE and not stray:
            continue
        best = max(_look_alikes(part), key=lambda alike: _likelihood(alike, part, language), default=None)
        common = zipf(base_form(best, language), language) if best else 0.0
        if best and common >= COMMON and (stray or common - seen >= GAIN):
            return Suspect(word.line, word.text, "-".join(parts[:k] + [best] + parts[k + 1:]))
    return None


def _look_alikes(word: str) -> set[str]:
    """Every spelling one look-alike swap makes of ``word``."""
    found = set()
    for read, printed in LOOK_ALIKES:
        start = word.find(read)
        while start != -1:
            found.add(word[:start] + printed + word[start + len(read):])
            start = word.find(read, start + 1)
    return {w for w in found if not STRAY_GLYPH.search(w)}


def _likelihood(alike: str, read: str, language: str) -> tuple[bool, bool, float, str]:
    """Capitals as in the word read first (0f → of, !T → IT), then consistent
    ones (not lT), then the more common word; the spelling settles a tie."""
    letters = "".join(c for c in read if c.isalpha())
    return _case(alike) == _case(letters), _case(alike) != "mixed", zipf(base_form(alike, language), language), alike


def _case(word: str) -> str:
    letters = word.replace("'", "")
    if letters.isupper() or letters.islower():
        return "upper" if letters.isupper() else "lower"
    return "title" if letters.istitle() else "mixed"


def _unfinished_paragraphs(lines: list[PrintedLine]) -> list[Suspect]:
    found = []
    for number, (line, following) in enumerate(zip(lines, lines[1:] + [None]), start=1):
        ends_paragraph = following is None or following.blank or following.starts_paragraph
        if line.text and ends_paragraph and not ends_sentence(line.text):
            found.append(Suspect(number, line.text.split()[-1]))
    return found
