"""A scanned sheet (or a PDF's text layer): its printed lines read from the
layout the OCR engine gives, and numbered by the margin numbers fitted as a
sequence.

1. The lines are the engine's own (Tesseract's block/paragraph/line, or
   pdftotext's lines), so justified text with wide word gaps stays one line.
   A line is cut only at a gap as wide as a column gutter: a margin number
   read into a line, or two columns read as one, come apart there.
2. A piece that is only a number, with at least one digit (``15``, ``1O``,
   ``(20)``) is a number candidate; a short piece without letters is a note
   marker; page furniture (``2 / 3``) is dropped.
3. The questions begin at a "Questions" heading or at a question numbered 1;
   a "Vocabulary"/"Notes" heading ends the article too.
4. Above the article stand the worksheet header (Name, Class, Date,
   "Document 2", "Compréhension écrite"), the headline (the tallest type) and
   the byline or source line (which may also stand under the text, set apart
   to the right). Lines in type smaller than the article's first
   lines (notes, a credit line) are not the article.
5. The article's lines are grouped into columns by their left edge; in each
   column of each page, a line's slot is counted in line pitches from the
   first, so a wide gap keeps blank lines. Every margin number beside a line
   votes for the column's first number (its value minus the slot): the most
   votes win, so one misread number or a stray mark can neither cut the
   article nor shift it. On the right, a number counts only close to the
   column's longest line: one far out (a note call) numbers nothing.
6. Nothing is dropped silently: lines missing before the first line found,
   between columns or pages, a gap in mid-sentence, a line read only halfway
   across its column, two lines given one number, or text left over beside
   the article make an ``ImportFailure`` that says what is missing, carrying
   the partial sheet for inspection.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .credits import is_byline, is_header_line, read_byline
from .page_words import PageWord, word_height
from .questions import HEADING, find_questions, starts_questions
from .sheet import TEXT_LAYER, Byline, ImportFailure, PrintedLine, Sheet

GUTTER = 1.8  # a gap wider than this many word heights cuts a line (a column gutter)
NUMBER_GAP = 0.8  # a number this far before a line's first word is a margin number, not prose
RIGHT_MARGIN = 5  # a right-margin number ends within this many word heights of its column's longest line
INDENT = 0.8  # a line starting this many word heights right of its column's edge starts a paragraph
TITLE = 1.25  # type this many times taller than the text's is a headline
ASCENDERS, DESCENDERS = set("bdfhklt0123456789"), set("gjpqyQJ")
EDGE_MARKS = "\"'“”‘’()[]{},.;:!?…-–—*"
HALFWAY = 0.4  # a line of a paragraph ending this share of the column short of its edge was cut
SMALL = 0.9  # type this much smaller than the article's first lines is a note or a credit, not the article
LEAD = 5  # the article's first lines, which give its type size
COLUMN_GAP = 0.25  # share of the text's width between the left edges of two columns
UNSURE = 60  # Tesseract confidence below which a word is listed as unsure
SECTION = re.compile(r"^\s*(vocabulary|glossary|notes|word list)\b", re.IGNORECASE)
FURNITURE = re.compile(r"^\s*(?:page\s*)?[-–]?\s*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3})\s*[-–]?\s*$", re.IGNORECASE)
LOOK_ALIKE_DIGITS = str.maketrans("OoIil|SsZB", "0011115528")
NUMBER = re.compile(r"^[(\[]?([0-9OoIil|SsZB]{1,3})[)\].,;:_]*$")
MARKER = 4  # characters at most of a note marker
FOOTER_GAP = 3  # a page's last line this many word heights below the rest is a footer, unless a question


@dataclass
class Line:
    """Words that stand together on one line of a page, with their box."""

    words: list[PageWord]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    left = property(lambda self: min(w.left for w in self.words))
    right = property(lambda self: max(w.right for w in self.words))
    top = property(lambda self: min(w.top for w in self.words))
    bottom = property(lambda self: max(w.bottom for w in self.words))
    middle = property(lambda self: (self.top + self.bottom) / 2)

    @property
    def height(self) -> float:
        tall = [w.height for w in self.words if any(c.isalpha() for c in w.text)]
        return statistics.median(tall or [w.height for w in self.words])

    @property
    def size(self) -> float:
        """The type size, in cap heights: each word's height divided by the share
        of the type it spans (a cap or ascender to the baseline: 1; a small
        letter: 0.72; a descender adds 0.3), so that "a", "the" and "going" agree."""
        sizes = []
        for word in self.words:
            core = word.text.strip(EDGE_MARKS)
            if core.isalnum() and any(c.isalpha() for c in core):
                span = (1.0 if any(c in ASCENDERS or c.isupper() for c in core) else 0.72)
                sizes.append(word.height / (span + (0.3 if any(c in DESCENDERS for c in core) else 0.0)))
        return statistics.median(sizes) if sizes else self.height

    @property
    def number(self) -> int | None:
        """The number this piece is, if it is only a number with at least one digit."""
        return self.read_as_number(strict=True)

    def read_as_number(self, strict: bool = False) -> int | None:
        """The number, reading look-alike letters as digits (``iS`` → 15); when
        ``strict``, at least one real digit is needed."""
        match = NUMBER.match(self.text) if len(self.words) == 1 else None
        if not match or (strict and not any(c.isdigit() for c in match.group(1))):
            return None
        return int(match.group(1).translate(LOOK_ALIKE_DIGITS))

    @property
    def is_marker(self) -> bool:
        return len(self.text) <= MARKER and not any(c.isalpha() for c in self.text) and self.number is None


@dataclass
class Column:
    lines: list[Line]  # top to bottom
    page: int
    edge: float  # where its lines start


def read_scan(name: str, kind: str, pages: list[list[PageWord]]) -> Sheet:
    if not any(pages):
        many = "s" if len(pages) > 1 else ""
        raise ImportFailure(f"{name}: no text found on the page{many} (blank, or too faint to read)")
    units = [word_height(words) for words in pages]
    pieces = [p for page, words in enumerate(pages) for p in _pieces(words, page, units[page])]
    pieces = [p for p in pieces if not FURNITURE.match(p.text) and not p.is_marker]
    footers = _footers(pieces, units)
    pieces = [p for p in pieces if p not in footers]
    numbers = [p for p in pieces if p.number is not None]
    texts = [p for p in pieces if p.number is None]
    band, after = _split_at_questions(texts, numbers)
    header, body = _header_and_body(band, units)
    if not body:
        raise ImportFailure(f"{name}: no article text found")
    type_size = (lambda line: line.height) if kind == TEXT_LAYER else (lambda line: line.size)  # a PDF's: the font's
    size = statistics.median(type_size(line) for line in body[:LEAD])
    aside = [line for line in body if line.read_as_number() is None  # a misread margin number is often smaller
             and (type_size(line) < SMALL * size or _garbled(line))]  # notes, credits, specks
    body = [line for line in body if line not in aside]
    unit = statistics.median(line.height for line in body)
    columns, leftover, misread = _columns(body, unit)
    source_below = [line for line in leftover if is_byline(line.text)]  # a source line under the text
    leftover = [line for line in leftover if line not in source_below]
    numbers += misread
    problems: list[str] = []
    lines, anchors, above = _numbered_lines(columns, [n for n in numbers if n not in after], unit, problems)
    start = next((line.place for line in lines if line.place), None)
    header += above + source_below + [line for line in aside
                                       if start and (line.page, line.top) < (start[0], start[2])]
    header.sort(key=lambda line: (line.page, line.top))
    if leftover:
        problems.append(f"{len(leftover)} line{'s' if len(leftover) > 1 else ''} of text beside the article "
                        f"could not be placed (\"{_short(leftover[0].text)}\")")
    questions = find_questions(_question_rows(after, units))
    headline, byline = _credits(header)
    sheet = Sheet(
        source=name,
        kind=kind,
        lines=lines,
        certainty=_certainty(len(pages), anchors, kind) + _footers_said(footers),
        headline=headline,
        byline=byline,
        questions=questions.questions,
    )
    if problems:
        failure = ImportFailure(f"{name}: the article looks cut: {'; '.join(problems)}. Nothing was written: "
                                "check the scan (a page missing, a fold, a shadow) and import it again.")
        failure.sheet = sheet
        raise failure
    return sheet


def _pieces(words: list[PageWord], page: int, unit: float) -> list[Line]:
    """The engine's lines, each cut where a gap is as wide as a gutter."""
    grouped: dict[tuple, list[PageWord]] = {}
    for word in words:
        grouped.setdefault(word.line, []).append(word)
    pieces = []
    for line in grouped.values():
        line.sort(key=lambda w: w.left)
        current = [line[0]]
        for word in line[1:]:
            gap = word.left - current[-1].right
            if gap > GUTTER * unit or (len(current) == 1 and gap > NUMBER_GAP * unit
                                       and Line(current, page).number is not None):
                pieces.append(Line(current, page))
                current = []
            current.append(word)
        pieces.append(Line(current, page))
    return sorted((part for piece in pieces for part in _number_after(piece, unit)), key=lambda p: (p.page, p.top))


