"""The answer boxes in a real browser. What a student does: write, come back
(reload, instant navigation, another tab), quote and see each quotation
checked, hand in (copy, download, print), clear; on a phone, from the
keyboard, without storage, in the student edition and from the files. What
a teacher does: the model answer beside the student's. And nothing is sent."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support import LIBRARY, axe_violations, pdf_pages, pdf_text, tab_until

pytestmark = pytest.mark.browser

Q1 = 'Parents and activists protested: "many children died in road accidents" (l. 7).'
Q2 = 'There are "more bicycles than people" (l. 1) and "a free place" is hard to find.'
FINAL = 'Amsterdam, where the council "slowly changed course" (l. 9), not Melbourne, where "a bicycle wheel can slip into the rails" (l. 6).'
BLOCKED = """Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError") } });"""
FULL = """Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError") };"""
#: Records each uncaught error with the file it comes from.
RECORD_ERRORS = "window.__errors = []; addEventListener('error', e => __errors.push(e.filename + ': ' + e.message));"
#: Counts the calls to window.print() instead of opening the print dialog.
COUNT_PRINTS = "window.print = () => { window.__prints = (window.__prints || 0) + 1 };"


def box(page: Page, question: str = "q1"):
    return page.locator(f"#answer-{question}")


def verdicts(page: Page, question: str = "q1"):
    return page.locator(f"[data-question={question}] .answer-check li")


def hand_in(page: Page, name: str):
    return page.locator(".hand-in").get_by_role("button", name=name, exact=True)


def confirmation(page: Page):
    return page.get_by_role("dialog", name=re.compile("^Clear your name and all your answers"))


def today() -> str:
    day = datetime.date.today()
    return f"{day.day} {day:%B %Y}"


def test_an_answer_survives_a_reload_instant_navigation_and_a_new_tab(page: Page):
    page.goto("bikes/questions/")
    box(page).fill(Q1)
    expect(page.locator("[data-question=q1] .answer-count")).to_have_text("12 words")
    page.reload()
    expect(box(page)).to_have_value(Q1)
    expect(page.locator("[data-question=q1] .answer-count")).to_have_text("12 words")
    page.evaluate("window.__sameDocument = true")
    page.locator(".worksheet-bar a", has_text="Article").click()
    page.wait_for_url("**/bikes/article/")
    page.locator(".worksheet-bar a", has_text="Questions").click()
    page.wait_for_url("**/bikes/questions/")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, no reload
    expect(box(page)).to_have_value(Q1)
    other = page.context.new_page()
    other.goto("bikes/questions/")
    expect(box(other)).to_have_value(Q1)
    expect(box(other, "q2")).to_have_value("")
    other.goto("sequences/city-transport/")  # a sequence keeps its own answers
    expect(box(other, "final-task")).to_have_value("")


def test_what_is_typed_before_the_answer_code_arrives_is_kept_and_saved(page: Page):
    """On a slow connection a student may type before the page's answer code
    has loaded: it must not empty the box when it does."""
    held = []
    page.route(re.compile(r"/answers\.[0-9a-f]+\.js$|/answers\.js$"), lambda route: held.append(route))
    page.goto("bikes/questions/", wait_until="domcontentloaded")
    expect(box(page)).to_be_visible()
    page.wait_for_timeout(300)
    assert len(held) == 1, "the answer code was not held back"
    box(page).fill(Q1)
    held[0].continue_()
    expect(page.locator("[data-question=q1] .answer-count")).to_have_text("12 words")
    expect(box(page)).to_have_value(Q1)
    page.unroute_all()
    page.reload()
    expect(box(page)).to_have_value(Q1)


