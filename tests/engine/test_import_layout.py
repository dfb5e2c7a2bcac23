"""The importer's pieces on small made-up sheets: the layout of a scanned page
(from word boxes, no OCR needed) with its margin numbers fitted as a
sequence and its losses said out loud, the worksheet header, the question
numbering and line references, bylines and source lines, margin numbers in
prose, a text that kept its printed breaks, line fitting and suspected OCR
errors."""

from __future__ import annotations

import os
import time

import pytest

from sheet_import import load_sheet, page_words, tools
from sheet_import.credits import is_byline, is_header_line, pick_headline, read_byline
from sheet_import.line_fitting import Piece, fit_lines
from sheet_import.margin_numbers import find_margin_numbers
from sheet_import.ocr_suspects import Suspect, find_suspects
from sheet_import.page_words import PageWord
from sheet_import.questions import find_questions, line_references
from sheet_import.scan import read_scan
from sheet_import.sheet import OCR, Byline, ImportFailure, PrintedLine, Question
from sheet_import.text_sheet import printed_breaks, read_text_sheet

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


def ocr_words(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """Printed lines as OCR runs them together, each fifth one's margin number
    before its first word; and where those numbers stand."""
    words, margin = [], {}
    for number, line in enumerate(lines, start=1):
        if number % 5 == 0:
            margin[len(words)] = number
            words.append(str(number))
        words += line.split()
    return words, margin


def test_a_10_in_the_prose_next_to_the_margins_10_is_left_in_the_prose():
    lines = ["the town council met again that day and talked for hours"] * 15
    lines[10] = "and 10 more people came to the square before the council"  # line 11, just after the margin's 10
    words, margin = ocr_words(lines)
    assert words.count("10") == 2
    assert find_margin_numbers(words) == margin  # both chains are as long: the evenly spaced one wins


def test_a_text_without_numbers_has_no_margin_numbers():
    assert find_margin_numbers("a text read without its margin numbers".split()) == {}


def test_a_round_number_in_the_prose_after_the_last_margin_number_stays_prose():
    lines = ["the town council met again that day and talked for hours"] * 18
    lines[16] = "and 350 more people came to the square before the council"  # 350 lines on would be 3 characters each
    words, margin = ocr_words(lines)
    assert find_margin_numbers(words) == margin


@pytest.mark.parametrize("line", ["a narrow column too", "w" * 117 + " x"], ids=["19 characters", "119 characters"])
def test_margin_numbers_of_the_narrowest_and_widest_lines_are_found(line):
    words, margin = ocr_words([line] * 15)  # with the space after it, a line takes 20 or 120 characters
    assert find_margin_numbers(words) == margin
    beyond, _ = ocr_words([line + "x" if len(line) > 100 else line[1:]] * 15)
    assert len(find_margin_numbers(beyond)) < 3  # lines no sheet prints: the numbers are not a chain


def test_a_paragraph_starts_its_first_line_and_its_last_line_may_be_short():
    pieces = [Piece("one two three four five six seven".split()), Piece("eight nine ten".split())]
    lines = fit_lines(pieces, width=14)
    assert [(line.text, line.starts_paragraph) for line in lines] == [
        ("one two three", True), ("four five six", False), ("seven", False), ("eight nine ten", True)]


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


# -- scans and photos: the rules that need no OCR pass -------------------------

def article_words(rows, numbers: dict[int, str], page: int = 0, top: float = 100, skip: int = 0) -> list[PageWord]:
    """The ARTICLE's rows from ``skip`` on, as OCR boxes them, with ``numbers``
    (row index → the text OCR read) in the margin."""
    words = []
    for k, row in enumerate(rows):
        y = top + k * PITCH
        if k < skip or row is None:
            continue
        indent, _, text = row
        words += line_words(text, 60 + (15 if indent else 0), y, ("line", page, k))
    for k, text in numbers.items():
        words += line_words(text, 30, top + k * PITCH, ("number", page, k))
    return words


def expected_lines() -> list[str]:
    return [row[2] if row else "" for row in ARTICLE]


def test_one_misread_number_and_a_stray_mark_neither_cut_nor_shift_the_article():
    # "10" read as "1O", and a stray "3" in the margin beside line 2
    sheet = read_scan("photo.jpg", OCR, [article_words(ARTICLE, {1: "3", 4: "5", 9: "1O"})])
    assert [line.text for line in sheet.lines] == expected_lines()
    assert sheet.margin_numbers == [5, 10]


def test_a_number_misread_as_another_cannot_shift_the_article():
    sheet = read_scan("photo.jpg", OCR, [article_words(ARTICLE, {4: "5", 9: "15"})])
    assert [line.text for line in sheet.lines] == expected_lines()
    assert sheet.margin_numbers == [5]


def test_lines_lost_before_the_first_line_found_fail_loudly():
    with pytest.raises(ImportFailure) as failure:
        read_scan("photo.jpg", OCR, [article_words(ARTICLE, {4: "5", 9: "10"}, skip=2)])
    assert str(failure.value).startswith("photo.jpg: the article looks cut: lines 1–2 are missing before the first "
                                         "line found. Nothing was written")
    assert [line.text for line in failure.value.sheet.lines][2:] == expected_lines()[2:]  # kept for inspection


def test_a_page_lost_between_two_pages_fails_loudly():
    second = [(False, None, text) for text in ["Nobody knew what the next year would bring to the town,",
                                               "and the buses stayed full until the summer holidays."] * 3]
    pages = [article_words(ARTICLE, {4: "5", 9: "10"}), article_words(second, {4: "25"}, page=1, top=40)]
    with pytest.raises(ImportFailure, match=r"lines 11–20 are missing where the text moves to a new page"):
        read_scan("scan.pdf", OCR, pages)


def test_a_line_lost_in_mid_sentence_fails_loudly():
    rows = list(ARTICLE)
    rows[3] = None  # OCR lost line 4, after "Nobody could say who had decided it, or when the"
    with pytest.raises(ImportFailure, match="line 4 is empty in the middle of a sentence"):
        read_scan("photo.jpg", OCR, [article_words(rows, {4: "5", 9: "10"})])


def test_the_worksheet_header_is_skipped_and_the_headline_is_the_largest_type():
    words = line_words("Document 2 — Name: ____________ Class: ______", 20, 10, ("form",))
    words += line_words("Compréhension écrite", 20, 26, ("kind",))
    words += line_words("The Town", 60, 44, ("headline",), height=2 * HEIGHT)
    words += line_words("Jane Doe, A Long Book About A Town That Waited For Its Buses, chapter 5 (1854)",
                        20, 70, ("source",))
    sheet = read_scan("sheet.png", OCR, [words + article_words(ARTICLE, {4: "5", 9: "10"})])
    assert [line.text for line in sheet.lines] == expected_lines()
    assert sheet.headline == "The Town"
    assert sheet.byline == Byline("Jane Doe", "A Long Book About A Town That Waited For Its Buses, chapter 5", "1854")


@pytest.mark.parametrize("text", ["Document 2 — Name: ____ Class: ____", "Compréhension écrite",
                                  "Compr€hension écrite", "Name:", "Date: ________", "Texte 3", "______"])
def test_header_lines(text):
    assert is_header_line(text)


@pytest.mark.parametrize("text", ["Document of the week", "Now we are engaged in a great civil war, testing",
                                  "The Gettysburg Address"])
def test_not_header_lines(text):
    assert not is_header_line(text)


@pytest.mark.parametrize("byline, expected", [
    ("Henry David Thoreau, *Walden*, chapter 2 (1854)", Byline("Henry David Thoreau", "Walden, chapter 2", "1854")),
    ("Charles Dickens, A Tale of Two Cities, Book the First, chapter 1 (1859)",
     Byline("Charles Dickens", "A Tale of Two Cities, Book the First, chapter 1", "1859")),
    ("From Walden by Henry David Thoreau, 1854", Byline("Henry David Thoreau", "Walden", "1854")),
    ("*Walden*, by Henry David Thoreau (1854)", Byline("Henry David Thoreau", "Walden", "1854")),
    ("Abraham Lincoln, address at Gettysburg, 19 November 1863",
     Byline("Abraham Lincoln", "address at Gettysburg", "19 November 1863")),
])
def test_literary_source_lines_are_bylines(byline, expected):
    assert is_byline(byline)
    assert read_byline(byline) == expected


@pytest.mark.parametrize("read, mended", [
    ("Why? (1. 4)", "Why? (l. 4)"), ("Why? (I. 11–12)", "Why? (l. 11–12)"), ("Why? (|. 3-5)", "Why? (l. 3–5)"),
    ("Why? (l. 7—9) and (ll. 20-22)", "Why? (l. 7–9) and (ll. 20–22)"), ("In 1854 (a year)", "In 1854 (a year)"),
])
def test_line_references_as_ocr_reads_them(read, mended):
    assert find_questions(["Questions", f"1. {read}"]).questions == [
        Question(1, mended, line_references(mended))]


def test_each_question_fills_its_lines_from_its_own_references():
    section = find_questions(["1. Who speaks? (1. 1–2)", "2. Explain (I. 9-11) and (l. 14).", "3. Sum it up."])
    assert [q.lines for q in section.questions] == ["1–2", "9–11, 14", None]


@pytest.mark.parametrize("rows", [
    ["Questions", "l. Who speaks? (l. 1–2)", "Z) Why? (l. 3)", "3; What next?"],  # numbers misread
    ["Questions", "1. Who speaks? (l. 1–2)", "", "Why? (l. 3)", "", "3. What next?"],  # a number lost
    ["Questions", "FF Who speaks? (l. 1–2)", "WN Why? (l. 3)", "3. What next?"],  # numbers garbled
])
def test_questions_with_misread_numbers(rows):
    assert [(q.number, q.text) for q in find_questions(rows).questions] == [
        (1, "Who speaks? (l. 1–2)"), (2, "Why? (l. 3)"), (3, "What next?")]


def test_a_question_runs_on_over_its_next_line():
    rows = ["Questions", "1. Who speaks, and on what", "occasion? (l. 1–2)", "2. Why?"]
    assert [q.text for q in find_questions(rows).questions] == ["Who speaks, and on what occasion? (l. 1–2)", "Why?"]


def test_a_text_that_kept_its_printed_breaks_keeps_them(tmp_path):
    rows = ["Document 2 — Name: ______ Class: ____", "", "The Town That Waited",
            "Jane Doe, The Courier, 3 March 2020", ""]
    for n, row in enumerate(ARTICLE, start=1):
        if row is None:
            rows.append("")
            continue
        rows.append(("    " if row[0] and n > 1 else "") + (f"{n}  " if n % 5 == 0 else "") + row[2])
    rows += ["", "1. What did the council do?"]
    path = tmp_path / "sheet.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    sheet = read_text_sheet(path)
    assert [line.text for line in sheet.lines] == expected_lines()
    assert [n for n, line in enumerate(sheet.lines, 1) if line.starts_paragraph] == [1, 7]
    assert sheet.margin_numbers == [5, 10]
    assert sheet.headline == "The Town That Waited"
    assert sheet.certainty.startswith("The text kept its printed line breaks")


def test_a_text_without_its_breaks_is_still_refitted():
    prose = [row[2] for row in ARTICLE if row]
    blocks = [[" ".join(prose[:5]) + " 5 " + " ".join(prose[5:])]]
    assert printed_breaks(blocks) is None


def test_a_line_read_only_halfway_fails_loudly():
    rows = list(ARTICLE)
    rows[2] = (False, None, "Nobody could say")  # the rest, "who had decided it, or when the", was not read
    with pytest.raises(ImportFailure, match="line 3 stops halfway across the column in mid-paragraph"):
        read_scan("photo.jpg", OCR, [article_words(rows, {4: "5", 9: "10"})])


@pytest.mark.parametrize("tool", ["pdftotext", "pdftoppm"])
def test_a_tool_that_never_finishes_is_stopped_with_one_line(tmp_path, monkeypatch, tool):
    """pdftotext (the text layer), or pdftoppm (rendering a PDF without one
    for OCR), kept busy by a file: stopped at the time limit, said in one line."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in ("pdftotext", "pdftoppm"):
        fake = folder / name
        busy = name == tool
        # Without a text layer, pdftotext's output is a page with no word.
        fake.write_text("#!/bin/sh\nexec sleep 60\n" if busy else
                        "#!/bin/sh\necho '<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><page/></body></html>'\n")
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(tools, "TIMEOUT", 0.5)
    monkeypatch.setattr(page_words, "ocr_available", lambda: True)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    started = time.monotonic()
    with pytest.raises(ImportFailure) as failure:
        load_sheet([scan])
    assert time.monotonic() - started < 30
    assert str(failure.value) == (f"scan.pdf: {tool} was still at work after 0.5 seconds and was stopped: the file "
                                  "may be damaged or very large; try its pages one by one, or smaller images")
