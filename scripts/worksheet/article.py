"""The article: one source line per printed line of the paper sheet.

In the article page the text stands in a fenced block::

    ```article
      In the UK, credit scores are mostly used to
    determine whether people can get a credit card or
    ```

Line *n* of the block is line *n* of the sheet. An empty line is a blank
printed line (it still has a number). A line indented by two spaces, or the
first line after a blank one, starts a paragraph.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from .problems import Problem, WorksheetError
from .quotes import plain_marks
from .source import split_front_matter

FENCE_OPEN = re.compile(r"^```\s*article\s*$")
FENCE_CLOSE = "```"


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    starts_paragraph: bool
    source_line: int  # where the line stands in the article file

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Article:
    path: str
    meta: dict
    lines: list[Line]
    block_start: int  # file line of the opening fence
    block_end: int  # file line of the closing fence
    flow: "Flow" = field(init=False)

    def __post_init__(self):
        self.flow = Flow(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def has_line(self, number: int) -> bool:
        return 1 <= number <= len(self.lines)


class Flow:
    """The article's lines joined with single spaces, so that a phrase split
    over two printed lines can be found; offsets map back to (line, column).

    ``normal`` is the same text normalised for quotation matching; it has the
    same offsets, since the lines already hold single spaces only."""

    def __init__(self, lines: list[Line]):
        parts, self.starts, self.ends, self.numbers = [], [], [], []
        offset = 0
        for line in lines:
            if line.blank:
                continue
            self.starts.append(offset)
            self.ends.append(offset + len(line.text))
            self.numbers.append(line.number)
            parts.append(line.text)
            offset += len(line.text) + 1
        self.text = " ".join(parts)
        self.normal = plain_marks(self.text)
        self._position = {n: i for i, n in enumerate(self.numbers)}

    def locate(self, offset: int) -> tuple[int, int]:
        """(line number, column) of a character offset in ``text``."""
        i = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.numbers[i], offset - self.starts[i]

    def line_start(self, number: int) -> int | None:
        """Offset of a line in ``text``; None for a blank line."""
        i = self._position.get(number)
        return None if i is None else self.starts[i]

    def span_lines(self, start: int, end: int) -> range:
        """Line numbers touched by ``text[start:end]``."""
        first, _ = self.locate(start)
        last, _ = self.locate(max(start, end - 1))
        return range(first, last + 1)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """(start, end) offsets of lines ``first``..``last`` in ``text``."""
        i = bisect.bisect_left(self.numbers, first)
        j = bisect.bisect_right(self.numbers, last) - 1
        if i > j:
            return 0, 0
        return self.starts[i], self.ends[j]


def parse_article(text: str, path: str) -> Article:
    meta, body, body_line = split_front_matter(text, path)
    rows = body.split("\n")
    start = next((i for i, row in enumerate(rows) if FENCE_OPEN.match(row)), None)
    if start is None:
        raise WorksheetError(Problem(path, 0, "no ```article block: the article text must stand in one"))
    end = next((i for i in range(start + 1, len(rows)) if rows[i].strip() == FENCE_CLOSE), None)
    if end is None:
        raise WorksheetError(Problem(path, body_line + start, "the ```article block is never closed"))
    lines: list[Line] = []
    previous_blank = True
    for i, row in enumerate(rows[start + 1 : end], start=1):
        source_line = body_line + start + i
        if "\t" in row:
            raise WorksheetError(Problem(path, source_line, "tab character in the article: use spaces"))
        text = " ".join(unicodedata.normalize("NFC", row).split())
        starts_paragraph = bool(text) and (previous_blank or row.startswith("  "))
        lines.append(Line(i, text, starts_paragraph, source_line))
        previous_blank = not text
    while lines and lines[-1].blank:  # trailing empty rows are not printed lines
        lines.pop()
    if not lines:
        raise WorksheetError(Problem(path, body_line + start, "the ```article block is empty"))
    return Article(path, meta, lines, body_line + start, body_line + end)