@pytest.mark.parametrize("answer, said, right", [
    ('In the end the council "slowly changed course".', "“slowly changed course”: line 9", True),
    ('In the end the council "quickly changed course".', "“quickly changed course”: not in the text", False),
    ('They marched: "Parents and activists protested" (lines 7–8).', "“Parents and activists protested”: lines 7–8", True),
    ('Cars "took over the city\'s old streets" (l. 4).', "“took over the city's old streets”: line 6, not line 4", False),
    ("Look at line 40.", "line 40: the text has 13 lines", False),
    ("The council 'slowly changed course' (l. 9).", "“slowly changed course”: line 9", True),
], ids=["a correct quotation", "one word changed", "across two printed lines", "a wrong line", "a line that does not exist",
        "in single quotes"])
def test_each_quotation_is_checked_against_the_text(page: Page, answer, said, right):
    page.goto("bikes/questions/")
    box(page).press_sequentially(answer)
    expect(verdicts(page)).to_have_text([said])
    expect(verdicts(page)).to_have_class("is-ok" if right else "is-wrong")


def test_the_check_follows_the_answer_as_it_changes(page: Page):
    page.goto("bikes/questions/")
    box(page).fill('"slowly changed course" (l. 9) and "Stop the child murder"')
    expect(verdicts(page)).to_have_text(["“slowly changed course”: line 9", "“Stop the child murder”: lines 8–9"])
    first = verdicts(page).first.element_handle()
    box(page).press("End")
    box(page).press_sequentially(' (l. 8), "wobble"')
    expect(verdicts(page)).to_have_text(["“slowly changed course”: line 9", "“Stop the child murder”: lines 8–9, not line 8",
                                         "“wobble”: line 4"])
    assert first.evaluate("e => e.isConnected")  # an unchanged line is not read out again
    box(page).fill("")
    expect(verdicts(page)).to_have_count(0)


def test_a_final_task_checks_each_article_of_its_sequence_and_the_document_named(page: Page):
    page.goto("sequences/city-transport/")
    box(page, "final-task").fill(FINAL)
    expect(verdicts(page, "final-task")).to_have_text([
        "“slowly changed course”: Bicycles in Amsterdam, line 9",
        "“a bicycle wheel can slip into the rails”: Trams in Melbourne, lines 5–6, not line 6"])
    box(page, "final-task").fill('It "kept its trams" (doc. 2, l. 1), and "kept its trams" (doc. 1, l. 1), see line 20.')
    expect(verdicts(page, "final-task")).to_have_text([
        "“kept its trams”: Trams in Melbourne, line 1",
        "“kept its trams”: Trams in Melbourne, line 1, not document 1, line 1",
        "line 20: no text has it"])


