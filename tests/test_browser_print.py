"""Printing from the browser follows teacher mode: off gives the worksheet,
on gives the answer key, whatever Material opens before printing."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import Page, expect

from test_editions import normalise

pytestmark = pytest.mark.browser


def printed_text(page: Page, tmp_path, name: str) -> str:
    """What comes out of the printer: page.pdf() fires beforeprint, so
    Material opens every collapsed block, as it does for a real print."""
    path = tmp_path / name
    page.pdf(path=str(path), format="A4")
    return normalise(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def answers_in(page: Page) -> None:
    """Wait until teacher mode has put the sheet's answer key in its slots."""
    expect(page.locator("[data-answer-key]")).to_have_count(0)


def displayed(page: Page, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none').length")


@pytest.mark.parametrize("path", ["questions/", "worksheet/"])
def test_printing_in_student_mode_prints_no_answer(page: Page, tmp_path, path):
    page.goto("questions/")  # the page that holds the answers in its HTML
    answer = normalise(page.locator("details.model-answer p").first.evaluate("e => e.textContent"))
    page.goto(path)
    printed = printed_text(page, tmp_path, "student.pdf")
    assert answer[:60] not in printed
    assert "question 1" in printed


def test_printing_in_teacher_mode_prints_the_answers_in_the_writing_space(page: Page, tmp_path):
    page.goto("worksheet/?teacher=1")
    answers_in(page)
    answer = normalise(page.locator("details.model-answer p").first.evaluate("e => e.textContent"))
    printed = printed_text(page, tmp_path, "key.pdf")
    assert answer[:60] in printed
    assert "teacher notes" in printed


def test_print_media_screenshots_in_both_modes(page: Page, tmp_path):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto("worksheet/")
    page.emulate_media(media="print")
    assert displayed(page, ".md-header, .md-tabs, .md-footer, .teacher-toggle, .evidence") == 0
    assert displayed(page, ".writing-space") == 7
    assert displayed(page, "details.model-answer") == 0
    assert displayed(page, ".sheet-header, .vocabulary") == 2
    page.screenshot(path=tmp_path / "print-student.png", full_page=True)
    page.goto("worksheet/?teacher=1")
    answers_in(page)
    page.emulate_media(media="print")
    assert displayed(page, ".writing-space") == 0
    assert displayed(page, "details.model-answer") == 7
    assert displayed(page, "details.teacher-note") == 0
    assert displayed(page, ".gathered-notes") == 1
    heights = page.locator(".answer-space").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    page.screenshot(path=tmp_path / "print-teacher.png", full_page=True)
    page.goto("worksheet/?teacher=0")
    page.emulate_media(media="print")
    assert page.locator(".answer-space").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)") == heights


def test_the_sheet_on_screen_is_light_and_shows_teacher_notes_once(page: Page):
    """The whole sheet is for paper: the article without pop-ups or markers,
    its notes as a numbered list, no excerpts; in teacher mode each teacher
    note stands once, after the questions."""
    page.goto("worksheet/")
    assert page.locator(".article abbr.term, .evidence, details.excerpt").count() == 0
    notes = page.locator(".notes-list li")
    assert notes.count() >= 8
    assert page.locator(".article .note-marker").count() == notes.count()
    assert displayed(page, ".gathered-notes") == 0
    page.goto("worksheet/?teacher=1")
    answers_in(page)
    assert displayed(page, ".gathered-notes") == 1
    assert page.locator("details.teacher-note").count() == 0
    assert page.locator(".gathered-notes-question").count() == 7


def test_the_sheet_loads_its_answer_key_only_in_teacher_mode(page: Page):
    """A student's visit to the whole sheet downloads no answer; switching
    teacher mode on brings every model answer and the gathered notes, from
    one script, without reloading the page."""
    loaded = []
    page.on("request", lambda request: "/answer-key." in request.url and loaded.append(request.url))
    page.goto("worksheet/?teacher=0")
    page.wait_for_load_state("networkidle")
    assert loaded == []
    assert page.locator("details.model-answer, .gathered-notes-question").count() == 0
    assert page.locator(".answer-space [data-answer-key]").count() == 7
    page.get_by_role("button", name="Teacher mode").click()
    expect(page.locator(".answer-space details.model-answer")).to_have_count(7)
    expect(page.locator(".gathered-notes-question")).to_have_count(7)
    assert page.locator("[data-answer-key]").count() == 0
    assert len(loaded) == 1
    # Instant navigation back to the sheet fills it again without a second download.
    page.locator(".md-tabs__link", has_text="Questions").first.click()
    page.wait_for_url("**/questions/")
    page.locator(".md-tabs__link", has_text="Worksheet").first.click()
    page.wait_for_url("**/worksheet/")
    expect(page.locator(".answer-space details.model-answer")).to_have_count(7)
    assert len(loaded) == 1
