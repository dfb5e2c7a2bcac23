"""The importer's pieces on small made-up sheets: the layout of a scanned page
(from word boxes, no OCR needed), the question numbering, bylines, margin
numbers in prose, line fitting and suspected OCR errors."""

from __future__ import annotations

import pytest

from sheet_import.credits import pick_headline, read_byline
from sheet_import.line_fitting import Piece, fit_lines
from sheet_import.margin_numbers import find_margin_numbers
from sheet_import.ocr_suspects import Suspect, find_suspects
from sheet_import.page_words import PageWord
from sheet_import.questions import find_questions
from sheet_import.scan import read_scan
from sheet_import.sheet import OCR, Byline, PrintedLine

CHAR, HEIGHT, PITCH = 6, 10, 16  # a made-up page's character width, word height and line pitch


def line_words(text: str, left: float, top: float, key, height: float = HEIGHT) -> list[PageWord]:
    """One line's words, boxed as a scanner's OCR would box them."""
    words, x = [], left
    for word in text.split():
        words.append(PageWord(word, x, top, x + CHAR * len(word), top + height, key))
        x += CHAR * (len(word) + 1)
    return words


ARTICLE = [  # (indent, margin number, text); None: a blank printed line
    (True, None, "A new rule came in last spring, and people noticed"),
    (False, None, "it at once: trains were late and the buses were full."),
    (False, None, "Nobody could say who had decided it, or when the"),
    (False, None, "change would end, so the town council met twice."),
    (False, 5, "Its members argued for hours about the timetable."),
    None,
    (True, None, "In the end the mayor wrote to the minister, who"),
    (False, None, "answered that the rule would stay for a year."),
    (False, None, "The letter was read aloud in the market square."),
    (False, 10, "Some people cheered; most went home quietly."),
]


def scanned_sheet(numbers: bool = True) -> list[list[PageWord]]:
    words = line_words("Name: Class: Date:", 20, 10, ("form",))
    words += line_words("The Town That Waited", 20, 30, ("headline",), height=2 * HEIGHT)
    words += line_words("Jane Doe · The Courier · 3 March 2020", 20, 60, ("byline",))
    edge, top = 60, 100
    for k, row in enumerate(ARTICLE):
        y = top + k * PITCH
        if row is None:
            continue
        indent, number, text = row
        words += line_words(text, edge + (15 if indent else 0), y, ("line", k))
        if number and numbers:
            words += line_words(str(number), 30, y, ("number", k))
        if k == 2:
            words += line_words("(1)", 500, y, ("marker", k))
    y = top + len(ARTICLE) * PITCH + 3 * PITCH
    words += line_words("1. What did the council do?", 20, y, ("q", 1))
    words += line_words("2. Why did the mayor write", 20, y + 2 * PITCH, ("q", 2))
    words += line_words("to the minister?", 20, y + 3 * PITCH, ("q", 3))
    words += line_words("1 / 1", 250, 800, ("footer",))
    return [words]


def test_a_scanned_page_gives_its_printed_lines_numbers_and_paragraphs():
    sheet = read_scan("sheet.png", OCR, scanned_sheet())
    expected = [PrintedLine(text, indent or n == 7, number is not None) if row else PrintedLine("")
                for n, row in enumerate(ARTICLE, start=1) for indent, number, text in [row or (False, None, "")]]
    expected[0] = PrintedLine(ARTICLE[0][2], True, False)
    assert sheet.lines == expected
    assert sheet.margin_numbers == [5, 10]
    assert sheet.headline == "The Town That Waited"
    assert sheet.byline == Byline("Jane Doe", "The Courier", "3 March 2020")
    assert [(q.number, q.text) for q in sheet.questions] == [
        (1, "What did the council do?"), (2, "Why did the mayor write to the minister?")]


def test_a_scanned_page_without_margin_numbers_is_counted_and_says_so():
    sheet = read_scan("sheet.png", OCR, scanned_sheet(numbers=False))
    assert [line.text for line in sheet.lines] == [row[2] if row else "" for row in ARTICLE]
    assert sheet.margin_numbers == []
    assert sheet.certainty.startswith("The lines were read from the word positions on 1 page, but no margin "
                                      "line numbers were found")


@pytest.mark.parametrize("lines", [
    ["1. What is it?", "2) Why?", "", "3. Explain"],
    ["Question 1: What is it?", "Question 2 - Why?", "Question 3. Explain"],
    ["QUESTION 1", "What is it?", "Lines: 1-7", "", "QUESTION 2", "Why?", "QUESTION 3", "Explain"],
    ["1. a note that is no question", "2. another note", "Questions", "1. What is it?", "- 2. Why?",
     "- 3. Explain"],
])
def test_questions_are_recognised_by_their_numbering(lines):
    section = find_questions(lines)
    assert [(q.number, q.text) for q in section.questions] == [(1, "What is it?"), (2, "Why?"), (3, "Explain")]


def test_no_numbered_lines_no_questions():
    assert find_questions(["Some prose.", "", "More prose in 2014."]).questions == []


@pytest.mark.parametrize("byline, expected", [
    ("> **Charles Rollet** June 5, 2018, wired.com", Byline("Charles Rollet", "wired.com", "June 5, 2018")),
    ("Charles Rollet - WIRED UK - 5 June 2018", Byline("Charles Rollet", "WIRED UK", "5 June 2018")),
    ("By Jane Doe, The Times", Byline("Jane Doe", "The Times", None)),
    ("wired.com, 2018-06-05", Byline(None, "wired.com", "2018-06-05")),
])
def test_bylines(byline, expected):
    assert read_byline(byline) == expected


def test_the_headline_is_neither_the_kicker_nor_the_byline():
    assert pick_headline(["CHINA'S SOCIAL CREDIT", "the odd reality of life",
                          "Name: Class: Date:", "Charles Rollet - WIRED UK - 5 June 2018"]) == "the odd reality of life"


def test_prose_numbers_are_not_margin_numbers():
    words = ("The plan of 2015 counted 350 to 950 points for the 1.4 billion people " * 3).split()
    assert find_margin_numbers(words) == {}
    words[8:8] = ["10"]  # 36 characters in: nine lines of 4 characters would be too short
    assert find_margin_numbers(words) == {}
    words = ("word " * 300).split()
    words[90:90] = ["10"]  # 9 lines of 50 characters before it
    words[190:190] = ["20"]  # and 10 more
    assert find_margin_numbers(words) == {90: 10, 190: 20}


def test_lines_are_fitted_to_the_count_the_numbers_require():
    words = "one two three four five six seven eight nine ten eleven twelve".split()
    two = [Piece(words[:6]), Piece(words[6:])]
    assert [line.text for line in fit_lines(two, width=14, count=4)] == [
        "one two three", "four five six", "seven eight nine", "ten eleven twelve"]
    assert [line.text for line in fit_lines(two, width=40, count=3)] == [
        "one two three four five six", "", "seven eight nine ten eleven twelve"]
    assert fit_lines(two, width=14, count=1) is None


def test_look_alike_misreadings_are_suspected_and_names_are_not():
    lines = [PrintedLine(text) for text in (
        "It was guite a rnachine, said Rogier Creemers of Leiden.",
        "An \"!T-backed\" plan 0f the state, they said.",
    )]
    assert find_suspects(lines) == [
        Suspect(1, "guite", "quite"), Suspect(1, "rnachine", "machine"),
        Suspect(2, "!T-backed", "IT-backed"), Suspect(2, "0f", "of")]
