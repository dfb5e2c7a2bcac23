"""Quotations: finding them in prose and matching them against the article.

A quotation is text between « and », “ and ”, or straight double quotes.
Matching ignores differences of whitespace, quote style and dash style only;
an ellipsis (… , ... or [...]) inside a quotation stands for any gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAIRS = [("«", "»"), ("“", "”"), ('"', '"')]
_QUOTE_RE = re.compile(r"«\s*(?P<g>[^«»]+?)\s*»|“(?P<c>[^“”]+?)”|\"(?P<s>[^\"\n]+?)\"")
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


def normalise(text: str) -> str:
    """Same quotes, same dashes, single spaces."""
    return " ".join(text.translate(_TRANSLATE).split())


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


def occurs_in(quotation: str, text: str) -> bool:
    """Whether the quotation stands verbatim in ``text`` (already normalised)."""
    parts = pieces(quotation)
    if not parts:
        return True
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found == -1:
            return False
        position = found + len(part)
    return True
