"""Quotations: finding them in prose and matching them against the article.

A quotation is text between « and », “ and ”, or straight double quotes
(which may run over a line break, never over a blank line); the checks also
read one in single quotes, 'like this' (l. 9), when its lines follow it. Matching ignores
differences of whitespace, quote style and dash style only; an ellipsis
(… , ... or [...]) inside a quotation stands for any gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE_RE = re.compile(
    r"«\s*(?P<g>[^«»]+?)\s*»"
    r"|“(?P<c>[^“”]+?)”"
    r'|=\s*"[^"\n]*"'  # an HTML attribute value: skipped, no quotation
    r'|"(?P<s>(?:[^"\n]|\n(?![^\S\n]*\n))+?)"'
)
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*")
_TRANSLATE = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "‘": "'", "’": "'", "‚": "'", "`": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ",
    }
)


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
    """Same quotes, same dashes, single spaces."""
    return " ".join(plain_marks(text).split())


def find_quotations(prose: str, single: bool = False) -> list[Quotation]:
    """The quotations of ``prose``, in order; with ``single``, those in
    single quotes too (outside any in double quotes)."""
    found = []
    for m in _QUOTE_RE.finditer(prose):
        inner = m.group("g") or m.group("c") or m.group("s") or ""
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


def left_open(prose: str) -> int | None:
    """The offset of a quote mark that opens a quotation never closed, if
    any: before the next blank line, another opening mark of its kind comes
    first (a straight one opens when a space stands before it and a word
    after it), or none follows at all. What it would pair with is not
    quotation at all, so this is reported once, instead of every quotation
    after it."""
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
    """The parts of a quotation between its ellipses, normalised."""
    return [p for p in (normalise(x) for x in _ELLIPSIS.split(quotation)) if p]


def find_in(quotation: str, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where the quotation stands in ``text[start:end]`` (``text`` already
    normalised), as (start, end) offsets in ``text``; None when it does not."""
    end = len(text) if end is None else end
    parts = pieces(quotation)
    if not parts:
        return (start, start)
    first = position = text.find(parts[0], start, end)
    if first == -1:
        return None
    for part in parts:
        found = text.find(part, position, end)
        if found == -1:
            return None
        position = found + len(part)
    return first, position


