"""A scanned sheet: its printed lines read from the positions of its words.

Words are grouped into rows by their height on the page, and a wide gap cuts
a row into pieces. A number standing left of the text is a margin line
number, and a short piece with no letters standing apart is a note marker
(``(3)``, which OCR may read as ``@``): neither is prose. The
article's left edge is where the numbered rows start; the article is the run
of rows that start there, from its first row over page breaks, until
something else begins (a notes list, a vocabulary box, the questions). A row
indented from the edge starts a paragraph; a gap taller than a row holds
blank numbered lines. The margin numbers pin their rows: between two of
them, blank lines fill what the count requires, in the widest gaps. Above
the article stand the headline and byline; after it, the questions.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .credits import is_byline, is_form_line, pick_headline, read_byline
from .page_words import PageWord
from .questions import HEADING, NAMED, NUMBERED, find_questions
from .sheet import TEXT_LAYER, Byline, ImportFailure, PrintedLine, Sheet

GAP = 1.2  # a gap wider than this many word heights cuts a row into pieces
INDENT = 1.0  # a row starting this many word heights right of the edge is indented
TITLE = 1.3  # a row whose words are this many times taller than most is a headline
SECTION = re.compile(r"^\s*(vocabulary|glossary|notes|word list)\b", re.IGNORECASE)
FURNITURE = re.compile(r"^\s*(?:page\s*)?[-–]?\s*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3})?\s*[-–]?\s*$", re.IGNORECASE)
MARGIN_NUMBER = re.compile(r"^(\d{1,3})(?![.)])[\W_]*$")  # 50, or 50__ as OCR may read it; not a list's 1.
MARKER = 4  # characters at most of a note marker


@dataclass
class Piece:
    """Words of one line that stand together (or a whole line), with their box."""

    words: list[PageWord]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def is_marker(self) -> bool:
        return len(self.text) <= MARKER and not any(c.isalpha() for c in self.text)

    left = property(lambda self: min(w.left for w in self.words))
    top = property(lambda self: min(w.top for w in self.words))
    bottom = property(lambda self: max(w.bottom for w in self.words))


@dataclass
class Row:
    """The prose pieces side by side on one row of a page, and the margin number beside them."""

    texts: list[Piece]
    page: int
    number: int | None = None

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.texts)

    top = property(lambda self: min(p.top for p in self.texts))
    bottom = property(lambda self: max(p.bottom for p in self.texts))


def read_scan(name: str, kind: str, pages: list[list[PageWord]]) -> Sheet:
    if not any(pages):
        many = "s" if len(pages) > 1 else ""
        raise ImportFailure(f"{name}: no text found on the page{many} (blank, or too faint to read)")
    units = [_unit(words) for words in pages]
    page_lines = [_lines(words, page) for page, words in enumerate(pages)]
    rows = [row for page, lines in enumerate(page_lines) for row in _rows(_pieces(lines, units[page]), page)]
    edge = _left_edge(rows)
    article, before = _article(rows, edge, units)
    if not article:
        raise ImportFailure(f"{name}: no article text found")
    lines, numbers, header = _numbered_lines(article, edge, units)
    header = [r.text for r in before + header]
    after = _lines_after(page_lines, article[-1], units)
    section = find_questions(after)
    bylines = [t for t in header + after[: section.start] if is_byline(t)]
    return Sheet(
        source=name,
        kind=kind,
        lines=lines,
        certainty=_certainty(len(pages), numbers, kind),
        headline=pick_headline(header),
        byline=read_byline(bylines[0]) if bylines else Byline(),
        questions=section.questions,
    )


def _unit(words: list[PageWord]) -> float:
    """The page's typical word height: the yardstick of every gap."""
    heights = [w.height for w in words if any(c.isalpha() for c in w.text)]
    return statistics.median(heights) if heights else 1.0


