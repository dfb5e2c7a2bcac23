"""Quotations: finding them in prose and matching them against the article.

A quotation is text between « and », “ and ”, or straight double quotes
(which may run over a line break, never over a blank line). Matching ignores
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


@dataclass(frozen=True)
class Quotation:
    text: str
    start: int  # offsets in the prose it was found in
    end: int


def plain_marks(text: str) -> str:
    """Straight quotes and hyphens for every quote and dash style; same length."""
    return text.translate(_TRANSLATE)


def normalise(text: str) -> str:
    """Same quotes, same dashes, single spaces."""
    return " ".join(plain_marks(text).split())


def find_quotations(prose: str) -> list[Quotation]:
    found = []
    for m in _QUOTE_RE.finditer(prose):
        inner = m.group("g") or m.group("c") or m.group("s") or ""
        if inner.strip():
            found.append(Quotation(inner.strip(), m.start(), m.end()))
    return found


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


