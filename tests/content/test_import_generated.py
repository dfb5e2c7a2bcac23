"""Sheets a teacher might bring, made by the bench's generator
(tests/fixtures/sheets/generator.py) with one feature set: a sans-serif
scan full of "I", a "Comprehension" heading, numbers in the right margin, a
page footer. Each imports right, or the importer says what to check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT
from sheet_import import import_sheet
from worksheet.quotes import normalise

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "sheets"))
import generator  # noqa: E402

pytestmark = [pytest.mark.browser]  # the sheet is printed by chromium

ONE_PAGE = {"pages": 1, "columns": 1, "headers": 1, "source": "above"}


def imported(tmp_path: Path, seed: int, text: str, kind: str = "pdf", **features):
    sheet = generator.draw(seed, text, **{**ONE_PAGE, **features})
    pdf = generator.pdf_of(sheet, tmp_path / "sheet.pdf")
    paths = [pdf] if kind == "pdf" else generator.scan_of(pdf, seed, tmp_path / "scan")
    return sheet.truth, import_sheet(paths, tmp_path / "docs", "draft"), paths


def lines_of(done) -> list[str]:
    return [normalise(line.text) for line in done.sheet.lines]


def questions_of(done) -> list[tuple[str, str | None]]:
    return [(normalise(q.text), q.lines) for q in done.sheet.questions]


def wanted_questions(truth) -> list[tuple[str, str | None]]:
    return [(normalise(q["text"]), q["lines"]) for q in truth.questions]


@pytest.mark.ocr
def test_a_sans_serif_scan_full_of_i_imports_right_or_says_what_to_check(tmp_path):
    truth, done, paths = imported(tmp_path, 11, "Loomings", kind="scan", font="Liberation Sans", size=11,
                                  footer="none", width=70)
    assert sum(line.split().count("I") for line in truth.lines) >= 8
    assert not any("|" in line.text for line in done.sheet.lines), "a | left in the text"
    if lines_of(done) != [normalise(t) for t in truth.lines]:
        assert done.to_check, "wrong lines and nothing to check"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_sheet.py"), *map(str, paths),
                             "--slug", "again", "--docs", str(tmp_path / "docs")], capture_output=True, text=True)
    assert result.returncode == (3 if done.to_check else 0), result.stderr
    if done.to_check:
        article = (tmp_path / "docs" / "again" / "article.md").read_text(encoding="utf-8")
        assert "CHECK the draft against the paper sheet" in result.stdout
        assert all(f"TODO: check {finding.where}" in article for finding in done.findings)


@pytest.mark.parametrize("heading", ["Comprehension", "Compréhension", "Tasks", None])
def test_the_questions_are_found_under_any_heading_or_none(tmp_path, heading):
    truth, done, _ = imported(tmp_path, 12, "A Walk in Winter", heading=heading, numbering="1)",
                              citation="(ll. {a}–{b})")
    assert questions_of(done) == wanted_questions(truth)
    assert lines_of(done) == [normalise(t) for t in truth.lines]


def test_numbers_in_the_right_margin_number_the_lines(tmp_path):
    truth, done, _ = imported(tmp_path, 13, "The Unanimous Declaration", side="right", step=5, footer="none")
    assert done.sheet.margin_numbers == truth.numbers == [5, 10]
    assert lines_of(done) == [normalise(t) for t in truth.lines]
    assert not any(line.text.rstrip()[-1:].isdigit() for line in done.sheet.lines)


def test_a_page_footer_is_not_taken_for_a_question(tmp_path):
    truth, done, _ = imported(tmp_path, 14, "Marley's Ghost", footer="both", heading=None, numbering="Q1")
    assert questions_of(done) == wanted_questions(truth)
    assert not any("Lycée" in q.text or "1/1" in q.text for q in done.sheet.questions)
    assert "Left out as page footers" in done.sheet.certainty
