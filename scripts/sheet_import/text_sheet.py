"""A plain text of a sheet (what OCR gives): prose with the margin numbers
merged in, then the questions. Its printed lines are rebuilt.

The headline and byline are the short lines above and below the prose. A
paragraph break in mid-sentence (no full stop before, a small letter after)
is a column or page break of the scan and is closed. The margin numbers pin
their lines; the prose between two of them is cut into exactly the lines the
numbers leave, as evenly as the words allow, and paragraphs start indented
lines or follow blank ones as the count requires. Only the numbered lines are
certain. With no numbers, the paragraphs are wrapped at a usual width.

A text that kept its printed line breaks (one row per printed line, some
rows starting with their margin number: ``5  nation so conceived…``) keeps
them: when the numbers agree with the rows' places, each row is a line, as
printed, and nothing is re-fitted.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import re
from collections import Counter

from .credits import is_byline, is_header_line, pick_headline, plain, read_byline
from .line_fitting import Piece, fit_lines
from .margin_numbers import find_margin_numbers
from .questions import find_questions
from .sheet import PLAIN_TEXT, Byline, ImportFailure, PrintedLine, Sheet
from .words import ends_sentence

DEFAULT_WIDTH = 55  # characters per line when no margin number tells
MAX_TITLE = 150  # characters: a longer first paragraph is prose
ROUNDS = 3  # the target width is re-estimated from the fitted lines this often


def read_text_sheet(path: Path) -> Sheet:
    text = decode(path.read_bytes(), path.name)
    rows = text.split("\n")
    section = find_questions(rows)
    row_blocks = _row_blocks(rows[: section.start])
    blocks = [" ".join(block) for block in row_blocks]
    header = []
    while blocks and all(is_byline(r) or _is_title(r) or is_header_line(r) for r in row_blocks[0]):
        header += [r.strip() for r in row_blocks.pop(0)]
        blocks.pop(0)
    trailer = []
    while blocks and is_byline(blocks[-1]):
        trailer.insert(0, blocks.pop())
        row_blocks.pop()
    bylines = [b for b in header + trailer if is_byline(b)]
    kept = printed_breaks(row_blocks)
    if kept:
        lines, numbers = kept
        certainty = _kept_certainty(numbers)
    else:
        lines, numbers, width = cut_lines(_closed_breaks(blocks))
        certainty = _certainty(numbers, width)
    if not lines:
        raise ImportFailure(f"{path.name}: no article text found")
    return Sheet(
        source=path.name,
        kind=PLAIN_TEXT,
        lines=lines,
        certainty=certainty,
        headline=pick_headline([h for h in header if not is_header_line(h)]),
        byline=read_byline(bylines[0]) if bylines else Byline(),
        questions=section.questions,
    )


def decode(data: bytes, name: str) -> str:
    """The text of a UTF-8 file, else a one-line failure saying where it is not."""
    try:
        return data.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailure(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); "
            "save it as UTF-8 and import it again"
        ) from None


def cut_lines(paragraphs: list[str]) -> tuple[list[PrintedLine], list[int], float]:
    """The printed lines, the margin numbers that hold, and the width fitted."""
    words, starts = [], set()
    for paragraph in paragraphs:
        starts.add(len(words))
        words += paragraph.split()
    numbers = find_margin_numbers(words)
    while numbers:
        segments = _segments(words, starts, numbers)
        width = _first_width(segments)
        for _ in range(ROUNDS):
            fitted = [fit_lines(pieces, width, count) for pieces, count, _ in segments]
            if None in fitted:
                break
            width = _mean_full_width(fitted) or width
        else:
            return _numbered(fitted), sorted(numbers.values()), width
        del numbers[segments[fitted.index(None)][2]]  # a number the prose cannot honour
    return fit_lines(_pieces(words, starts, 0, len(words)), DEFAULT_WIDTH), [], DEFAULT_WIDTH


def _segments(words, starts, numbers) -> list[tuple[list[Piece], int | None, int | None]]:
    """(pieces, the lines they must fill, the word index of the margin number
    after them) for each stretch of prose between two numbers, and after the last."""
    prose = [w for i, w in enumerate(words) if i not in numbers]
    shifted = {_in_prose(s, numbers) for s in starts}
    bounds = [(0, 1, None)] + [(_in_prose(i, numbers), numbers[i], i) for i in sorted(numbers)]
    segments = []
    for (first, line, _), (end, next_line, number) in zip(bounds, bounds[1:]):
        segments.append((_pieces(prose, shifted, first, end), next_line - line, number))
    segments.append((_pieces(prose, shifted, bounds[-1][0], len(prose)), None, None))
    return segments


def _in_prose(index: int, numbers: dict[int, int]) -> int:
    """Where word ``index`` stands once the margin numbers are taken out (for a
    number: where the word after it stands)."""
    return index - sum(1 for i in numbers if i < index)


def _pieces(words, starts, first, end) -> list[Piece]:
    """Words ``first``..``end`` cut where paragraphs start."""
    cuts = sorted({first, end} | {s for s in starts if first < s < end})
    return [Piece(words[a:b], starts_paragraph=a in starts, ends_paragraph=b in starts or b == len(words))
            for a, b in zip(cuts, cuts[1:]) if b > a]


def _first_width(segments) -> float:
    """Characters per line implied by the numbered stretches."""
    chars = sum(len(" ".join(w for p in pieces for w in p.words)) for pieces, count, _ in segments if count)
    lines = sum(count for _, count, _ in segments if count)
    return chars / lines if lines else DEFAULT_WIDTH


def _mean_full_width(fitted) -> float | None:
    """Mean length of the lines that do not end a paragraph."""
    lengths = []
    for lines in fitted:
        for line, following in zip(lines, lines[1:] + [None]):
            if line.text and following is not None and following.text and not following.starts_paragraph:
                lengths.append(len(line.text))
    return statistics.fmean(lengths) if lengths else None


def _numbered(fitted) -> list[PrintedLine]:
    lines: list[PrintedLine] = []
    for k, segment_lines in enumerate(fitted):
        for n, line in enumerate(segment_lines):
            numbered = k > 0 and n == 0
            lines.append(PrintedLine(line.text, line.starts_paragraph, numbered))
    return lines


def _row_blocks(rows: list[str]) -> list[list[str]]:
    """Paragraphs: runs of non-empty rows (indentation kept)."""
    blocks, current = [], []
    for row in rows + [""]:
        if row.strip():
            current.append(row.rstrip())
        elif current:
            blocks.append(current)
            current = []
    return blocks


LINE_NUMBER = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
MIN_ROW, MAX_ROW = 20, 120  # characters a printed line may hold


def printed_breaks(blocks: list[list[str]]) -> tuple[list[PrintedLine], list[int]] | None:
    """The lines of a text that kept its printed breaks, and the numbers that
    hold; None when the rows are not printed lines. Blank rows between
    paragraphs count as printed lines when the numbers say so."""
    for blank_rows_count in (False, True):
        places, place = [], 1
        for k, block in enumerate(blocks):
            if k and blank_rows_count:
                place += 1
            for row in block:
                places.append((place, row, row is block[0]))
                place += 1
        numbered = [(at, int(m.group(1))) for at, row, _ in places if (m := LINE_NUMBER.match(row))]
        votes = Counter(n - at for at, n in numbered)
        holding = votes.get(0, 0)
        lengths = sorted(len(row.strip()) for _, row, _ in places)
        if (holding >= 2 and holding == len(numbered) and any(n % 5 == 0 for _, n in numbered)
                and MIN_ROW <= lengths[len(lengths) // 2] <= MAX_ROW):
            lines: list[PrintedLine] = []
            for at, row, first in places:
                while len(lines) < at - 1:
                    lines.append(PrintedLine(""))
                text = LINE_NUMBER.sub("", row).strip()
                starts = first or row[:1].isspace()
                lines.append(PrintedLine(text, starts, numbered=bool(LINE_NUMBER.match(row))))
            return lines, [n for _, n in numbered]
    return None


def _is_title(block: str) -> bool:
    return len(block) <= MAX_TITLE and not ends_sentence(plain(block))


def _closed_breaks(blocks: list[str]) -> list[str]:
    """Paragraphs with the breaks that fall in mid-sentence closed."""
    closed: list[str] = []
    for block in blocks:
        if closed and not ends_sentence(closed[-1]) and block[:1].islower():
            closed[-1] += " " + block
        else:
            closed.append(block)
    return closed


def _kept_certainty(numbers: list[int]) -> str:
    listed = ", ".join(map(str, numbers))
    return (f"The text kept its printed line breaks: each row is a printed line, and the margin numbers {listed} "
            "confirm the numbering.")


def _certainty(numbers: list[int], width: float) -> str:
    if not numbers:
        return (f"No margin line numbers were found: the lines come from the paragraphs, wrapped at about "
                f"{DEFAULT_WIDTH} characters, and no line is certain. Number them against the paper sheet.")
    listed = ", ".join(map(str, numbers))
    return (f"The lines were rebuilt from a plain text: only the {len(numbers)} numbered lines ({listed}) are "
            f"certain. The breaks between them were fitted evenly, at about {round(width)} characters a line; "
            "check them against the paper sheet.")
