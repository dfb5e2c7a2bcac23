"""Quotations: finding them in prose and matching them against the article.

A quotation is text between « and » (French spaces or none), “ and ”, „ and “,
‹ and ›, or straight double quotes (which may run over a line break, never
over a blank line); in German, between » and « too. The checks also read one
in single quotes, 'like this' (l. 9), when its lines follow it. Matching
ignores differences of whitespace, quote style, apostrophe and dash style,
Unicode composition (NFC), ß against ss, and Spanish ¿ ¡; an ellipsis
(… , ... or [...]) inside a quotation stands for any gap.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .language import COMMON_QUOTES, DEFAULT, LANGUAGES

_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
_TRANSLATE = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"',
        "‘": "'", "’": "'", "‚": "'", "`": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ",
    }
)
#: What matching leaves out (Spanish ¿ ¡) or reads as other letters (ß as ss).
_FOLD = {"¿": "", "¡": "", "ß": "ss", "ẞ": "SS"}
_FOLDABLE = re.compile("[" + "".join(_FOLD) + "]")


@functools.lru_cache(maxsize=None)
def quotation_pattern(language: str = DEFAULT) -> re.Pattern:
    """Quotations as ``language`` writes them: each pair of marks, its text
    between; an HTML attribute's value (``="…"``) is skipped."""
    pairs = [*COMMON_QUOTES, *LANGUAGES[language].quotes]
    marked = [rf"{re.escape(a)}\s*(?P<q{i}>[^{re.escape(a + b)}]+?)\s*{re.escape(b)}" for i, (a, b) in enumerate(pairs)]
    return re.compile("|".join([*marked, r'=\s*"[^"\n]*"', r'"(?P<s>(?:[^"\n]|\n(?![^\S\n]*\n))+?)"']))


#: A quotation in single quotes, British style: 'is already a reality'. An
#: apostrophe inside a word (it's, the students' books) neither opens nor closes one.
_SINGLE_RE = re.compile(r"(?<![\w'‘’])['‘](?P<t>[^\s'‘’](?:[^\n'‘’]|\n(?![^\S\n]*\n)|['’](?=\w))*?)['’](?!\w)")


@dataclass(frozen=True)
class Quotation:
    text: str
    start: int  # offsets in the prose it was found in
    end: int
    single: bool = False  # in single quotes


def plain_marks(text: str) -> str:
    """Straight quotes and hyphens for every quote and dash style; same length."""
    return text.translate(_TRANSLATE)


def normalise(text: str) -> str:
    """Same quotes, same dashes, single spaces, composed letters (NFC)."""
    return " ".join(plain_marks(unicodedata.normalize("NFC", text)).split())


def fold(text: str) -> str:
    """``text`` as matching reads it: without ¿ ¡, ß as ss."""
    return _FOLDABLE.sub(lambda m: _FOLD[m.group()], text)


def find_quotations(prose: str, single: bool = False, language: str = DEFAULT) -> list[Quotation]:
    """The quotations of ``prose``, in order, by the marks of ``language``;
    with ``single``, those in single quotes too (outside any other)."""
    found = []
    for m in quotation_pattern(language).finditer(prose):
        inner = next((value for value in m.groupdict().values() if value), "")
        if inner.strip():
            found.append(Quotation(inner.strip(), m.start(), m.end()))
    if single:
        inside = [(q.start, q.end) for q in found]
        found += [Quotation(m.group("t").strip(), m.start(), m.end(), single=True) for m in _SINGLE_RE.finditer(prose)
                  if m.group("t").strip() and not any(a <= m.start() < b for a, b in inside)]
        found.sort(key=lambda q: q.start)
    return found


#: The quote marks that open and close a quotation; a straight one does both.
_PAIRS = {"«": "»", "“": "”", '"': '"'}
_ATTRIBUTE = re.compile(r'=\s*"[^"\n]*"')
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
#: Any of those marks.
_MARK = re.compile("[«»“”\"]")