def _number_after(piece: Line, unit: float) -> list[Line]:
    """A piece ending in a number set apart (a margin number on the right) as two pieces."""
    words = piece.words
    if len(words) > 1 and Line(words[-1:], piece.page).number is not None \
            and words[-1].left - words[-2].right > NUMBER_GAP * unit:
        return [Line(words[:-1], piece.page), Line(words[-1:], piece.page)]
    return [piece]


def _footers(pieces: list[Line], units: list[float]) -> list[Line]:
    """Page footers: the last line of a page, far below the rest, that is no
    question (it neither ends a sentence nor starts with a number), or a line
    repeated at the foot of every page."""
    found = []
    pages = sorted({p.page for p in pieces})
    for page in pages:
        on_page = sorted((p for p in pieces if p.page == page), key=lambda p: p.bottom)
        while len(on_page) > 2:
            last, above = on_page[-1], max(p.bottom for p in on_page[:-1])
            far = last.top - above > FOOTER_GAP * units[page]
            plain = not _ends_sentence(last.text) and not starts_questions(last.text) and last.number is None
            repeated = len(pages) > 1 and all(_foot_text(p) == _foot_text(last) for p in
                                              (max((q for q in pieces if q.page == other), key=lambda q: q.bottom)
                                               for other in pages))
            if not ((far and plain) or repeated):
                break
            found.append(last)
            on_page = [p for p in on_page[:-1] if abs(p.middle - last.middle) > units[page] / 2 or found.append(p)]
    return found


