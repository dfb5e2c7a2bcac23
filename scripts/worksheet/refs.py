"""Line references: "line 4", "lines 25–29", "l. 9", "ll. 9-10", "(9–10)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

DASHES = "-‐‑‒–—"
_RANGE = rf"([0-9]{{1,6}})(?:\s*[{DASHES}]\s*([0-9]{{1,6}}))?"

#: A line mention inside prose: "(l. 9)", "lines 9–10", "(9–10)".
MENTION = re.compile(
    rf"(?:\b(?:lines?|ll?\.)\s*{_RANGE}|\(\s*{_RANGE}\s*\))", re.IGNORECASE
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


def find_mentions(text: str) -> list[tuple[int, int, LineRange]]:
    """Every line mention in prose, as (start, end, range)."""
    found = []
    for m in MENTION.finditer(text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        found.append((m.start(), m.end(), _range(first, last)))
    return found