def left_open(prose: str, language: str = DEFAULT) -> int | None:
    """The offset of a quote mark that opens a quotation never closed, if
    any: before the next blank line, another opening mark of its kind comes
    first (a straight one opens when a space stands before it and a word
    after it), or none follows at all. What it would pair with is not
    quotation at all, so this is reported once, instead of every quotation
    after it. Quotations in „ “, ‹ › and the language's own marks (German » «)
    are set aside first: their closing marks open others; a „ or ‹ left after
    them opens one never closed."""
    prose = quotation_pattern(language).sub(
        lambda m: " " * len(m.group()) if m.group()[0] not in _PAIRS and m.group()[0] != "=" else m.group(), prose)
    stray = _STRAY_OPENER.search(prose)
    opened = _left_open_pair(prose)
    return min((i for i in (opened, stray.start() if stray else None) if i is not None), default=None)


#: Opening marks that close nothing (a closing mark of theirs opens “ ”).
_STRAY_OPENER = re.compile("[„‹]")


def _left_open_pair(prose: str) -> int | None:
    """What ``left_open`` says of the marks of ``_PAIRS``."""
    bounds = [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(prose)), len(prose)]
    skipped = {i for m in _ATTRIBUTE.finditer(prose) for i in range(m.start(), m.end())}
    for start, end in zip(bounds, bounds[1:]):
        for opener, closer in _PAIRS.items():
            opened = None
            for mark in _MARK.finditer(prose, start, end):
                i, char = mark.start(), mark.group()
                if i in skipped or char not in (opener, closer):
                    continue
                if opened is None:
                    if char == opener:
                        opened = i
                elif char == closer and not (opener == closer and _opens(prose, i, end)):
                    opened = None
                elif char == opener:
                    return opened
            if opened is not None:
                return opened
    return None


def _opens(prose: str, i: int, end: int) -> bool:
    """Whether a straight quote can only open: a space (or nothing) before, a word after."""
    before = prose[i - 1] if i > 0 else " "
    after = prose[i + 1] if i + 1 < end else " "
    return before.isspace() and after.isalnum()


def pieces(quotation: str) -> list[str]:
    """The parts of a quotation between its ellipses, normalised and folded."""
    return [p for p in (" ".join(fold(normalise(x)).split()) for x in _ELLIPSIS.split(quotation)) if p]


def find_in(quotation: str, text: str, start: int = 0, end: int | None = None,
            whole: bool = False) -> tuple[int, int] | None:
    """Where the quotation stands in ``text[start:end]`` (``text`` already
    normalised), as (start, end) offsets in ``text``; None when it does not.
    With ``whole``, only where it starts and ends on a word's edge ("año" is
    not in "añoranza")."""
    end = len(text) if end is None else end
    while True:
        span = _find(quotation, text, start, end)
        if span is None or not whole or _on_edges(text, *span):
            return span
        start = span[0] + 1


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _on_edges(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` cuts no word in two."""
    cut_before = 0 < start < len(text) and _is_word(text[start - 1]) and _is_word(text[start])
    cut_after = 0 < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end])
    return not (cut_before or cut_after)


def _find(quotation: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    parts = pieces(quotation)
    if not parts:
        return (start, start)
    if not _FOLDABLE.search(text, start, end):
        return _find_parts(parts, text, start, end)
    folded, offsets = _folded(text[start:end])
    span = _find_parts(parts, folded, 0, len(folded))
    if span is None:
        return None
    first, position = span
    return start + offsets[first], start + (offsets[position - 1] + 1 if position > first else offsets[first])


def _find_parts(parts: list[str], text: str, start: int, end: int) -> tuple[int, int] | None:
    first = position = text.find(parts[0], start, end)
    if first == -1:
        return None
    for part in parts:
        found = text.find(part, position, end)
        if found == -1:
            return None
        position = found + len(part)
    return first, position


def _folded(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, with single spaces where a ¿ or ¡ stood alone, and each
    of its characters' offset in ``text`` (and one past the end)."""
    out, offsets = [], []
    for i, char in enumerate(text):
        for piece in _FOLD.get(char, char):
            if piece == " " and (not out or out[-1] == " "):
                continue
            out.append(piece)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