def test_typing_and_checking_send_nothing(page: Page, outside_requests):
    page.goto("bikes/questions/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request))
    box(page).press_sequentially('The council "slowly changed course" (l. 9).')
    expect(verdicts(page)).to_have_text(["“slowly changed course”: line 9"])
    box(page, "q2").press_sequentially('"wide, red and car-free"')
    expect(verdicts(page, "q2")).to_have_text(["“wide, red and car-free”: line 11"])
    page.locator("#hand-in-name").fill("Jeanne Dupont")
    # The one request: the article's lines, a file of the site, loaded once, asking nothing.
    assert [(r.method, r.url.rsplit("/", 2)[-2:], r.post_data) for r in requests] == [
        ("GET", ["bikes", "article-lines.js"], None)]
    assert outside_requests == []


ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def bikes_fingerprint() -> str:
    from worksheet.fingerprint import text_fingerprint
    from worksheet.model import load_worksheet
    return text_fingerprint([load_worksheet(LIBRARY / "bikes", "bikes").article])


def test_the_downloaded_file_holds_the_name_the_questions_and_the_answers(page: Page):
    page.goto("bikes/questions/")
    box(page).fill(Q1)
    page.locator("#hand-in-name").fill("Jeanne Dupont")
    page.locator("#hand-in-class").fill("1re B")
    with page.expect_download() as download:
        hand_in(page, "Download (.txt)").click()
    assert download.value.suggested_filename == "bikes-answers-Jeanne-Dupont.txt"
    content = Path(download.value.path()).read_bytes().decode("utf-8")
    times = ISO_TIME.findall(content)
    assert len(times) == 2  # the file's, and the one answer's
    assert ISO_TIME.sub("TIME", content.replace("\r\n", "\n")) == (
        "Worksheet answers: hand-in file, format 1\nworksheet: bikes\ntitle: Bicycles in Amsterdam\n"
        f"text: {bikes_fingerprint()}\nname: Jeanne Dupont\nclass: 1re B\nwritten: TIME\n\n"
        f"[q1] Question 1\n  How did « Parents and activists » change the city?\nwritten: TIME\n| {Q1}\n\n"
        "[q2] Question 2\n  Why might commuters agree that \"the hardest part of cycling here\" is to park?\n(no answer)\n")
    assert "\r\n" in content  # Windows' Notepad shows the lines
    expect(page.locator(".hand-in-status")).to_have_text("Downloaded: bikes-answers-Jeanne-Dupont.txt")


def test_copying_puts_the_same_text_on_the_clipboard(page: Page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("bikes/questions/")
    box(page, "q2").fill(Q2)
    hand_in(page, "Copy my answers").click()
    expect(page.locator(".hand-in-status")).to_contain_text("Copied")
    copied = ISO_TIME.sub("TIME", page.evaluate("navigator.clipboard.readText()"))
    assert copied.startswith("Worksheet answers: hand-in file, format 1\nworksheet: bikes\n")
    assert "name: \nclass: \nwritten: TIME\n" in copied
    assert "[q1] Question 1\n  How did « Parents and activists » change the city?\n(no answer)\n" in copied
    assert copied.endswith(f"is to park?\nwritten: TIME\n| {Q2}\n")


@pytest.mark.pdf
def test_the_printed_worksheet_holds_the_typed_answers_on_as_many_pages(page: Page, tmp_path):
    page.add_init_script(COUNT_PRINTS)
    page.goto("bikes/worksheet/")
    page.pdf(path=tmp_path / "blank.pdf", format="A4")
    page.goto("bikes/questions/")
    box(page).fill(Q1)
    box(page, "q2").fill(Q2)
    page.locator("#hand-in-name").fill("Jeanne Dupont")
    page.locator("#hand-in-class").fill("1re B")
    page.get_by_role("link", name="Print my worksheet").click()
    page.wait_for_url(re.compile(r"/bikes/worksheet/\?mine=1$"))  # printed once, not again on a reload
    page.wait_for_function("window.__prints === 1")
    expect(page.locator(".mine-note")).to_be_visible()
    page.pdf(path=tmp_path / "mine.pdf", format="A4")
    printed = " ".join(pdf_text(tmp_path / "mine.pdf").split())
    assert Q1 in printed and Q2 in printed
    assert "Name: Jeanne Dupont" in printed and "Class: 1re B" in printed and f"Date: {today()}" in printed
    assert "Model answer" not in printed
    assert pdf_pages(tmp_path / "mine.pdf") == pdf_pages(tmp_path / "blank.pdf")

    # A longer answer grows its space rather than being cut.
    ending = "and that is the last sentence of a very long answer."
    page.goto("bikes/questions/")
    box(page).fill("The council listened to the parents and the city changed. " * 40 + ending)
    page.goto("bikes/worksheet/?mine=1")
    page.pdf(path=tmp_path / "long.pdf", format="A4")
    assert ending in " ".join(pdf_text(tmp_path / "long.pdf").split())

    # A teacher printing a blank sheet on the same device gets a blank sheet.
    page.goto("bikes/worksheet/")
    page.pdf(path=tmp_path / "again.pdf", format="A4")
    again = pdf_text(tmp_path / "again.pdf")
    assert "parents and the city" not in again and "Jeanne" not in again


@pytest.mark.pdf
def test_printing_a_final_task_prints_the_answer(page: Page, tmp_path):
    page.add_init_script(COUNT_PRINTS)
    page.goto("sequences/city-transport/")
    box(page, "final-task").fill(FINAL)
    hand_in(page, "Print my answers").click()
    page.wait_for_function("window.__prints === 1")
    page.pdf(path=tmp_path / "final.pdf", format="A4")
    assert FINAL in " ".join(pdf_text(tmp_path / "final.pdf").split())


@pytest.mark.pdf
def test_on_a_short_phone_screen_an_answer_far_down_is_back_at_once_on_coming_back(browser: Browser, base_url,
                                                                                     tmp_path):
    """A phone draws and checks only what is near the screen as the page
    loads: the answer of the last question, far below, must still be in its
    box, in a hand-in made at once, and on paper, and be checked when the
    student scrolls to it."""
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 400}, is_mobile=True,
                                  has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("bikes/questions/")
    box(page, "q2").fill(Q2)
    expect(verdicts(page, "q2").first).to_have_text("“more bicycles than people”: line 1")
    checked = verdicts(page, "q2").all_text_contents()
    count = page.locator("[data-question=q2] .answer-count").text_content()
    page.goto("bikes/questions/")  # anew, at the top (a reload keeps the scroll)
    assert page.evaluate("scrollY") == 0
    assert page.evaluate("document.querySelector('#answer-q2').getBoundingClientRect().top") > 2 * 400
    hand_in(page, "Copy my answers").click()  # at once, without scrolling down
    expect(page.locator(".hand-in-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"\n| {Q2}\n")
    page.goto("bikes/questions/")
    expect(box(page, "q2")).to_have_value(Q2)
    expect(page.locator("[data-question=q2] .answer-count")).to_have_text(count)
    page.pdf(path=tmp_path / "answers.pdf", format="A4")
    assert Q2 in " ".join(pdf_text(tmp_path / "answers.pdf").split())
    box(page, "q2").scroll_into_view_if_needed()
    expect(verdicts(page, "q2")).to_have_text(checked)
    context.close()


def test_clearing_asks_first(page: Page):
    page.goto("bikes/questions/")
    box(page).fill(Q1)
    page.locator("#hand-in-name").fill("Jeanne Dupont")
    hand_in(page, "Clear my answers").click()
    dialog = confirmation(page)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Keep my answers").click()
    expect(dialog).to_be_hidden()
    expect(box(page)).to_have_value(Q1)
    hand_in(page, "Clear my answers").click()
    dialog.get_by_role("button", name="Clear them").click()
    expect(box(page)).to_have_value("")
    expect(page.locator("#hand-in-name")).to_have_value("")
    expect(page.locator(".hand-in-status")).to_have_text("Your answers are cleared from this device.")
    page.reload()
    expect(box(page)).to_have_value("")


@pytest.mark.parametrize("script, notice", [(BLOCKED, "does not let the site save"), (FULL, "storage is full")],
                         ids=["blocked", "full"])
def test_when_storage_fails_a_notice_shows_and_the_answers_last_the_visit(page: Page, script, notice):
    page.add_init_script(RECORD_ERRORS)
    page.add_init_script(script)
    page.goto("bikes/questions/")
    box(page).press_sequentially('"wobble" (l. 4)')
    expect(page.locator(".answers-notice:visible")).to_contain_text(notice)
    expect(page.locator("[data-question=q1] .answer-unsaved")).to_be_visible()
    expect(verdicts(page)).to_have_text(["“wobble”: line 4"])
    page.locator(".worksheet-bar a", has_text="Article").click()
    page.wait_for_url("**/bikes/article/")
    page.locator(".worksheet-bar a", has_text="Questions").click()
    page.wait_for_url("**/bikes/questions/")
    expect(box(page)).to_have_value('"wobble" (l. 4)')
    page.locator("#hand-in-name").fill("Jeanne")
    with page.expect_download() as download:
        hand_in(page, "Download (.txt)").click()
    assert '"wobble" (l. 4)' in Path(download.value.path()).read_text(encoding="utf-8")
    # Material's own palette script fails without storage; the site's scripts do not.
    assert [e for e in page.evaluate("window.__errors") if "/assets/js/" in e] == []


@pytest.mark.parametrize("width", [1280, 390])
def test_in_teacher_mode_the_model_answer_stands_beside_the_students(browser: Browser, base_url, width):
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto("bikes/questions/?teacher=1")
        box(page).fill(Q1)
        model = page.locator("[data-question=q1] details.model-answer")
        model.locator("summary").click()
        student = page.locator("[data-question=q1] .answer-box").bounding_box()
        teacher = model.bounding_box()
        if width == 1280:  # side by side, tops level
            assert teacher["x"] >= student["x"] + student["width"]
            assert abs(teacher["y"] - student["y"]) < 40
        else:  # one under the other
            assert teacher["y"] >= student["y"] + student["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()


def test_on_a_phone(phone: Page):
    page = phone
    page.goto("bikes/questions/")
    box(page).tap()
    page.keyboard.type('The council "slowly changed course".')
    expect(verdicts(page)).to_have_text(["“slowly changed course”: line 9"])
    expect(hand_in(page, "Copy my answers")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_from_the_keyboard(page: Page):
    page.goto("bikes/questions/")
    tab_until(page, "#answer-q1")
    typed = 'She finds "Stop the child murder" (l. 8): t, s, f, p, n, /.'  # none of them a shortcut here
    page.keyboard.type(typed)
    expect(verdicts(page)).to_have_text(["“Stop the child murder”: lines 8–9, not line 8"])
    assert page.evaluate("document.documentElement.hasAttribute('data-teacher')") is False
    expect(box(page)).to_have_value(typed)
    tab_until(page, "#hand-in-name")
    page.keyboard.type("Jeanne")
    tab_until(page, "[data-action=download]")
    with page.expect_download():
        page.keyboard.press("Enter")
    tab_until(page, "[data-action=clear]")
    page.keyboard.press("Enter")
    expect(confirmation(page)).to_be_visible()
    assert page.evaluate("document.activeElement.textContent") == "Keep my answers"
    page.keyboard.press("Escape")
    expect(confirmation(page)).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.action") == "clear"  # focus back on the button
    expect(box(page)).to_have_value(typed)


@pytest.mark.node
@pytest.mark.parametrize("teacher", ["0", "1"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_boxes_filled(browser: Browser, base_url, scheme, teacher):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        page.goto(f"bikes/questions/?teacher={teacher}")
        box(page).fill(Q1 + ' And "the city took over" (l. 6), line 40.')
        box(page, "q2").fill(Q2)
        page.locator("#hand-in-name").fill("Jeanne Dupont")
        hand_in(page, "Download (.txt)").click()
        expect(verdicts(page)).to_have_count(3)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        found["questions"] = axe_violations(page)
        hand_in(page, "Clear my answers").click()
        page.wait_for_timeout(300)  # the focused button's colours, once Material's transition ends
        found["questions, clearing"] = axe_violations(page)
        page.keyboard.press("Escape")
        page.goto(f"sequences/city-transport/?teacher={teacher}")
        box(page, "final-task").fill(FINAL)
        expect(verdicts(page, "final-task")).to_have_count(2)
        found["final task"] = axe_violations(page)
        page.goto(f"bikes/worksheet/?mine=1&teacher={teacher}")
        found["my worksheet"] = axe_violations(page)
    finally:
        context.close()
    assert {where: v for where, v in found.items() if v} == {}


@pytest.mark.node
def test_axe_finds_nothing_with_the_storage_notice(page: Page):
    page.add_init_script(BLOCKED)
    page.goto("bikes/questions/")
    box(page).fill(Q1)
    expect(page.locator(".answers-notice--blocked")).to_be_visible()
    assert axe_violations(page) == []


def test_the_student_edition_has_the_boxes_and_no_model_answer(browser: Browser, served_student):
    _, url = served_student
    context = browser.new_context(base_url=url)
    page = context.new_page()
    try:
        page.goto("bikes/questions/")
        box(page).fill(Q1)
        expect(verdicts(page)).to_have_text(["“many children died in road accidents”: line 7"])
        page.reload()
        expect(box(page)).to_have_value(Q1)
        assert page.locator("details.model-answer").count() == 0
    finally:
        context.close()


def test_from_the_files_of_the_offline_copy(browser: Browser, offline_site):
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page = context.new_page()
    try:
        page.add_init_script(COUNT_PRINTS)
        page.goto((offline_site / "bikes" / "questions.html").as_uri())
        box(page).fill(Q1)
        expect(verdicts(page)).to_have_text(["“many children died in road accidents”: line 7"])  # the lines load from a file
        page.reload()
        expect(box(page)).to_have_value(Q1)
        page.locator("#hand-in-name").fill("Jeanne")
        with page.expect_download() as download:
            hand_in(page, "Download (.txt)").click()
        assert Q1 in Path(download.value.path()).read_text(encoding="utf-8")
        page.get_by_role("link", name="Print my worksheet").click()
        page.wait_for_function("window.__prints === 1")
        assert page.url == (offline_site / "bikes" / "worksheet.html").as_uri() + "?mine=1"
        expect(page.locator("[data-question=q1] .typed-answer")).to_have_text(Q1)
    finally:
        context.close()
    assert outside == []


def test_the_answer_boxes_are_there_from_the_first_paint(page: Page):
    """They do not wait for Material's script (the page would jump down when
    it runs): with that script held back, they already show."""
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto("bikes/questions/")
    expect(page.locator("#answer-q1")).to_be_visible()
    assert "no-js" not in page.evaluate("document.documentElement.className")


def test_a_huge_paste_costs_no_more_than_a_long_answer(page: Page):
    page.goto("bikes/questions/")
    huge = ('Here "more bicycles than people" (l. 1) and "not in this text" (l. 2). ' * 9000)[:640_000]
    box(page).fill(huge)
    expect(verdicts(page)).to_have_count(31)  # 30 at most, and the note that not all was checked
    expect(verdicts(page).nth(29)).to_have_text(re.compile(r"^… and \d+ more$"))
    expect(verdicts(page).nth(30)).to_have_text("Only the first 20,000 characters are checked")
    assert page.locator("[data-question=q1] .writing-space .rule").count() <= 120
    page.reload()
    expect(box(page)).to_have_value(huge)


def test_typing_saves_once_typing_stops_not_at_every_key(page: Page):
    page.add_init_script("""window.__saves = 0; const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.includes("answers:")) window.__saves++; return set.call(this, k, v) };""")
    page.goto("bikes/questions/")
    box(page).press_sequentially("The council slowly changed course.")
    page.wait_for_timeout(600)
    assert page.evaluate("window.__saves") == 1
    page.reload()
    expect(box(page)).to_have_value("The council slowly changed course.")


@pytest.mark.parametrize("stored", ['{"answers": null}', '{"answers": [1, 2], "name": 7}', '"a string"', "not JSON"])
def test_a_stored_record_of_another_shape_does_not_break_the_boxes(page: Page, stored):
    page.add_init_script(RECORD_ERRORS)
    page.goto("bikes/questions/")
    page.evaluate("stored => localStorage.setItem(new URL('.', location).pathname.replace(/bikes\\/questions\\/$/, '') + '.answers:bikes', stored)", stored)
    page.reload()
    box(page).press_sequentially("Typed again.")
    page.locator("#hand-in-name").fill("Jeanne")
    page.reload()
    expect(box(page)).to_have_value("Typed again.")
    expect(page.locator("#hand-in-name")).to_have_value("Jeanne")
    assert page.evaluate("window.__errors") == []


def test_the_site_ships_no_test_hook(page: Page):
    page.goto("bikes/questions/")
    assert page.evaluate("typeof window.__answerCheck") == "undefined"
