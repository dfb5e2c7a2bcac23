"""Line references: "line 4", "lines 25–29", "l. 9", "ll. 9-10", "(9–10)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

DASHES = "-‐‑‒–—"
_RANGE = rf"([0-9]{{1,6}})(?:\s*[{DASHES}]\s*([0-9]{{1,6}}))?"

#: A whole link text such as "lines 25–29" or "line 4".
LINK_TEXT = re.compile(rf"^\s*(?:lines?|ll?\.)\s*{_RANGE}\s*$", re.IGNORECASE)

#: A line mention inside prose: "(l. 9)", "lines 9–10", "(9–10)".
MENTION = re.compile(
    rf"(?:\b(?:lines?|ll?\.)\s*{_RANGE}|\(\s*{_RANGE}\s*\))", re.IGNORECASE
)

#: A line mention naming one of a sequence's documents: "(doc. 2, l. 6)",
#: "(document 1, lines 9–10)".
DOCUMENT_MENTION = re.compile(
    rf"\(\s*doc(?:ument)?\.?\s*(?P<document>[0-9]+)\s*,\s*(?:lines?|ll?\.)\s*{_RANGE}\s*\)", re.IGNORECASE
)

#: A link target into the article: "article.md#L25".
TARGET = re.compile(r"^(?P<page>[^#]*)#L(?P<line>[0-9]{1,6})$")


@dataclass(frozen=True, order=True)
class LineRange:
    first: int
    last: int

    @property
    def forward(self) -> bool:
        return self.first <= self.last

    def __contains__(self, number: int) -> bool:
        return self.first <= number <= self.last

    def __iter__(self):
        return iter(range(self.first, self.last + 1))

    def label(self) -> str:
        if self.first == self.last:
            return f"line {self.first}"
        return f"lines {self.first}–{self.last}"

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def _range(first: str, last: str | None) -> LineRange:
    return LineRange(int(first), int(last) if last else int(first))


def parse_link_text(text: str) -> LineRange | None:
    """The range a link text names, or None when it names no lines."""
    m = LINK_TEXT.match(text)
    return _range(m.group(1), m.group(2)) if m else None


def find_mentions(text: str) -> list[tuple[int, int, LineRange]]:
    """Every line mention in prose, as (start, end, range)."""
    found = []
    for m in MENTION.finditer(text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found.append((m.start(), m.end(), _range(first, last)))
    return found


def find_document_mentions(text: str) -> list[tuple[int, int, int, LineRange]]:
    """Every mention of a document's lines in prose, as (start, end, document number, range)."""
    return [(m.start(), m.end(), int(m.group("document")), _range(m.group(2), m.group(3)))
            for m in DOCUMENT_MENTION.finditer(text)]
