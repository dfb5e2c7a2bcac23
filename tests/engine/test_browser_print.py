"""Printing from the browser follows teacher mode: off gives the worksheet,
on gives the answer key, whatever Material opens before printing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from support import pdf_pages, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.pdf]


def printed(page: Page, tmp_path, name: str) -> tuple[str, int]:
    """What comes out of the printer (text, pages): page.pdf() fires
    beforeprint, so Material opens every collapsed block, as for a real print."""
    path = tmp_path / name
    page.pdf(path=str(path), format="A4")
    return " ".join(pdf_text(path).split()), pdf_pages(path)


def displayed(page: Page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none').length")


@pytest.mark.parametrize("path", ["bikes/questions/", "bikes/worksheet/", "sequences/city-transport/"])
def test_printing_with_teacher_mode_off_prints_no_answer(page: Page, tmp_path, path):
    page.goto(path)
    text, _ = printed(page, tmp_path, "student.pdf")
    assert "Model answer" not in text and "slowly changed course\" (l. 9)" not in text
    assert "Question" in text or "Final task" in text


def test_printing_in_teacher_mode_gives_the_answer_key(page: Page, tmp_path):
    page.goto("bikes/worksheet/?teacher=1")
    text, _ = printed(page, tmp_path, "key.pdf")
    assert 'Cars "took over the city\'s old streets" (l. 6)' in text
    assert "Teacher notes" in text and "Expect the cause (\"many children died\", l. 7)" in text


def test_the_answer_key_breaks_pages_where_the_worksheet_does(page: Page, tmp_path):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto("bikes/worksheet/?teacher=0")
    page.emulate_media(media="print")
    assert displayed(page, ".md-header, .md-tabs, .md-footer, .teacher-toggle, .worksheet-bar") == 0
    assert displayed(page, ".writing-space") == 2
    assert displayed(page, "details.model-answer") == 0
    assert displayed(page, ".sheet-header, .vocabulary") == 2
    blank = page.locator(".answer-space").evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    page.goto("bikes/worksheet/?teacher=1")
    page.emulate_media(media="print")
    assert displayed(page, ".writing-space") == 0
    assert displayed(page, "details.model-answer") == 2
    assert displayed(page, ".gathered-notes") == 1
    key = page.locator(".answer-space").evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert key == blank
