"""A PDF's text layer as another producer lays it out: poppler groups each
margin number into the line beside it, a hair's breadth before its first
word ("10 man could tell…"). The numbers are told from the text by their
place left of the column's edge, on one page and two, in one column and
two; the sheets are the corpus's (tests/fixtures/scans/*.yml)."""

from __future__ import annotations

import sys

import pytest

from support import ROOT
from sheet_import.page_words import PageWord
from sheet_import.scan import read_scan
from sheet_import.sheet import TEXT_LAYER

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))
from corpus import load, score  # noqa: E402

SIZE = 10.0  # points: a word's box height
PITCH = 14.0  # points between lines
CHAR = 4.8  # points a character takes
GLUE = 3.0  # points between a margin number and its line's first word: poppler keeps them one line


def words_of(text: str, left: float, top: float, key: tuple, height: float = SIZE) -> list[PageWord]:
    found, x = [], left
    for word in text.split():
        width = len(word) * CHAR * height / SIZE
        found.append(PageWord(word, x, top, x + width, top + height, key))
        x += width + CHAR * height / SIZE
    return found


def text_layer(sheet, lines_per_page: int) -> list[list[PageWord]]:
    """The sheet's words as pdftotext gives them: headline, source line, the
    article with its margin numbers glued to their lines, then the questions."""
    pages: list[list[PageWord]] = [[]]
    key = iter(range(10_000))
    pages[0] += words_of(sheet.title, 150, 60, (next(key),), height=16)
    pages[0] += words_of(sheet.source, 100, 90, (next(key),))
    columns = sheet.columns
    per_column = -(-len(sheet.lines) // columns) if columns > 1 else lines_per_page
    edges = [90, 320] if columns > 1 else [90]
    top = 120.0
    for n, line in enumerate(sheet.lines, start=1):
        slot = (n - 1) % per_column
        column = ((n - 1) // per_column) % len(edges)
        if columns == 1 and n > 1 and slot == 0:
            pages.append([])
        row = top + slot * PITCH
        left = edges[column] + (4 * CHAR if line.starts_paragraph else 0)
        k = (next(key),)
        words = words_of(line.text, left, row, k)
        if n % 5 == 0:
            label = str(n)
            width = len(label) * CHAR
            words.insert(0, PageWord(label, edges[column] - GLUE - width, row, edges[column] - GLUE, row + SIZE, k))
        pages[-1] += words
    bottom = top + PITCH * (per_column if columns > 1 else (len(sheet.lines) - 1) % lines_per_page + 1) + 30
    pages[-1] += words_of("Questions", 90, bottom, (next(key),))
    for q, question in enumerate(sheet.questions, start=1):
        pages[-1] += words_of(f"{q}. {question}", 90, bottom + 20 * q, (next(key),))
    return pages


@pytest.mark.parametrize("name,lines_per_page", [("gettysburg", 40), ("walden", 24), ("two-cities", 40)])
def test_margin_numbers_glued_to_their_lines_are_split_off_by_their_place(name, lines_per_page):
    sheet = load(ROOT / "tests" / "fixtures" / "scans" / f"{name}.yml")
    found = read_scan(f"{name}.pdf", TEXT_LAYER, text_layer(sheet, lines_per_page))
    result = score(sheet, [line.text for line in found.lines], found.margin_numbers,
                   [q.text for q in found.questions])
    assert (result.kept, result.exact) == (len(sheet.lines), len(sheet.lines))
    assert found.margin_numbers == sheet.margin_numbers
    assert not any(line.text.split()[0].isdigit() for line in found.lines if line.text)