def _foot_text(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text)


def _footers_said(footers: list[Line]) -> str:
    if not footers:
        return ""
    said = "; ".join(f'"{_short(line.text)}" (page {line.page + 1})' for line in footers)
    return f" Left out as page footers: {said}."


def _split_at_questions(texts: list[Line], numbers: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the lines above the questions, the question section's lines and numbers)."""
    start = next((p for p in texts if HEADING.match(p.text) or SECTION.match(p.text) or starts_questions(p.text)),
                 None)
    if start is None:
        return texts, []
    below = lambda p: (p.page, p.top) >= (start.page, start.top - start.height / 2)  # noqa: E731
    return [p for p in texts if not below(p)], [p for p in texts + numbers if below(p)]


def _header_and_body(band: list[Line], units: list[float]) -> tuple[list[Line], list[Line]]:
    """(the header lines above the article on its first page, the article's lines)."""
    if not band:
        return [], []
    unit = units[band[0].page]
    for k, line in enumerate(band):
        if not (is_header_line(line.text) or is_byline(line.text) or line.height > TITLE * unit):
            return band[:k], band[k:]
    return band, []


def _columns(body: list[Line], unit: float) -> tuple[list[Column], list[Line], list[Line]]:
    """The article's columns in reading order (page by page, left to right),
    lines that belong to none, and margin numbers OCR read as letters (``iS``)."""
    width = max(p.right for p in body) - min(p.left for p in body)
    columns, leftover, numbers = [], [], []
    for page in sorted({p.page for p in body}):
        lines = sorted((p for p in body if p.page == page), key=lambda p: p.left)
        groups = [[lines[0]]]
        for line in lines[1:]:
            if line.left - groups[-1][-1].left > COLUMN_GAP * width:
                groups.append([])
            groups[-1].append(line)
        for group in groups:
            if len(group) < 2 and len(groups) > 1:
                leftover += group
                continue
            group.sort(key=lambda p: p.top)
            edge = statistics.median(sorted(_text_left(p) for p in group)[: max(1, len(group) // 2)])
            group, glued = _margin_numbers_split_off(group, edge, unit)
            numbers += glued
            in_margin = [p for p in group if p.right < edge and p.read_as_number() is not None]
            numbers += in_margin
            columns.append(Column([p for p in group if p not in in_margin], page, edge))
    return columns, leftover, numbers


def _text_left(line: Line) -> float:
    """Where a line's text starts: after a number leading it (its margin number, maybe)."""
    words = line.words
    return words[1].left if len(words) > 1 and Line(words[:1], line.page).number is not None else line.left


def _margin_numbers_split_off(group: list[Line], edge: float, unit: float) -> tuple[list[Line], list[Line]]:
    """(the column's lines, the margin numbers read into them): a line whose
    first word is a number standing left of the column's edge, the next word
    at the edge or right of it, carries its margin number (a PDF's text layer
    groups them so when they stand close)."""
    lines, numbers = [], []
    for line in group:
        first = Line(line.words[:1], line.page)
        if (len(line.words) > 1 and first.number is not None and first.right <= edge
                and line.words[1].left >= edge - unit / 2):
            numbers.append(first)
            line = Line(line.words[1:], line.page)
        lines.append(line)
    return lines, numbers


def _numbered_lines(columns: list[Column], numbers: list[Line], unit: float,
                    problems: list[str]) -> tuple[list[PrintedLine], list[int], list[Line]]:
    """(the printed lines, the margin numbers that hold, lines found to stand above line 1)."""
    by_number: dict[int, tuple[Line, bool]] = {}
    right = bool(columns) and not _numbered_on_the_left(columns[0], numbers)
    above: list[Line] = []
    anchors: list[int] = []
    expected = 1
    twice: list[int] = []  # line numbers two lines were given: one of them would be lost
    for k, column in enumerate(columns):
        slots = _slots(column.lines, unit)
        votes = _votes(column, slots, numbers, columns[k - 1] if k else None, columns[k + 1:], right)
        offset = _chosen_offset(votes, expected)
        held = {slot for slot, value in votes if value - slot == offset}
        for line, slot in zip(column.lines, slots):
            n = slot + offset
            if n < 1:
                above.append(line)
                continue
            if n in by_number:
                twice.append(n)
            by_number[n] = (line, slot in held)
            if slot in held:
                anchors.append(n)
        first = min((slot + offset for slot in slots if slot + offset >= 1), default=expected)
        if first > expected:
            moves_to = "a new page" if k and column.page != columns[k - 1].page else "the next column"
            where = "before the first line found" if k == 0 else f"where the text moves to {moves_to}"
            problems.append(_missing(expected, first - 1, where))
        elif first < expected:
            problems.append(f"the margin numbers put line {first} both at the end of one column and at the start "
                            f"of the next (page {column.page + 1})")
        expected = max(expected, slots[-1] + offset + 1)
    if twice:
        problems.append(f"two lines were read as line {twice[0]}" + (f" (and {len(twice) - 1} more)" if twice[1:] else "")
                        + ": the page may be skewed or folded")
    lines: list[PrintedLine] = []
    for n in range(1, expected):
        if n not in by_number:
            lines.append(PrintedLine(""))
            continue
        line, numbered = by_number[n]
        column = next(c for c in columns if line in c.lines)
        starts = not lines or lines[-1].blank or line.left - column.edge >= INDENT * unit
        unsure = tuple(w.text for w in line.words if w.confidence < UNSURE)
        place = (line.page, line.left, line.top, line.right, line.bottom)
        lines.append(PrintedLine(line.text, starts, numbered, unsure, place))
    short = [n for n, line in enumerate(lines, start=1) if _cut_short(n, line, lines, by_number, columns)]
    if short:
        problems.append(f"line {short[0]} " + (f"and {len(short) - 1} more stop" if short[1:] else "stops")
                        + " halfway across the column in mid-paragraph: the rest was not read")
    for n, line in enumerate(lines, start=1):  # a blank line in mid-sentence: a line the scan lost
        if line.blank and 1 < n < len(lines) and lines[n - 2].text and not _ends_sentence(lines[n - 2].text):
            problems.append(f"line {n} is empty in the middle of a sentence")
    return lines, sorted(set(anchors)), above


def _cut_short(n: int, line: PrintedLine, lines: list[PrintedLine], by_number: dict, columns: list[Column]) -> bool:
    """Whether line ``n`` ends well short of its column's right edge although
    its paragraph runs on: the OCR read only part of it."""
    following = lines[n] if n < len(lines) else None
    if not line.text or following is None or not following.text or following.starts_paragraph:
        return False
    found = by_number[n][0]
    column = next(c for c in columns if found in c.lines)
    width = max(_width(c) for c in columns)  # the widest column: a column read in halves is narrower
    return found.right < column.edge + (1 - HALFWAY) * width and not _ends_sentence(line.text)


def _width(column: Column) -> float:
    rights = sorted(line.right for line in column.lines)
    return rights[(9 * len(rights)) // 10] - column.edge


def _slots(lines: list[Line], unit: float) -> list[int]:
    """Each line's place in its column, counted in line pitches from the first."""
    steps = [b.middle - a.middle for a, b in zip(lines, lines[1:])]
    pitch = statistics.median(steps) if steps else 1.5 * unit
    pitch = min([s for s in steps if s > 0.6 * pitch] or [pitch], key=lambda s: abs(s - pitch))
    slots = [0]
    for step in steps:
        slots.append(slots[-1] + max(1, round(step / pitch)))
    return slots


def _numbered_on_the_left(first: Column, numbers: list[Line]) -> bool:
    """Whether the margin numbers stand left of the text: some stand left of the first column."""
    top, bottom = first.lines[0].top, first.lines[-1].bottom
    return any(n.page == first.page and n.right <= first.edge and top <= n.middle <= bottom for n in numbers) \
        or not numbers


def _votes(column: Column, slots: list[int], numbers: list[Line], before: Column | None, after: list[Column],
           right: bool) -> list[tuple[int, int]]:
    """(slot, number) for each number in the column's margin beside one of its lines:
    its left margin, or its right one when the sheet numbers on the right."""
    lines = column.lines
    pitch = (lines[-1].middle - lines[0].middle) / max(1, slots[-1]) if len(lines) > 1 else 2 * lines[0].height
    inner = max((p.right for p in before.lines), default=0) if before and before.page == column.page else 0
    if right:
        inner = column.edge + _width(column) - lines[0].height
        outer = min([c.edge for c in after if c.page == column.page]
                    + [max(line.right for line in lines) + RIGHT_MARGIN * lines[0].height])
    votes = []
    for number in numbers:
        if number.page != column.page or number.left < inner:
            continue
        if (number.right > outer) if right else (number.right > column.edge + lines[0].height / 2):
            continue
        if right and not number.text.isalnum():  # "(1)" right of a line marks a note or a gap, not a line number
            continue
        nearest = min(range(len(lines)), key=lambda i: abs(lines[i].middle - number.middle))
        if abs(lines[nearest].middle - number.middle) < 0.6 * pitch:
            votes.append((slots[nearest], number.read_as_number()))
    return votes


def _chosen_offset(votes: list[tuple[int, int]], expected: int) -> int:
    """The number of the column's first line that most margin numbers agree on;
    with none, the line after the previous column's last."""
    counts = Counter(value - slot for slot, value in votes)
    if not counts:
        return expected
    return max(counts, key=lambda offset: (counts[offset], offset == expected))


def _missing(first: int, last: int, where: str) -> str:
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f"{lines} {'is' if first == last else 'are'} missing {where}"


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?:;][\"'”’»)\]]*$", text))


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _question_rows(after: list[Line], units: list[float]) -> list[str]:
    """The question section's lines in reading order, an empty string at each gap;
    a number standing apart before its question is put back in front of it."""
    rows: list[Line] = []
    after = [p for p in after if not _garbled(p)]
    for piece in sorted(after, key=lambda p: (p.page, round(p.middle / (units[p.page] * 0.8)), p.left)):
        if rows and rows[-1].page == piece.page and abs(rows[-1].middle - piece.middle) < units[piece.page] / 2:
            rows[-1] = Line(rows[-1].words + piece.words, piece.page)
        else:
            rows.append(piece)
    rows = _lone_numbers_dropped(rows)
    found: list[str] = []
    for previous, row in zip([None] + rows, rows):
        if previous and (row.page != previous.page or row.top - previous.bottom > 1.2 * units[row.page]):
            found.append("")
        found.append(row.text)
    return found


def _garbled(piece: Line) -> bool:
    """Marks OCR could not read as words: every word unsure, and in capitals or
    too short to be one."""
    return piece.read_as_number() is None and all(w.confidence < UNSURE for w in piece.words) and (
        not any(c.islower() for c in piece.text) or all(len(w.text) <= 3 for w in piece.words))


def _lone_numbers_dropped(rows: list[Line]) -> list[Line]:
    """The rows, less those that are only a number: a question's number stands on its row."""
    return [row for row in rows if row.number is None]


def _credits(header: list[Line]) -> tuple[str | None, Byline]:
    """The headline (the tallest line that is neither header nor byline) and the byline."""
    bylines = [line.text for line in header if is_byline(line.text) and not is_header_line(line.text)]
    titles = [line for line in header if not is_header_line(line.text) and not is_byline(line.text)]
    headline = max(titles, key=lambda line: line.height).text if titles else None
    return headline, read_byline(bylines[0]) if bylines else Byline()


def _certainty(pages: int, numbers: list[int], kind: str) -> str:
    where = f"{pages} page{'s' if pages > 1 else ''}"
    words = ("The words are the PDF's own." if kind == TEXT_LAYER
             else "Words may be misread by OCR: see the unsure words and suspected errors.")
    if not numbers:
        return (f"The lines were read from the word positions on {where}, but no margin line numbers were found: "
                "the lines are counted from the first line of the article, with blank lines where the gaps are "
                f"wide. Check the numbering against the paper sheet. {words}")
    listed = ", ".join(map(str, numbers))
    return (f"The lines were read from the word positions on {where}: each line of the draft is a printed "
            f"line, and the margin numbers {listed} confirm the numbering. {words}")
