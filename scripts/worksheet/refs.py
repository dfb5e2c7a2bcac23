"""Line references: "line 4", "lines 25–29", "l. 9", "ll. 9-10", "(9–10)", and
their like in every language of language.py: "ligne 4", "líneas 4-6",
"renglón 3", "Z. 4", "Zeilen 4–6", "riga 2", "rr. 2-3". "Z. 4 f." is a line and
the next, "Z. 4 ff." a line and the two after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import LANGUAGES

DASHES = "-‐‑‒–—"
_RANGE = rf"([0-9]{{1,6}})(?:\s*[{DASHES}]\s*([0-9]{{1,6}}))?"
#: The words of every language before a line number, longest first.
LINE_WORDS = sorted({word for lang in LANGUAGES.values() for word in lang.line_words}, key=len, reverse=True)
#: "4 f." (and the next line), "4 ff." (and the two after): German.
_FOLLOWING = r"(?:\s+(f{1,2})\.)?"

#: A line mention inside prose: "(l. 9)", "lines 9–10", "Z. 4 f.", "(9–10)".
MENTION = re.compile(
    rf"(?:\b(?:{'|'.join(LINE_WORDS)})\s*{_RANGE}{_FOLLOWING}|\(\s*{_RANGE}\s*\))", re.IGNORECASE
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
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
        r = _range(first, last)
        if m.group(3) and not m.group(2):
            r = LineRange(r.first, r.first + len(m.group(3)))
        found.append((m.start(), m.end(), r))
    return found
