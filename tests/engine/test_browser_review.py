"""Handing in and marking, in a real browser: students download their
answers, the teacher reads the class's files on the review page (nothing
sent anywhere), marks them by keyboard, exports the marks as CSV and a
feedback file per student, which the student opens beside their answers.
Bad files (malformed, of another worksheet, of an older text, with markup in
them) each get their line while the others load."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support import axe_violations, soup, tab_until, text
from support_review import (CLASS, GROUP, answers_to, as_upload, class_files, drop_files, file_lines,
                            hand_in_file)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser, review_url):
    context = browser.new_context(base_url=review_url, accept_downloads=True)
    yield context.new_page()
    context.close()


def write_and_download(browser: Browser, base_url: str, name: str, q1: str, q2: str) -> dict:
    """A student, on their own device, answers bikes and downloads the hand-in file."""
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto("bikes/questions/")
        page.locator("#answer-q1").fill(q1)
        page.locator("#answer-q2").fill(q2)
        page.locator("#hand-in-name").fill(name)
        page.locator("#hand-in-class").fill(GROUP)
        with page.expect_download() as download:
            page.locator(".hand-in").get_by_role("button", name="Download (.txt)").click()
        return as_upload(download.value.suggested_filename, Path(download.value.path()).read_bytes())
    finally:
        context.close()


def test_the_whole_loop_students_hand_in_the_teacher_marks_the_student_reads(browser: Browser, review_url):
    base_url = review_url
    files = [write_and_download(browser, base_url, name, q1, q2) for name, (q1, q2) in CLASS.items()]
    assert [f["name"] for f in files] == ["bikes-answers-Léa-Martin.txt", "bikes-answers-Chloé-Bernard.txt",
                                         "bikes-answers-Yanis-Petit.txt"]
    teacher = browser.new_context(base_url=base_url, accept_downloads=True)
    page = teacher.new_page()
    requests = []
    try:
        page.goto("review/")
        page.wait_for_load_state("networkidle")
        page.on("request", lambda request: requests.append((request.method, request.url)))
        drop_files(page, files)
        expect(file_lines(page)).to_have_text([
            "bikes-answers-Léa-Martin.txt: Bicycles in Amsterdam, Léa Martin, 2nde 3",
            "bikes-answers-Chloé-Bernard.txt: Bicycles in Amsterdam, Chloé Bernard, 2nde 3",
            "bikes-answers-Yanis-Petit.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3"])
        expect(page.locator(".review-group option")).to_have_text(["Bicycles in Amsterdam · 2nde 3 (3 students)"])

        # Reading by question: the answers exactly, their length, their quotations checked.
        q1 = answers_to(page, "q1")
        expect(q1.locator(".review-student")).to_have_text(["Léa Martin", "Chloé Bernard", "Yanis Petit"])
        expect(q1.locator(".review-answer-text")).to_have_text([answer[0] for answer in CLASS.values()])
        expect(q1.nth(0).locator(".review-checks li")).to_have_text([
            "“took over the city's old streets”: line 6", "“many children died in road accidents”: line 7",
            "“slowly changed course”: line 9"])
        expect(q1.nth(1).locator(".review-checks li")).to_have_text(["“quickly changed course”: not in the text"])
        expect(q1.nth(1).locator(".review-checks li")).to_have_class(["is-wrong"])
        expect(q1.nth(1).locator(".review-count")).to_have_text("10 words (asked: 30–50 words)")
        expect(answers_to(page, "q2").nth(1).locator(".review-answer-text")).to_have_text("No answer.")
        q1_key = page.locator(".review-question").nth(0).locator(".review-model")
        expect(q1_key.locator(".review-model-answer")).to_contain_text('Cars "took over the city\'s old streets" (l. 6)')
        expect(q1_key.locator(".review-teacher-notes")).to_contain_text("Expect the cause")

        # Marking by keyboard: Enter, next student; Shift+Enter, the same student's next question.
        q1.nth(0).locator(".review-mark").click()
        page.keyboard.type("3,5")
        page.keyboard.press("Tab")
        page.keyboard.type("Well quoted.")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "comment-1-q1"
        page.keyboard.press("Shift+Tab")
        page.keyboard.type("1")
        page.keyboard.press("Tab")
        page.keyboard.type('Check "quickly": the text says "slowly"; a ; semicolon.')
        page.keyboard.press("Enter")
        page.keyboard.press("Shift+Tab")
        page.keyboard.type("2.5")
        page.keyboard.press("Shift+Enter")
        assert page.evaluate("document.activeElement.id") == "mark-2-q2"
        page.keyboard.type("2")
        answers_to(page, "q2").nth(0).locator(".review-mark").fill("6")
        expect(page.locator(".review-table tbody tr")).to_have_text([
            re.compile(r"^Chloé Bernard\s*1\s*–\s*1"), re.compile(r"^Léa Martin\s*3\.5\s*6\s*9\.5"),
            re.compile(r"^Yanis Petit\s*2\.5\s*2\s*4\.5")])
        expect(page.locator(".review-table tfoot tr")).to_have_text(re.compile(r"Class average\s*2\.33\s*4\s*5"))

        # Nothing went anywhere: the one request fetched the article's lines, a file of the site.
        assert [(method, url.rsplit("/", 2)[-2:]) for method, url in requests] == [
            ("GET", ["bikes", "article-lines.js"])]

        # The marks stay on this device: after a reload, the same files show them again.
        page.reload()
        page.wait_for_load_state("networkidle")
        requests.clear()
        drop_files(page, files)
        expect(answers_to(page, "q1").nth(0).locator(".review-mark")).to_have_value("3.5")
        expect(answers_to(page, "q1").nth(1).locator(".review-comment")).to_have_value(
            'Check "quickly": the text says "slowly"; a ; semicolon.')

        # The CSV for the gradebook: BOM, semicolons, decimal comma.
        with page.expect_download() as download:
            page.get_by_role("button", name="Marks (CSV)").click()
        assert download.value.suggested_filename == "bikes-2nde-3-marks.csv"
        raw = Path(download.value.path()).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.decode("utf-8-sig") == (
            "Name;Class;Question 1 / 4;Question 2 / 6;Total / 10;File\r\n"
            "Chloé Bernard;2nde 3;1;;1;bikes-answers-Chloé-Bernard.txt\r\n"
            "Léa Martin;2nde 3;3,5;6;9,5;bikes-answers-Léa-Martin.txt\r\n"
            "Yanis Petit;2nde 3;2,5;2;4,5;bikes-answers-Yanis-Petit.txt\r\n")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert [row[-2] for row in rows] == ["Total / 10", "1", "9,5", "4,5"]

        # A feedback file for Chloé.
        with page.expect_download() as download:
            page.get_by_role("button", name="Feedback file for Chloé Bernard").click()
        feedback = as_upload(download.value.suggested_filename, Path(download.value.path()).read_bytes())
        assert feedback["name"] == "bikes-feedback-Chloé-Bernard.txt"
        said = feedback["buffer"].decode("utf-8").replace("\r\n", "\n")
        assert said.startswith("Worksheet feedback: feedback file, format 1\nworksheet: bikes\n")
        assert "[q1] Question 1\nmark: 1 / 4\n| Check \"quickly\": the text says \"slowly\"; a ; semicolon.\n" in said
        assert [(method, url.rsplit("/", 2)[-2:]) for method, url in requests] == [
            ("GET", ["bikes", "article-lines.js"])]
    finally:
        teacher.close()

    # Chloé opens it on her device, beside her answers, which stay as they were.
    student = browser.new_context(base_url=base_url)
    page = student.new_page()
    try:
        page.goto("bikes/questions/")
        page.locator("#answer-q1").fill("My answer, changed since.")
        page.locator(".hand-in-feedback input[type=file]").set_input_files(feedback)
        expect(page.locator(".hand-in-feedback-status")).to_have_text(
            "Feedback opened from bikes-feedback-Chloé-Bernard.txt: 1 / 10. It stands under each answer; "
            "your saved answers are unchanged.")
        mine = page.locator("[data-question=q1] .answer-feedback")
        expect(mine.locator(".answer-feedback-title")).to_have_text("Your teacher: 1 / 4")
        expect(mine.locator(".answer-feedback-comment")).to_have_text(
            'Check "quickly": the text says "slowly"; a ; semicolon.')
        expect(page.locator("[data-question=q2] .answer-feedback-title")).to_have_text("Your teacher: no mark")
        page.reload()
        expect(page.locator("#answer-q1")).to_have_value("My answer, changed since.")
    finally:
        student.close()


def test_bad_files_each_get_one_line_and_the_others_load(page: Page):
    page.goto("review/")
    good = hand_in_file("Léa Martin", {"q1": CLASS["Léa Martin"][0], "q2": ""})
    crlf_bom = "\ufeff" + hand_in_file("Yanis Petit", {"q1": CLASS["Yanis Petit"][0]}).replace("\n", "\r\n")
    older = hand_in_file("Inès Moreau", {"q1": "An answer."}, text="0123456789abcdef")
    trams = hand_in_file("Tom Roux", {"q1": 'It "kept its trams" (l. 1).'}, worksheet="trams",
                         title="Trams in Melbourne")
    broken = good.replace("| Cars", "Cars", 1)
    drop_files(page, [
        as_upload("renamed by the platform (1).TXT", good), as_upload("crlf.txt", crlf_bom),
        as_upload("older.txt", older), as_upload("trams.txt", trams), as_upload("notes.txt", "Dear teacher,\nhere…"),
        as_upload("broken.txt", broken), as_upload("unknown.txt", good.replace("worksheet: bikes", "worksheet: ferries")),
        as_upload("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ])
    expect(file_lines(page)).to_have_text([
        "renamed by the platform (1).TXT: Bicycles in Amsterdam, Léa Martin, 2nde 3",
        "crlf.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3",
        "older.txt: Bicycles in Amsterdam, Inès Moreau, 2nde 3. Written on another version of the text: "
        "its quotations are checked against the text as it is now.",
        "trams.txt: Trams in Melbourne, Tom Roux, 2nde 3",
        "notes.txt: cannot be read: not a hand-in or feedback file of this site: its first line should be "
        "“Worksheet answers: hand-in file, format 1”",
        "broken.txt: cannot be read: line 11: “Cars \"took over the city's old streets\" (l. 6), so…” is not part of the "
        "format: an answer's lines start with “|”",
        "unknown.txt: cannot be read: it answers a worksheet this site does not have (“ferries”)",
        "picture.txt: cannot be read: not a hand-in or feedback file of this site: its first line should be "
        "“Worksheet answers: hand-in file, format 1”",
    ])
    expect(page.locator(".review-files li.review-file--older")).to_have_count(1)
    expect(page.locator(".review-group option")).to_have_text([
        "Bicycles in Amsterdam · 2nde 3 (3 students)", "Trams in Melbourne · 2nde 3 (1 student)"])
    q1 = answers_to(page, "q1")
    expect(q1.locator(".review-student")).to_have_text(["Léa Martin", "Yanis Petit", "Inès Moreau"])
    expect(q1.nth(1).locator(".review-answer-text")).to_have_text(CLASS["Yanis Petit"][0])  # no \r, no BOM
    expect(q1.locator(".review-older")).to_have_count(1)
    expect(q1.nth(2).locator(".review-older")).to_contain_text("another version of the text")
    page.locator(".review-group").select_option(label="Trams in Melbourne · 2nde 3 (1 student)")
    expect(answers_to(page, "q1").locator(".review-checks li")).to_have_text(["“kept its trams”: line 1"])


def test_what_a_file_holds_is_shown_as_text_never_run(page: Page):
    page.add_init_script("window.__ran = []")
    page.goto("review/")
    attack = '<script>window.__ran.push("script")</script><img src=x onerror="window.__ran.push(\'img\')">'
    drop_files(page, [as_upload(f"{attack}.txt", hand_in_file(attack, {"q1": attack + "\n<b>bold</b>", "q2": ""},
                                                             group=f"<i>{attack}</i>"))])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(attack + "\n<b>bold</b>")
    expect(file_lines(page)).to_contain_text(attack)
    page.locator(".review-comment").first.fill(attack)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") == []
    assert page.locator(".review img, .review b, .review script:not(.review-data)").count() == 0


def test_filters_and_blind_marking(page: Page):
    page.goto("review/")
    drop_files(page, class_files())
    expect(answers_to(page, "q1")).to_have_count(3)
    page.locator(".review-filter").select_option("failing")
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Chloé Bernard"])
    page.locator(".review-filter").select_option("empty")
    expect(answers_to(page, "q2").locator(".review-student")).to_have_text(["Chloé Bernard"])
    expect(answers_to(page, "q1")).to_have_count(0)
    page.locator(".review-filter").select_option("short")
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Chloé Bernard", "Yanis Petit"])
    expect(answers_to(page, "q2").locator(".review-student")).to_have_text(["Yanis Petit"])
    page.locator(".review-filter").select_option("all")
    page.get_by_label("Hide the names (blind marking)").check()
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Student 1", "Student 2", "Student 3"])
    assert "Léa" not in page.locator(".review-questions").inner_text()
    assert "Léa" not in page.locator(".review-table").inner_text()


def test_the_printed_summary_holds_the_marks_and_the_class_average(page: Page):
    page.goto("review/")
    drop_files(page, class_files())
    for i, mark in enumerate(["4", "2", "3"]):
        answers_to(page, "q1").nth(i).locator(".review-mark").fill(mark)
    page.emulate_media(media="print")
    expect(page.locator(".review-questions")).to_be_hidden()
    expect(page.locator(".review-drop")).to_be_hidden()
    expect(page.locator(".review-table")).to_be_visible()
    expect(page.locator(".review-table tfoot tr")).to_have_text(re.compile(r"^Class average\s*3\s*–\s*3$"))
    expect(page.locator(".review-table thead th:visible")).to_have_text(["Student", "Question 1 / 4", "Question 2 / 6",
                                                                 "Total / 10"])


def test_a_mark_above_the_points_is_refused(page: Page):
    page.goto("review/")
    drop_files(page, class_files())
    mark = answers_to(page, "q1").nth(0).locator(".review-mark")
    mark.fill("5")
    expect(mark).to_have_attribute("aria-invalid", "true")
    expect(answers_to(page, "q1").nth(0).locator(".review-mark-error")).to_have_text(
        "Write a number from 0 to 4: no mark is saved.")
    expect(page.locator(".review-table tbody tr").nth(1)).to_have_text(re.compile(r"^Léa Martin\s*–"))


@pytest.mark.node
@pytest.mark.parametrize("width, scheme", [(1280, "light"), (390, "light"), (1280, "dark")])
def test_axe_finds_nothing_with_a_class_loaded(browser: Browser, review_url, width, scheme):
    context = browser.new_context(base_url=review_url, viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto("review/")
        drop_files(page, class_files() + [as_upload("notes.txt", "Dear teacher")])
        answers_to(page, "q1").nth(0).locator(".review-mark").fill("9")
        expect(answers_to(page, "q1")).to_have_count(3)
        page.evaluate("document.querySelectorAll('.review details').forEach(d => d.open = true)")
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_the_review_page_from_the_files_of_the_offline_copy(browser: Browser, offline_site):
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page = context.new_page()
    try:
        page.goto((offline_site / "review.html").as_uri())
        drop_files(page, class_files())
        expect(answers_to(page, "q1").nth(1).locator(".review-checks li")).to_have_text(
            ["“quickly changed course”: not in the text"])
    finally:
        context.close()
    assert outside == []


def test_the_classroom_menu_has_the_review_page(site):
    assert "Review" in [text(a) for a in soup(site, "").select(".md-tabs__link")]
    assert "review/" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_student_edition_has_no_review_page(student_site):
    assert not (student_site / "review").exists()
    assert "Review" not in [text(a) for a in soup(student_site, "").select(".md-tabs__link")]
    assert "review" not in (student_site / "search" / "search_index.json").read_text(encoding="utf-8").lower()
    assert "review" not in (student_site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_question_shows_its_points_and_the_worksheet_its_total(page: Page):
    page.goto("bikes/questions/")
    expect(page.locator(".question-points")).to_have_text(["4 points", "6 points"])
    expect(page.locator(".questions-total")).to_have_text("Marked out of 10: each question gives its points.")
    page.goto("bikes/worksheet/")
    expect(page.locator(".sheet-questions-title")).to_have_text("Questions (out of 10)")
    page.goto("trams/questions/")  # no points: no total
    expect(page.locator(".question-points, .questions-total")).to_have_count(0)


DROP = """([selector, files]) => {
    const data = new DataTransfer();
    files.forEach(([name, text]) => data.items.add(new File([text], name, {type: "text/plain"})));
    document.querySelector(selector).dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
}"""


def test_files_dropped_on_the_page_are_read(page: Page):
    page.goto("review/")
    page.evaluate(DROP, [".review-drop", [[f"{name}.txt", hand_in_file(name, {"q1": q1, "q2": q2})]
                                          for name, (q1, q2) in CLASS.items()]])
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Léa Martin", "Chloé Bernard", "Yanis Petit"])


DRAG = """([selector, kind, files]) => {
    const data = new DataTransfer();
    files.forEach(([name, text]) => data.items.add(new File([text], name, {type: "text/plain"})));
    const event = new DragEvent(kind, {dataTransfer: data, bubbles: true, cancelable: true});
    document.querySelector(selector).dispatchEvent(event);
    return event.defaultPrevented;  // true: the page takes the drop, the browser does not open the files
}"""


def test_files_dragged_over_the_drop_zone_show_it_and_are_taken_on_drop(page: Page):
    page.goto("review/")
    files = [[f"{name}.txt", hand_in_file(name, {"q1": q1, "q2": q2})] for name, (q1, q2) in CLASS.items()]
    zone = page.locator(".review-drop")
    inside = ".review-drop > *"  # the pointer is over the zone's text, not its edge
    assert page.evaluate(DRAG, [inside, "dragenter", files]) is False
    assert page.evaluate(DRAG, [inside, "dragover", files]) is True
    expect(zone).to_have_class(re.compile(r"\bis-over\b"))
    page.evaluate(DRAG, [".review-drop", "dragleave", files])  # the files pass on without being dropped
    expect(zone).not_to_have_class(re.compile(r"\bis-over\b"))
    assert page.evaluate(DRAG, ["h1", "dragover", files]) is False  # elsewhere on the page, nothing is taken
    expect(zone).not_to_have_class(re.compile(r"\bis-over\b"))

    assert page.evaluate(DRAG, [inside, "dragover", files]) is True
    assert page.evaluate(DRAG, [inside, "drop", files]) is True
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Léa Martin", "Chloé Bernard", "Yanis Petit"])
    expect(zone).not_to_have_class(re.compile(r"\bis-over\b"))


def test_a_student_opening_the_wrong_file_is_told_why(page: Page):
    page.goto("bikes/questions/")
    trams = hand_in_file("Tom Roux", {"q1": "An answer."}, worksheet="trams", title="Trams in Melbourne")
    feedback = trams.replace("Worksheet answers: hand-in file, format 1", "Worksheet feedback: feedback file, format 1")
    page.evaluate(DROP, [".hand-in-feedback", [["trams-feedback.txt", feedback]]])
    expect(page.locator(".hand-in-feedback-status")).to_have_text(
        "trams-feedback.txt: this feedback is for “Trams in Melbourne”, not this page")
    page.locator(".hand-in-feedback input[type=file]").set_input_files(as_upload("mine.txt", trams))
    expect(page.locator(".hand-in-feedback-status")).to_have_text(
        "mine.txt: this is a hand-in file of answers, not your teacher's feedback")
    expect(page.locator(".answer-feedback")).to_have_count(0)


def test_the_keyboard_reaches_every_control(page: Page):
    page.goto("review/")
    page.evaluate("""document.querySelector(".review-drop input[type=file]")
        .addEventListener("click", event => { window.__chooser = true; event.preventDefault() })""")
    tab_until(page, ".review-blind")
    tab_until(page, "[data-review=pick]")
    page.keyboard.press("Enter")
    page.wait_for_function("window.__chooser === true")  # the button opens the file picker
    drop_files(page, class_files())
    expect(answers_to(page, "q1")).to_have_count(3)
    for control in (".review-file-action", ".review-group", ".review-filter", ".review-mark", ".review-comment",
                    ".review-feedback", "[data-review=csv]", "[data-review=print]"):
        tab_until(page, control, limit=200)
