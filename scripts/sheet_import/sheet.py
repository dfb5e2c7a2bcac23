"""What an import recovers from a paper sheet, whatever the source was."""

from __future__ import annotations

from dataclasses import dataclass, field


PLAIN_TEXT = "plain text"
OCR = "scan read by Tesseract OCR"
TEXT_LAYER = "PDF text layer"


class ImportFailure(Exception):
    """The source cannot be imported; the message is one line for the user.
    ``sheet`` holds what was read, when the failure is a partial article."""

    sheet: "Sheet | None" = None


@dataclass(frozen=True)
class PrintedLine:
    """One printed line of the article; line *n* of a sheet is ``lines[n - 1]``."""

    text: str  # "" for a blank line (it still has a number)
    starts_paragraph: bool = False
    numbered: bool = False  # its number stood in the sheet's margin
    unsure: tuple[str, ...] = ()  # words the OCR engine was unsure of
    place: tuple | None = field(default=None, compare=False)  # (page, left, top, right, bottom) on a scan

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Question:
    number: int
    text: str  # verbatim, without its number
    lines: str | None = None  # its own line references, "11–12, 20", if it gives any


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    publication: str | None = None
    date: str | None = None


@dataclass
class Sheet:
    source: str  # the file name, as the report shows it
    kind: str  # how it was read: PLAIN_TEXT, OCR or TEXT_LAYER
    lines: list[PrintedLine]
    certainty: str  # one or two sentences: which lines are certain, and why
    headline: str | None = None
    byline: Byline = field(default_factory=Byline)
    questions: list[Question] = field(default_factory=list)

    @property
    def margin_numbers(self) -> list[int]:
        """The line numbers that stood in the margin and now hold."""
        return [n for n, line in enumerate(self.lines, start=1) if line.numbered]
