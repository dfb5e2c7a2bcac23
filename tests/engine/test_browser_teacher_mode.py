"""Teacher mode in a real browser: off by default, a real toggle button,
remembered across pages, reloads and instant navigation, set from the address,
and safe when storage is blocked. The student edition has no toggle."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from support import tab_until

pytestmark = pytest.mark.browser

ANSWERS = "details.model-answer, details.teacher-note"

#: Records, at DOMContentLoaded, whether any answer was displayed: a flash.
RECORD_FIRST_PAINT = """
document.addEventListener("DOMContentLoaded", () => {
  window.__answersShownAtLoad = [...document.querySelectorAll("details.model-answer, details.teacher-note")]
    .some(e => getComputedStyle(e).display !== "none");
});
"""


def visible_answers(page: Page) -> int:
    return page.locator(ANSWERS).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")


def toggle(page: Page):
    return page.get_by_role("button", name="Teacher mode")


def test_by_default_no_answer_is_shown(page: Page):
    page.add_init_script(RECORD_FIRST_PAINT)
    page.goto("bikes/questions/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert page.locator(ANSWERS).count() == 4
    assert visible_answers(page) == 0
    assert page.evaluate("window.__answersShownAtLoad") is False


def test_the_toggle_reveals_answers_collapsed(page: Page):
    page.goto("bikes/questions/")
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 4
    assert page.locator("details.model-answer[open], details.teacher-note[open]").count() == 0
    banner = page.evaluate("getComputedStyle(document.querySelector('.md-content__inner'), '::before').content")
    assert "Teacher mode is on" in banner
    answer = page.locator("[data-question=q1] details.model-answer")
    answer.locator("summary").click()
    expect(answer).to_contain_text("slowly changed course")
    toggle(page).click()
    assert visible_answers(page) == 0


def test_the_mode_survives_instant_navigation_and_reload(page: Page):
    page.add_init_script(RECORD_FIRST_PAINT)
    page.goto("bikes/questions/")
    toggle(page).click()
    page.evaluate("window.__sameDocument = true")
    page.locator(".worksheet-bar a", has_text="Article").click()
    page.wait_for_url("**/bikes/article/")
    assert page.evaluate("window.__sameDocument") is True  # no full load: instant navigation
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.goto("sequences/city-transport/")
    assert visible_answers(page) == 2
    page.reload()
    assert page.evaluate("window.__answersShownAtLoad") is True


def test_the_address_sets_the_mode(page: Page):
    page.goto("trams/questions/?teacher=1")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.goto("trams/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.goto("trams/questions/?teacher=0")
    assert visible_answers(page) == 0


def test_the_keyboard_reaches_and_operates_the_toggle(page: Page):
    page.goto("bikes/questions/")
    tab_until(page, ".teacher-toggle", limit=30)
    page.keyboard.press("Enter")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Space")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    page.locator("body").press("t")  # the shortcut
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")


def test_the_shortcut_is_ignored_while_typing_a_search(page: Page):
    page.goto("bikes/questions/")
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially("tt")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")


def test_with_storage_blocked_the_page_still_works(page: Page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("""
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError") } });
    """)
    page.goto("bikes/questions/")
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 4
    page.locator("a.line-link").first.click()
    page.wait_for_url("**/bikes/article/**")
    expect(page.locator("#L5")).to_be_attached()
    assert [e for e in errors if "teacher" in e.lower()] == []


def test_the_student_edition_has_no_toggle_and_no_answers(browser, served_student):
    _, server = served_student
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + "bikes/questions/?teacher=1")
        expect(page.locator(".question-text").first).to_be_visible()
        assert page.locator(".teacher-toggle").count() == 0
        assert page.locator(ANSWERS).count() == 0
        page.locator("body").press("t")
        assert page.evaluate("document.documentElement.hasAttribute('data-teacher')") is False
    finally:
        context.close()


def test_searching_for_a_phrase_of_a_model_answer_finds_nothing(page: Page):
    page.goto("bikes/questions/?teacher=1")
    page.keyboard.press("s")
    search = page.get_by_placeholder("Search")
    search.press_sequentially("wobble")  # control: a word of the article
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    search.fill("")
    search.press_sequentially("Kindermoord")  # in a note: found
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    search.fill("")
    search.press_sequentially("consequence")  # only in a teacher note
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")
