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


def test_by_default_no_answer_is_shown_and_no_empty_box_is_left(page: Page):
    page.add_init_script(RECORD_FIRST_PAINT)
    page.goto("questions/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert page.locator(ANSWERS).count() == 14
    assert visible_answers(page) == 0
    assert page.evaluate("window.__answersShownAtLoad") is False
    # The question block ends with its excerpt: nothing takes room after it.
    q1 = page.locator("div.question[data-question=q1]").bounding_box()
    excerpt = page.locator("div.question[data-question=q1] details.excerpt").bounding_box()
    assert q1["y"] + q1["height"] - (excerpt["y"] + excerpt["height"]) < 2


def test_the_toggle_reveals_answers_collapsed_and_flips_aria_pressed(page: Page):
    page.goto("questions/")
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 14
    assert page.locator(f"{', '.join(a + '[open]' for a in ANSWERS.split(', '))}").count() == 0
    expect(page.locator(".md-content__inner")).to_be_visible()
    banner = page.evaluate("getComputedStyle(document.querySelector('.md-content__inner'), '::before').content")
    assert "Teacher mode is on" in banner
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert visible_answers(page) == 0


def test_the_mode_survives_instant_navigation_and_reload(page: Page):
    page.add_init_script(RECORD_FIRST_PAINT)
    page.goto("questions/")
    toggle(page).click()
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Article", exact=True).first.click()
    page.wait_for_url("**/article/")
    assert page.evaluate("window.__sameDocument") is True  # no full load: instant navigation
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.get_by_role("link", name="Questions", exact=True).first.click()
    page.wait_for_url("**/questions/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("details.model-answer").first).to_be_visible()
    assert visible_answers(page) == 14
    page.reload()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.__answersShownAtLoad") is True
    assert visible_answers(page) == 14


def test_the_address_sets_the_mode(page: Page):
    page.goto("questions/?teacher=1")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 14
    page.goto("glossary/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.goto("questions/?teacher=0")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert visible_answers(page) == 0


def test_the_keyboard_reaches_and_operates_the_toggle(page: Page):
    page.goto("questions/")
    tab_until(page, ".teacher-toggle", limit=30)
    page.keyboard.press("Enter")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Space")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    page.locator("body").press("t")  # the shortcut
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")


def test_the_shortcut_is_ignored_while_typing_a_search(page: Page):
    page.goto("questions/")
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially("tt")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")


def test_with_storage_blocked_the_page_still_works(page: Page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("""
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("blocked", "SecurityError") } });
    """)
    page.goto("questions/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert visible_answers(page) == 0
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 14
    page.locator("#L1, a.line-link").first.click()
    page.wait_for_url("**/article/**")
    expect(page.locator("#L25")).to_be_attached()
    assert [e for e in errors if "teacher" in e.lower()] == []


def test_the_student_edition_has_no_toggle_and_no_answers(browser, student_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(student_server.url + "questions/?teacher=1")
        expect(page.locator(".question-text").first).to_be_visible()
        assert page.locator(".teacher-toggle").count() == 0
        assert page.locator(ANSWERS).count() == 0
        page.keyboard.press("t")
        assert page.evaluate("document.documentElement.hasAttribute('data-teacher')") is False
    finally:
        context.close()


def test_searching_for_a_phrase_of_a_model_answer_finds_nothing(page: Page):
    page.goto("questions/?teacher=1")
    page.keyboard.press("s")
    search = page.get_by_placeholder("Search")
    search.press_sequentially("surveillance")  # control: a word of the article
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    search.fill("")
    search.press_sequentially("Condé Nast")  # only in a teacher note
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")
    search.fill("")
    search.press_sequentially("Huxley")  # only in a model answer
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")