def _lines(words: list[PageWord], page: int) -> list[Piece]:
    """The page's lines in reading order, each with its words left to right."""
    lines: dict[tuple, list[PageWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return [Piece(sorted(line, key=lambda w: w.left), page) for line in lines.values()]


def _pieces(lines: list[Piece], unit: float) -> list[Piece]:
    """Each line cut where a gap is wider than ``GAP`` word heights."""
    pieces = []
    for line in lines:
        current = [line.words[0]]
        for word in line.words[1:]:
            if word.left - current[-1].right > GAP * unit:
                pieces.append(Piece(current, line.page))
                current = []
            current.append(word)
        pieces.append(Piece(current, line.page))
    return pieces


def _rows(pieces: list[Piece], page: int) -> list[Row]:
    """Pieces that overlap in height, side by side, top to bottom; markers and
    page numbers left out."""
    groups: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: p.top):
        middle = (piece.top + piece.bottom) / 2
        if groups and min(p.top for p in groups[-1]) <= middle <= max(p.bottom for p in groups[-1]):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    rows = []
    for group in groups:
        group.sort(key=lambda p: p.left)
        number = MARGIN_NUMBER.match(group[0].text)
        texts = [p for p in group[1 if number else 0 :] if not p.is_marker]
        row = Row(texts, page, int(number.group(1)) if number else None)
        if texts and not FURNITURE.match(row.text):
            rows.append(row)
    return rows


def _left_edge(rows: list[Row]) -> float:
    """Where the article's lines start: the numbered rows' edge, else the most common one."""
    numbered = [r.texts[0].left for r in rows if r.number is not None and len(r.texts) == 1]
    if len(numbered) >= 2:
        return statistics.median(numbered)
    lefts = [round(r.texts[0].left, -1) for r in rows if len(r.texts) == 1]
    return statistics.mode(lefts) if lefts else 0.0


def _in_column(row: Row, edge: float, unit: float) -> bool:
    left = row.texts[0].left
    return len(row.texts) == 1 and edge - unit <= left <= edge + 4 * unit


def _starts_section(row: Row) -> bool:
    text = row.text
    first_question = NAMED.match(text) or NUMBERED.match(text)
    return bool(SECTION.match(text) or HEADING.match(text) or (first_question and first_question.group(1) == "1"))


def _article(rows: list[Row], edge: float, units: list[float]) -> tuple[list[Row], list[Row]]:
    """(the article's rows, the rows above it on its first page)."""
    article: list[Row] = []
    for row in rows:
        inside = _in_column(row, edge, units[row.page]) and not _starts_section(row)
        if article and not inside:
            break
        if inside and (article or not _above_the_text(row, units[row.page])):
            article.append(row)
    before = [r for r in rows if article and r.page == article[0].page and r.top < article[0].top]
    return article, before


def _above_the_text(row: Row, unit: float) -> bool:
    """The name/class/date line, a byline, or a headline in larger type."""
    heights = [w.height for p in row.texts for w in p.words]
    return is_form_line(row.text) or is_byline(row.text) or statistics.median(heights) > TITLE * unit


def _numbered_lines(rows: list[Row], edge: float, units: list[float]) -> tuple[list[PrintedLine], list[int], list[Row]]:
    """(the printed lines, the margin numbers that hold, rows found to stand above line 1)."""
    anchors = _anchor_chain([(k, row.number) for k, row in enumerate(rows) if row.number is not None])
    numbers = _line_numbers(len(rows), _gaps(rows), anchors)
    header = [row for row, n in zip(rows, numbers) if n < 1]
    anchored = {k for k, _ in anchors}
    lines: list[PrintedLine] = []
    for k, (row, number) in enumerate(zip(rows, numbers)):
        if number < 1:
            continue
        while len(lines) < number - 1:
            lines.append(PrintedLine(""))
        indented = row.texts[0].left - edge >= INDENT * units[row.page]
        starts = not lines or lines[-1].blank or indented
        lines.append(PrintedLine(row.text, starts, numbered=k in anchored))
    return lines, [n for _, n in anchors], header


def _gaps(rows: list[Row]) -> list[float]:
    """After each row, the step to the next in line pitches: 1 for the next line (and over a
    page break), 2 with room for one blank line, and so on."""
    steps = [b.top - a.top for a, b in zip(rows, rows[1:]) if a.page == b.page]
    pitch = statistics.median(steps) if steps else 1.0
    return [(b.top - a.top) / pitch if a.page == b.page else 1.0 for a, b in zip(rows, rows[1:])]


def _anchor_chain(numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of margin numbers that rise at least as fast as the rows."""
    chains: list[list[tuple[int, int]]] = []
    for k, n in numbered:
        options = [[(k, n)]] + [c + [(k, n)] for c in chains if n - c[-1][1] >= k - c[-1][0] > 0]
        chains.append(max(options, key=len))
    return max(chains, key=len, default=[])


def _line_numbers(count: int, gaps: list[float], anchors: list[tuple[int, int]]) -> list[int]:
    """The line number of each row: blank lines where the gaps are wide,
    exactly as many as the margin numbers require between two of them."""
    blanks = [max(0, round(g) - 1) for g in gaps]
    for (i, m), (j, n) in zip(anchors, anchors[1:]):
        need = (n - m) - (j - i)
        room = {k: gaps[k] - 1 for k in range(i, j)}
        for k in range(i, j):
            blanks[k] = 0
        for _ in range(need):  # each blank goes to the widest gap left
            k = max(room, key=room.get)
            blanks[k] += 1
            room[k] -= 1
    start, first = anchors[0] if anchors else (0, 1)
    numbers = [0] * count
    numbers[start] = first
    for k in range(start - 1, -1, -1):
        numbers[k] = numbers[k + 1] - 1 - blanks[k]
    for k in range(start + 1, count):
        numbers[k] = numbers[k - 1] + 1 + blanks[k - 1]
    return numbers


def _lines_after(lines: list[list[Piece]], last: Row, units: list[float]) -> list[str]:
    """The lines below the article in reading order, an empty string at each gap."""
    found: list[str] = []
    previous: Piece | None = None
    for page in range(last.page, len(lines)):
        for line in lines[page]:
            if (page == last.page and line.top <= last.bottom) or FURNITURE.match(line.text):
                continue
            if previous and (line.page != previous.page or line.top < previous.top
                             or line.top - previous.bottom > GAP * units[page]):
                found.append("")
            found.append(line.text)
            previous = line
    return found


def _certainty(pages: int, numbers: list[int], kind: str) -> str:
    where = f"{pages} page{'s' if pages > 1 else ''}"
    words = ("The words are the PDF's own." if kind == TEXT_LAYER
             else "Words may be misread by OCR: see the suspected errors.")
    if not numbers:
        return (f"The lines were read from the word positions on {where}, but no margin line numbers were found: "
                "the lines are counted from the first line of the article, with blank lines where the gaps are "
                f"wide. Check the numbering against the paper sheet. {words}")
    listed = ", ".join(map(str, numbers))
    return (f"The lines were read from the word positions on {where}: each line of the draft is a printed "
            f"line, and the margin numbers {listed} confirm the numbering. {words}")
