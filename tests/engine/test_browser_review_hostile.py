"""The class loop under crafted files, in a real browser: no file can change
another student's marks. Names, worksheets and questions called like the
properties of a script's objects; namesakes, nameless files and later
hand-ins; blind marking; files too big and answers too long; a classmate's
feedback; a mark that is not one; French decimals; UTF-16 and decomposed
accents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support_review import (PROPERTY_NAMES, answers_to, as_upload, drop_files, file_lines, hand_in_file,
                            summary_rows)

pytestmark = pytest.mark.browser

QUOTING = 'Cars "took over the city\'s old streets" (l. 6), and "many children died in road accidents" (l. 7).'


@pytest.fixture
def page(browser: Browser, review_url):
    context = browser.new_context(base_url=review_url, accept_downloads=True, timezone_id="UTC")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def mark(page: Page, qid: str, student: int, value: str) -> None:
    answers_to(page, qid).nth(student).locator(".review-mark").fill(value)


def reload_with(page: Page, files: list) -> None:
    page.reload()
    page.wait_for_load_state("networkidle")
    drop_files(page, files)
    expect(file_lines(page)).to_have_count(len(files))


def test_a_student_named_like_an_objects_property_marks_only_themselves(page: Page):
    names = ["Léa Martin", *PROPERTY_NAMES]
    files = [as_upload(f"file-{i}.txt", hand_in_file(name, {"q1": f"Answer of {name}.", "q2": ""}))
             for i, name in enumerate(names)]
    page.goto("review/")
    drop_files(page, files)
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(names)
    for i, value in enumerate(["1", "4", "2", "3"]):
        mark(page, "q1", i, value)
    mark(page, "q2", 1, "5")  # __proto__'s
    expect(page.locator(".review-table tbody tr th")).to_have_text(["__proto__", "constructor", "Léa Martin", "toString"])
    expect(page.locator(".review-table tbody tr")).to_have_text([
        re.compile(r"^__proto__\s*4\s*5\s*9"), re.compile(r"^constructor\s*2\s*–\s*2"),
        re.compile(r"^Léa Martin\s*1\s*–\s*1"), re.compile(r"^toString\s*3\s*–\s*3")])
    assert page.evaluate("Object.keys(Object.prototype).length === 0 && ({}).q1 === undefined")
    # A file read afterwards reads as any other.
    drop_files(page, [as_upload("yanis.txt", hand_in_file("Yanis Petit", {"q1": "Late.", "q2": ""}))])
    expect(file_lines(page).last).to_have_text("yanis.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3")
    expect(page.locator(".review-table tbody tr").last).to_have_text(re.compile(r"^Yanis Petit\s*–\s*–\s*–"))
    # Each keeps their own marks on the device.
    reload_with(page, files)
    expect(page.locator(".review-table tbody tr")).to_have_text([
        re.compile(r"^__proto__\s*4\s*5\s*9"), re.compile(r"^constructor\s*2\s*–\s*2"),
        re.compile(r"^Léa Martin\s*1\s*–\s*1"), re.compile(r"^toString\s*3\s*–\s*3")])
    assert page.errors == []


@pytest.mark.parametrize("worksheet", PROPERTY_NAMES)
def test_a_worksheet_named_like_an_objects_property_is_one_like_any_other(page: Page, worksheet):
    page.goto("review/")
    drop_files(page, [as_upload("lea.txt", hand_in_file("Léa Martin", {"q1": QUOTING, "q2": ""}, worksheet=worksheet,
                                                        title=f"Bikes as {worksheet}"))])
    expect(file_lines(page)).to_have_text([f"lea.txt: Bikes as {worksheet}, Léa Martin, 2nde 3"])
    expect(answers_to(page, "q1").locator(".review-checks li")).to_have_text([
        "“took over the city's old streets”: line 6", "“many children died in road accidents”: line 7"])
    mark(page, "q1", 0, "3")
    expect(page.locator(".review-table tbody tr")).to_have_text([re.compile(r"^Léa Martin\s*3\s*–\s*3")])
    assert page.errors == []


@pytest.mark.parametrize("worksheet", ["hasOwnProperty", "valueOf", "__defineGetter__"])
def test_a_file_for_a_worksheet_the_site_does_not_have_says_so(page: Page, worksheet):
    page.goto("review/")
    drop_files(page, [as_upload("odd.txt", hand_in_file("Léa Martin", {"q1": "An answer."}, worksheet=worksheet))])
    expect(file_lines(page)).to_have_text([f"odd.txt: cannot be read: it answers a worksheet this site does not have "
                                           f"(“{worksheet}”)"])
    assert page.errors == []


def test_answers_to_questions_named_like_an_objects_property_are_counted_not_read(page: Page):
    page.goto("review/")
    drop_files(page, [as_upload("odd.txt", hand_in_file("Léa Martin", {
        "q1": "My answer.", "constructor": "One.", "toString": "Two.", "__proto__": "Three.", "hasOwnProperty": "Four."}))])
    expect(file_lines(page)).to_have_text([
        "odd.txt: Bicycles in Amsterdam, Léa Martin, 2nde 3. 4 answers are to questions the worksheet no longer has."])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text("My answer.")
    expect(answers_to(page, "q2").locator(".review-answer-text")).to_have_text("No answer.")
    assert page.errors == []


def test_namesakes_stay_apart_with_their_own_marks(page: Page):
    first = as_upload("bikes-answers-Léa-Petit.txt", hand_in_file("Léa Petit", {"q1": "The first Léa.", "q2": ""}))
    second = as_upload("Léa Petit_4711_bikes-answers-Léa-Petit.txt",
                       hand_in_file("Léa Petit", {"q1": "The second Léa.", "q2": ""}))
    page.goto("review/")
    drop_files(page, [first])
    mark(page, "q1", 0, "4")
    drop_files(page, [second])
    expect(file_lines(page)).to_have_text([
        "bikes-answers-Léa-Petit.txt: Bicycles in Amsterdam, Léa Petit, 2nde 3. Another file has the same name and "
        "class (Léa Petit_4711_bikes-answers-Léa-Petit.txt): both are kept apart, shown with their file.",
        "Léa Petit_4711_bikes-answers-Léa-Petit.txt: Bicycles in Amsterdam, Léa Petit, 2nde 3. Another file has the "
        "same name and class (bikes-answers-Léa-Petit.txt): both are kept apart, shown with their file."])
    expect(page.locator(".review-group option")).to_have_text(["Bicycles in Amsterdam · 2nde 3 (2 students)"])
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text([
        "Léa Petit (2nde 3, bikes-answers-Léa-Petit.txt)", "Léa Petit (2nde 3, Léa Petit_4711_bikes-answers-Léa-Petit.txt)"])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["The first Léa.", "The second Léa."])
    mark(page, "q1", 1, "1")
    assert summary_rows(page) == ["Léa Petit (2nde 3, bikes-answers-Léa-Petit.txt) | 4 | – | 4",
                                  "Léa Petit (2nde 3, Léa Petit_4711_bikes-answers-Léa-Petit.txt) | 1 | – | 1"]
    # After a reload, loaded the other way round, each finds their own marks.
    reload_with(page, [second, first])
    assert summary_rows(page) == ["Léa Petit (2nde 3, bikes-answers-Léa-Petit.txt) | 4 | – | 4",
                                  "Léa Petit (2nde 3, Léa Petit_4711_bikes-answers-Léa-Petit.txt) | 1 | – | 1"]
    # Their feedback files have names of their own.
    names = []
    for button in page.get_by_role("button", name=re.compile("^Feedback file for Léa Petit")).all():
        with page.expect_download() as download:
            button.click()
        names.append(download.value.suggested_filename)
    assert names == ["bikes-feedback-Léa-Petit-bikes-answers-Léa-Petit.txt",
                     "bikes-feedback-Léa-Petit-Léa-Petit-4711-bikes-answers-Léa-Petit.txt"]


def test_files_with_no_name_each_stay(page: Page):
    page.goto("review/")
    drop_files(page, [as_upload(f"scan-{i}.txt", hand_in_file(None, {"q1": f"Nameless {i}.", "q2": ""}))
                      for i in (1, 2, 3)])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["Nameless 1.", "Nameless 2.", "Nameless 3."])
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(
        [f"(no name) (2nde 3, scan-{i}.txt)" for i in (1, 2, 3)])
    mark(page, "q1", 1, "2")
    assert summary_rows(page) == ["(no name) (2nde 3, scan-1.txt) | – | – | –", "(no name) (2nde 3, scan-2.txt) | 2 | – | 2",
                                  "(no name) (2nde 3, scan-3.txt) | – | – | –"]


def test_a_later_hand_in_replaces_the_earlier_says_so_and_can_be_undone(page: Page):
    earlier = as_upload("bikes-answers-Léa-Martin.txt", hand_in_file("Léa Martin", {"q1": "My first try.", "q2": ""}))
    later = as_upload("bikes-answers-Léa-Martin.txt", hand_in_file(
        "Léa Martin", {"q1": "My second try.", "q2": ""}, written="2026-12-02T17:05:00.000Z"))
    page.goto("review/")
    drop_files(page, [earlier, as_upload("yanis.txt", hand_in_file("Yanis Petit", {"q1": "Yanis.", "q2": ""}))])
    mark(page, "q1", 0, "2")
    drop_files(page, [later])
    expect(file_lines(page)).to_have_text([
        "yanis.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3",
        "bikes-answers-Léa-Martin.txt: Bicycles in Amsterdam, Léa Martin, 2nde 3. It replaces the copy of this file "
        "loaded before (that one written 1 Dec 2026, 09:30, this one 2 Dec 2026, 17:05)."])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["My second try.", "Yanis."])
    expect(answers_to(page, "q1").nth(0).locator(".review-mark")).to_have_value("2")  # the same student's mark
    page.get_by_role("button", name="Undo: put back the copy of bikes-answers-Léa-Martin.txt loaded before").click()
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["My first try.", "Yanis."])
    expect(file_lines(page)).to_have_text(["yanis.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3",
                                           "bikes-answers-Léa-Martin.txt: Bicycles in Amsterdam, Léa Martin, 2nde 3"])
    expect(page.locator(".review-drop-status")).to_have_text(
        "Undone: the copy of bikes-answers-Léa-Martin.txt loaded before is back.")


def test_each_file_can_be_removed_and_its_marks_come_back_with_it(page: Page):
    files = [as_upload(f"{name}.txt", hand_in_file(name, {"q1": f"{name}'s answer.", "q2": ""}))
             for name in ("Léa", "Yanis")]
    page.goto("review/")
    drop_files(page, files + [as_upload("notes.txt", "Dear teacher")])
    mark(page, "q1", 1, "3")
    page.get_by_role("button", name="Remove notes.txt").click()
    page.get_by_role("button", name="Remove Yanis.txt").click()
    expect(file_lines(page)).to_have_text(["Léa.txt: Bicycles in Amsterdam, Léa, 2nde 3"])
    expect(page.locator(".review-drop-status")).to_have_text(
        "Removed Yanis.txt. Its marks stay on this device: load the file again to see them.")
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Léa"])
    page.get_by_role("button", name="Remove Léa.txt").click()
    expect(page.locator(".review-work")).to_be_hidden()
    drop_files(page, files[1:])
    expect(answers_to(page, "q1").nth(0).locator(".review-mark")).to_have_value("3")


def test_blind_marking_hides_every_name_and_numbers_students_by_a_draw_kept_with_the_marks(page: Page):
    # A draw that is not the files' order: with Math.random() always 0, three students come 2, 3, 1.
    page.add_init_script("Math.random = () => 0")
    names = ["Zoé Aubert", "Adam Zidane", "Marc Durand"]
    files = [as_upload(f"bikes-answers-{name.replace(' ', '-')}.txt", hand_in_file(name, {"q1": f"By {i}.", "q2": ""}))
             for i, name in enumerate(names)]
    page.goto("review/")
    page.get_by_label("Hide the names (blind marking)").check()
    drop_files(page, files + [as_upload("bikes-answers-Inès-Roux.txt", "Dear teacher, Inès")])
    expect(file_lines(page)).to_have_text([
        "Student 1: Bicycles in Amsterdam, 2nde 3", "Student 2: Bicycles in Amsterdam, 2nde 3",
        "Student 3: Bicycles in Amsterdam, 2nde 3",
        "A file: cannot be read: not a hand-in or feedback file of this site: its first line should be "
        "“Worksheet answers: hand-in file, format 1”"])
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Student 1", "Student 2", "Student 3"])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["By 1.", "By 2.", "By 0."])
    mark(page, "q1", 2, "4")  # Student 3: Zoé
    expect(page.locator(".review-table tbody th")).to_have_text(["Student 1", "Student 2", "Student 3"])
    with page.expect_download():
        page.get_by_role("button", name="Feedback file for Student 3").click()
    expect(page.locator(".review-status")).to_have_text("Downloaded the feedback file of Student 3.")
    shown = page.locator(".review").evaluate(
        "r => r.innerText + ' ' + Array.from(r.querySelectorAll('[aria-label]')).map(e => e.getAttribute('aria-label')).join(' ')")
    for name in [*names, "Inès"]:
        for part in name.split():
            assert part not in shown
    # The draw and the choice stay on the device: after a reload, the same numbers, names still hidden.
    page.add_init_script("Math.random = () => 0.99")
    reload_with(page, list(reversed(files)))
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(["By 1.", "By 2.", "By 0."])
    expect(page.locator(".review-table tbody tr").nth(2)).to_have_text(re.compile(r"^Student 3\s*4"))
    # Names show when the teacher asks.
    page.get_by_label("Hide the names (blind marking)").uncheck()
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Marc Durand", "Adam Zidane", "Zoé Aubert"])
    expect(page.locator(".review-table tbody tr th")).to_have_text(["Adam Zidane", "Marc Durand", "Zoé Aubert"])


def test_a_file_over_1_mb_is_refused_at_once_and_the_page_goes_on(page: Page, tmp_path: Path):
    huge = tmp_path / "bikes-answers-film.txt"
    huge.write_text(hand_in_file("Léa Martin", {"q1": "x" * (50 * 1024 * 1024), "q2": ""}), encoding="utf-8")
    just_over = as_upload("just-over.txt", hand_in_file("Léa Martin", {"q1": "y" * (1024 * 1024), "q2": ""}))
    page.add_init_script("window.__read = 0; const read = Blob.prototype.arrayBuffer;"
                         "Blob.prototype.arrayBuffer = function () { window.__read += this.size; return read.call(this) }")
    page.goto("review/")
    drop_files(page, [str(huge)])
    expect(file_lines(page)).to_have_text([
        "bikes-answers-film.txt: cannot be read: it is 50 MB, and a hand-in or feedback file is at most 1 MB "
        "(1,024 KB): is it the right file?"])
    assert page.evaluate("window.__read") == 0  # refused by its size, unread
    drop_files(page, [just_over, as_upload("yanis.txt", hand_in_file("Yanis Petit", {"q1": "An answer.", "q2": ""}))])
    expect(file_lines(page)).to_have_text([
        re.compile(r"^bikes-answers-film\.txt: cannot be read: it is 50 MB"),
        "just-over.txt: cannot be read: it is 1,025 KB, and a hand-in or feedback file is at most 1 MB (1,024 KB): "
        "is it the right file?",
        "yanis.txt: Bicycles in Amsterdam, Yanis Petit, 2nde 3"])
    expect(page.locator(".review-drop-status")).to_have_text("2 files: 1 loaded, 1 cannot be read.")
    expect(answers_to(page, "q1").locator(".review-student")).to_have_text(["Yanis Petit"])


def test_an_answer_longer_than_the_page_checks_is_cut_and_says_so(page: Page):
    long = ("I quote \"more bicycles than people\" (l. 1). " + "And so on. " * 4000)[:30000]
    page.goto("review/")
    drop_files(page, [as_upload("long.txt", hand_in_file("Léa Martin", {"q1": long, "q2": ""}))])
    expect(file_lines(page)).to_have_text([
        "long.txt: Bicycles in Amsterdam, Léa Martin, 2nde 3. The answer to Question 1 is 30,000 characters long: "
        "only its first 20,000 are shown and checked."])
    answer = answers_to(page, "q1").nth(0)
    expect(answer.locator(".review-older")).to_have_text(
        "This answer is 30,000 characters long: only its first 20,000 are shown and checked.")
    assert len(answer.locator(".review-answer-text").text_content()) == 20000
    expect(answer.locator(".review-count")).to_have_text(re.compile(r"^8\d\d\d words"))  # the whole answer's
    expect(answer.locator(".review-checks li")).to_have_text(["“more bicycles than people”: line 1"])


def test_a_mark_that_is_not_one_is_not_saved_and_the_saved_one_is_named(page: Page):
    files = [as_upload("lea.txt", hand_in_file("Léa Martin", {"q1": "An answer.", "q2": ""}))]
    page.goto("review/")
    drop_files(page, files)
    field = answers_to(page, "q1").nth(0).locator(".review-mark")
    error = answers_to(page, "q1").nth(0).locator(".review-mark-error")
    field.fill("3")
    field.fill("3x")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(error).to_have_text("Write a number from 0 to 4: the mark saved is still 3.")
    expect(page.locator(".review-table tbody tr")).to_have_text([re.compile(r"^Léa Martin\s*3\s*–\s*3")])
    with page.expect_download() as download:
        page.get_by_role("button", name="Marks (CSV)").click()
    assert Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()[1] == "Léa Martin;2nde 3;3;;3;lea.txt"
    reload_with(page, files)
    expect(answers_to(page, "q1").nth(0).locator(".review-mark")).to_have_value("3")
    field.fill("")  # no mark: saved as none
    expect(error).to_have_text("")
    expect(page.locator(".review-table tbody tr")).to_have_text([re.compile(r"^Léa Martin\s*–\s*–\s*–")])


def test_a_french_device_shows_decimal_commas_on_screen_in_print_and_in_feedback(browser: Browser, review_url):
    context = browser.new_context(base_url=review_url, accept_downloads=True, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto("review/")
        drop_files(page, [as_upload(f"{n}.txt", hand_in_file(n, {"q1": "Une réponse.", "q2": ""})) for n in ("Léa", "Tom")])
        mark(page, "q1", 0, "2,5")
        mark(page, "q1", 1, "3.75")
        expect(answers_to(page, "q1").nth(1).locator(".review-mark")).to_have_value("3.75")  # as typed
        expect(page.locator(".review-table tbody tr")).to_have_text([re.compile(r"^Léa\s*2,5\s*–\s*2,5"),
                                                                     re.compile(r"^Tom\s*3,75\s*–\s*3,75")])
        expect(page.locator(".review-table tfoot tr")).to_have_text(re.compile(r"Class average\s*3,13\s*–\s*3,13"))
        page.emulate_media(media="print")
        expect(page.locator(".review-table tbody tr").first).to_have_text(re.compile(r"^Léa\s*2,5"))
        page.emulate_media(media="screen")
        with page.expect_download() as download:
            page.get_by_role("button", name="Feedback file for Léa").click()
        said = Path(download.value.path()).read_text(encoding="utf-8")
        assert "total: 2,5 / 10" in said and "mark: 2,5 / 4" in said
        page.reload()
        drop_files(page, [as_upload("Léa.txt", hand_in_file("Léa", {"q1": "Une réponse.", "q2": ""}))])
        expect(answers_to(page, "q1").nth(0).locator(".review-mark")).to_have_value("2,5")
    finally:
        context.close()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf_16_file_is_read(page: Page, encoding):
    page.goto("review/")
    drop_files(page, [as_upload("unicode.txt", ("\ufeff" + hand_in_file("Inès Moreau", {"q1": QUOTING, "q2": ""})
                                                .replace("\n", "\r\n")).encode(encoding))])
    expect(file_lines(page)).to_have_text(["unicode.txt: Bicycles in Amsterdam, Inès Moreau, 2nde 3"])
    expect(answers_to(page, "q1").locator(".review-answer-text")).to_have_text(QUOTING)


def test_names_are_compared_as_unicode_letters_not_bytes(page: Page):
    composed = as_upload("lea.txt", hand_in_file("Léa Martin", {"q1": "Composed.", "q2": ""}, group="2nde 3"))
    decomposed = as_upload("lea.txt", hand_in_file(" Le\u0301a  Martin ", {"q1": "Decomposed.", "q2": ""},
                                                   group="2NDE 3", written="2026-12-02T09:30:00.000Z"))
    page.goto("review/")
    drop_files(page, [composed])
    mark(page, "q1", 0, "4")
    drop_files(page, [decomposed])  # the same student, handing in again
    expect(page.locator(".review-group option")).to_have_text(["Bicycles in Amsterdam · 2NDE 3 (1 student)"])
    expect(file_lines(page)).to_have_text([re.compile(r"^lea\.txt: .*It replaces the copy of this file loaded before")])
    expect(page.locator(".review-table tbody tr")).to_have_text([re.compile(r"^Léa Martin\s*4\s*–\s*4")])


# -- On the student's page --------------------------------------------------------------------

@pytest.fixture
def student(browser: Browser, review_url):
    context = browser.new_context(base_url=review_url, accept_downloads=True)
    page = context.new_page()
    page.goto("bikes/questions/")
    page.locator("#answer-q1").fill("My answer.")
    yield page
    context.close()


def test_the_student_page_asks_for_a_name_before_it_downloads(student: Page):
    downloads = []
    student.on("download", lambda download: downloads.append(download))
    student.get_by_role("button", name="Download (.txt)").click()
    expect(student.locator(".hand-in-status")).to_have_text(
        "Write your name first: your teacher tells the files apart by it.")
    expect(student.locator("#hand-in-name")).to_be_focused()
    expect(student.locator("#hand-in-name")).to_have_attribute("aria-invalid", "true")
    student.wait_for_timeout(300)
    assert downloads == []
    student.keyboard.type("Léa Martin")
    expect(student.locator("#hand-in-name")).not_to_have_attribute("aria-invalid", "true")
    with student.expect_download() as download:
        student.get_by_role("button", name="Download (.txt)").click()
    assert download.value.suggested_filename == "bikes-answers-Léa-Martin.txt"


def feedback_for(name: str, group: str = "2nde 3", text: str | None = None) -> dict:
    return as_upload("feedback.txt", hand_in_file(name, {"q1": "Well quoted.", "q2": ""}, group=group, text=text,
                                                  kind="feedback", total="3 / 10"))


def open_feedback(page: Page, upload: dict) -> None:
    page.locator(".hand-in-feedback input[type=file]").set_input_files(upload)


def test_a_classmates_feedback_says_whose_it_is_and_shows_only_when_asked(student: Page):
    student.locator("#hand-in-name").fill("Chloé Bernard")
    student.locator("#hand-in-class").fill("2nde 3")
    open_feedback(student, feedback_for("Léa Martin", group="2nde 4"))
    status = student.locator(".hand-in-feedback-status")
    expect(status).to_have_text("feedback.txt: it is for “Léa Martin”, and the name on this page is “Chloé Bernard”; "
                                "it is for the class “2nde 4”, and the class on this page is “2nde 3”. Is it yours? "
                                "Show it anyway")
    student.wait_for_timeout(300)
    expect(student.locator(".answer-feedback")).to_have_count(0)
    status.get_by_role("button", name="Show it anyway").click()
    expect(student.locator("[data-question=q1] .answer-feedback-title")).to_have_text("Your teacher: 3 / 4")
    expect(status).to_have_text("Feedback opened from feedback.txt: 3 / 10. It stands under each answer; "
                                "your saved answers are unchanged.")


def test_ones_own_feedback_opens_whatever_the_accents_and_capitals(student: Page):
    student.locator("#hand-in-name").fill("  léa  MARTIN ")
    open_feedback(student, feedback_for("Le\u0301a Martin"))
    expect(student.locator("[data-question=q1] .answer-feedback-title")).to_have_text("Your teacher: 3 / 4")


def test_feedback_on_another_version_of_the_text_says_so(student: Page):
    student.locator("#hand-in-name").fill("Léa Martin")
    open_feedback(student, feedback_for("Léa Martin", text="0123456789abcdef"))
    expect(student.locator(".hand-in-feedback-status")).to_have_text(
        "Feedback opened from feedback.txt: 3 / 10. It stands under each answer; your saved answers are unchanged. "
        "It was written on another version of the text: its line numbers may differ.")


def test_a_feedback_file_over_1_mb_is_refused(student: Page, tmp_path: Path):
    big = tmp_path / "feedback.txt"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    open_feedback(student, str(big))
    expect(student.locator(".hand-in-feedback-status")).to_have_text(
        "feedback.txt: it is 3 MB, and a hand-in or feedback file is at most 1 MB (1,024 KB): is it the right file?")
