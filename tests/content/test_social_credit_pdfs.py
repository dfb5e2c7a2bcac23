"""The ready-made PDFs, read back with pdftotext as a teacher's printer would
see them: the worksheet and the answer key."""

from __future__ import annotations

import re
import subprocess

import pytest

from support import normalise, pdf_pages, pdf_text, soup, text
from test_social_credit_questions import SHEET_QUESTIONS

pytestmark = [pytest.mark.pdf, pytest.mark.browser]  # chromium prints them


def page_texts(path) -> list[str]:
    out = pdf_text(path)
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


@pytest.fixture(scope="module")
def article_lines(site):
    return {int(e["id"][1:]): text(e) for e in soup(site, "social-credit/article/").select(".line-text[id]")}


@pytest.fixture(scope="module")
def model_answer_sentences(site):
    sentences = []
    for block in soup(site, "social-credit/questions/").select("details.model-answer:not(.exercise-key)"):
        block.select_one("summary").decompose()
        for item in block.find_all(["p", "li"]):
            for piece in re.split(r"(?<=[.!?])\s+", item.get_text(" ")):
                if len(piece.split()) >= 4:
                    sentences.append(normalise(piece))
    return sentences


def question_pages(path) -> dict[int, int]:
    found = {}
    for number, page in enumerate(page_texts(path), start=1):
        for m in re.finditer(r"^\s*QUESTION (\d+)\s*$", page, re.M):
            found.setdefault(int(m.group(1)), number)
    return found


def test_both_pdfs_are_a4_and_within_their_page_budget(pdfs):
    assert set(pdfs) == {"worksheet.pdf", "answer-key.pdf", "vocabulary-test.pdf", "vocabulary-test-key.pdf"}
    for path in pdfs.values():
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    assert pdf_pages(pdfs["worksheet.pdf"]) <= 5  # with its two exercises
    assert pdf_pages(pdfs["answer-key.pdf"]) <= 8  # and their teacher notes


def test_the_worksheet_holds_all_65_lines_numbered_as_on_paper(pdfs, article_lines):
    layout = "\n".join(page_texts(pdfs["worksheet.pdf"]))
    flat = normalise(layout)
    for number, line in article_lines.items():
        if line:
            assert normalise(line) in flat, number
    for number in range(5, 66, 5):
        start = re.escape(article_lines[number][:20])
        assert re.search(rf"^\s*{number}\s+{start}", layout, re.M), f"no margin number {number} beside its line"
    # and no other number stands in the article's margin
    article = layout[: layout.index("potentially dystopian project.")]
    margin = [int(m) for m in re.findall(r"^\s{0,12}(\d{1,2})\s{2,}\S", article, re.M)]
    margin += [65]
    assert sorted(margin) == list(range(5, 66, 5))


def test_the_worksheet_holds_the_questions_and_no_answer(pdfs, model_answer_sentences):
    flat = normalise(" ".join(page_texts(pdfs["worksheet.pdf"])))
    for question in SHEET_QUESTIONS:
        assert normalise(question) in flat, question
    assert [s for s in model_answer_sentences if s in flat] == []
    assert "name:" in flat and "class:" in flat and "date:" in flat
    assert "vocabulary" in flat and "surveillance" in flat


def test_the_answer_key_sets_each_exercise_key_in_its_boxes(pdfs, pdf_student_site):
    key = normalise(" ".join(page_texts(pdfs["answer-key.pdf"])))
    sheet = normalise(" ".join(page_texts(pdfs["worksheet.pdf"])))
    student = normalise(" ".join(page_texts(pdf_student_site / "social-credit" / "pdf" / "worksheet.pdf")))
    assert "“launched in 2014”" in key and key.count("✓") == 5  # a tick a statement
    assert "# statement true false" in sheet and sheet.count("quotation: (l.)") == 5 and sheet.count("☐") >= 10
    for printed in (sheet, student):
        assert "“launched in 2014”" not in printed and "✓" not in printed


def test_the_answer_key_holds_every_model_answer_and_the_notes(pdfs, model_answer_sentences):
    # A line may break after the hyphen of a compound (Eighty-|Four): joined again.
    flat = re.sub(r"(?<=\w-) (?=\w)", "", normalise(" ".join(page_texts(pdfs["answer-key.pdf"]))))
    missing = [s for s in model_answer_sentences if s not in flat]
    assert missing == []
    assert "teacher notes" in flat


def test_each_question_starts_on_the_same_page_in_both(pdfs):
    worksheet, key = question_pages(pdfs["worksheet.pdf"]), question_pages(pdfs["answer-key.pdf"])
    assert sorted(worksheet) == list(range(1, 8))
    assert worksheet == key


def test_the_student_edition_gets_no_key(pdf_student_site):
    assert sorted(p.name for p in (pdf_student_site / "social-credit" / "pdf").iterdir()) == ["vocabulary-test.pdf", "worksheet.pdf"]


def test_the_worksheet_prints_every_note_numbered(pdfs, site):
    """The notes (pop-ups on the article page) print as a numbered list."""
    notes = [text(item) for item in soup(site, "social-credit/article/").select(".notes-list li")]
    assert len(notes) >= 8
    # Reading order, not layout: the notes stand in columns on paper.
    raw = subprocess.run(["pdftotext", str(pdfs["worksheet.pdf"]), "-"], capture_output=True,
                         text=True, check=True).stdout
    # A line may break after a dash, or hyphenate a word (a soft hyphen, then
    # the hyphen printed), and pdftotext drops a hyphen at a line end.
    squeezed = lambda s: re.sub(r"[\s\-\u00ad\u2010]+", "", s)
    flat = squeezed(raw)
    for number, note in enumerate(notes, start=1):
        assert squeezed(note) in flat, number
        assert f"({number})" in flat, number


def test_the_answer_key_prints_each_teacher_note_once(pdfs, site):
    flat = normalise(" ".join(page_texts(pdfs["answer-key.pdf"])))
    for block in soup(site, "social-credit/questions/").select("details.teacher-note"):
        block.select_one("summary").decompose()
        first = normalise(block.find(["p", "li"]).get_text(" "))[:60]
        assert flat.count(first) == 1, first
