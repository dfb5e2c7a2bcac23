"""Exercises (true or false, find the words) on the real worksheets: the
checker names each mistake at its line; a student answers with known right
and wrong answers, sees each check and the mark; the mark travels in the
hand-in file to the review page (pre-filled, computed again there) and the CSV; the student
edition holds no expected answer in any file."""

from __future__ import annotations

import shutil

import pytest

from support import ROOT, axe_violations, normalise, soup
from support_review import as_upload, drop_files
from support_search import indexed_text

from worksheet.checks import check
from worksheet.exercises import accepted
from worksheet.library import load_library
from worksheet.model import load_worksheet
from worksheet_site.exercise_views import key_lines

LIBRARY = load_library(ROOT / "docs")
EXERCISES = [(ws, q) for ws in LIBRARY.worksheets for q in ws.questions.questions if q.exercise is not None]


def test_the_social_credit_and_ai_act_worksheets_have_their_exercises():
    kinds = {(ws.slug, q.exercise_kind, len(q.exercise.items)) for ws, q in EXERCISES}
    assert {("social-credit", "true-false", 5), ("social-credit", "find-words", 5),
            ("ai-act", "true-false", 5), ("ai-act", "find-words", 5)} <= kinds


@pytest.mark.parametrize("change, message", [
    ("  answer: amalgamated", "  answer: amalgamate-x"),
    ("  lines: 15–16", "  lines: 15–99"),
    ('  quotation: "launched in 2014"', '  quotation: "launched in 2015"'),
    ("  answer: false\n  lines: 15–16", "  answer: nope\n  lines: 15–16"),
])
def test_each_mistake_in_an_exercise_is_named_at_its_line(tmp_path, change, message):
    shutil.copytree(ROOT / "docs" / "social-credit", tmp_path / "social-credit")
    path = tmp_path / "social-credit" / "questions.md"
    source = path.read_text(encoding="utf-8")
    assert change in source
    broken = source.replace(change, message, 1)
    path.write_text(broken, encoding="utf-8")
    ws = load_worksheet(tmp_path / "social-credit", "social-credit")
    problems = [p for p in check(ws) if not p.warning]
    assert len(problems) == 1, problems
    item_line = broken[: broken.index(message)].count("\n") + 1
    assert problems[0].line in (item_line, item_line - 1, item_line - 2, item_line - 3), problems[0]
    assert "ex1" in problems[0].message or "ex2" in problems[0].message


def test_the_student_edition_holds_no_key_and_no_expected_answer(student_site, site):
    files = [p for p in student_site.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".json", ".xml", ".css")]
    keys = [normalise(line.split(". ", 1)[1]) for _, q in EXERCISES for line in key_lines(q)]
    leaks = []
    for path in files:
        content = normalise(path.read_bytes().decode("utf-8", errors="ignore"))
        leaks += [(path.name, k) for k in keys if k in content]
    index = normalise(indexed_text(student_site))  # the search index, read as the search reads it
    leaks += [("search index", k) for k in keys if k in index]
    assert len(index) > 10_000 and leaks == []
    # In each item, neither the expected word nor the teacher's quotation, attributes included.
    for ws, q in EXERCISES:
        page = soup(student_site, f"{ws.slug}/questions/")
        for number, item in enumerate(q.exercise.items, start=1):
            element = page.select_one(f'.exercise[data-question="{q.id}"] .exercise-item[data-item="{number}"]')
            held = normalise(str(element)).lower()
            planted = [w for w in accepted(item, q.exercise_kind) if q.exercise_kind == "find-words"]
            planted += [item.quotation] if item.quotation else []
            assert [w for w in planted if normalise(w).lower() in held] == [], (ws.slug, q.id, number)
    # The leak detector sees the key where it is: in the classroom edition.
    classroom = normalise(soup(site, "social-credit/questions/").get_text(" "))
    assert any(k in classroom for k in keys)


def answer_social_credit(page):
    """Known answers: true-or-false items 1 right with its quotation, 2 right
    with a quotation from other lines (half), 3 wrong; words 1 right (other
    case and spacing), 2 an alternative, 3 wrong."""
    tf = page.locator('.exercise[data-question="ex1"] .exercise-item')
    tf.nth(0).get_by_label("True").focus()
    page.keyboard.press("Space")  # by keyboard
    tf.nth(0).locator(".exercise-quote").focus()
    page.keyboard.type("preventing people from buying airline and train tickets")
    tf.nth(1).get_by_label("False").check()
    tf.nth(1).locator(".exercise-quote").fill("is already a reality")
    tf.nth(2).get_by_label("True").check()
    words = page.locator('.exercise[data-question="ex2"] .exercise-item')
    words.nth(0).locator("input").fill("  NightMare ")
    words.nth(1).locator("input").fill("blocking")
    words.nth(2).locator("input").fill("includes")
    page.wait_for_function("document.querySelector('.exercise[data-question=ex2] .answer-box').getAttribute('data-mark') === '2'")
    return tf, words


@pytest.mark.browser
def test_a_student_sees_each_check_and_the_teacher_gets_the_marks(page, context):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("social-credit/questions/")
    tf, words = answer_social_credit(page)
    verdicts = [tf.nth(i).locator(".exercise-verdict").inner_text() for i in range(3)]
    assert verdicts[0].startswith("Right") and "lines 10–11" in verdicts[0]
    assert verdicts[1].startswith("Right answer, but the quotation: ") and "not lines 15–16" in verdicts[1]
    assert verdicts[2] == "Not right"
    assert [words.nth(i).get_attribute("class").split()[-1] for i in range(3)] == ["is-right", "is-right", "is-wrong"]
    assert page.locator('.exercise[data-question="ex1"] .exercise-mark').inner_text() == "Mark: 1.5 / 5"
    assert axe_violations(page) == []
    page.reload()  # saved on the device
    page.wait_for_function("document.querySelector('.exercise[data-question=ex1] .answer-box').getAttribute('data-mark') === '1.5'")
    page.fill("#hand-in-name", "Léa Martin")
    page.fill("#hand-in-class", "2nde 3")
    with page.expect_download() as download:
        page.click("[data-action=download]")
    handed = open(download.value.path(), encoding="utf-8").read()
    assert "[ex1] True or false?\n" in handed.replace("\r\n", "\n")
    assert "mark: 1.5 / 5" in handed and "mark: 2 / 5" in handed
    review = context.new_page()
    review.goto("review/")
    # A student who edits the mark in the file gets the mark of their answers, and the teacher is told.
    drop_files(review, [as_upload("answers-Lea.txt", handed.replace("mark: 2 / 5", "mark: 5 / 5"))])
    review.wait_for_selector("#mark-0-ex1")
    assert review.input_value("#mark-0-ex1") == "1.5"
    assert review.input_value("#mark-0-ex2") == "2"
    told = review.locator('.review-answer[data-question="ex2"]').inner_text()
    assert "The file gives this exercise 5; its answers, checked again here, give 2." in told
    assert "checked again" not in review.locator('.review-answer[data-question="ex1"]').inner_text()
    with review.expect_download() as download:
        review.click("[data-review=csv]")
    csv = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    row = dict(zip(csv[0].split(";"), csv[1].split(";")))
    assert row["True or false? / 5"] == "1,5" and row["Find the words / 5"] == "2" and row["Total / 10"] == "3,5"
