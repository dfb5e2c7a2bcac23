"""Teacher mode in a real browser: off by default, a real toggle button in
Material's header (with or without search), remembered across pages, reloads
and instant navigation, set from the address, a shortcut that can be turned
off, and safe when storage is blocked or full. The student edition has no
toggle."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from support import project, served, tab_until

pytestmark = pytest.mark.browser

ANSWERS = "details.model-answer, details.teacher-note"

#: Records, at DOMContentLoaded, whether any answer was displayed: a flash.
RECORD_FIRST_PAINT = """
document.addEventListener("DOMContentLoaded", () => {
  window.__answersShownAtLoad = [...document.querySelectorAll("details.model-answer, details.teacher-note")]
    .some(e => getComputedStyle(e).display !== "none");
});
"""


#: Storage blocked; the error says who asked, for telling the site's errors from Material's.
BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("blocked, asked " + new Error().stack.replace(/\\s+/g, " "), "SecurityError") } });
"""

FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError") };
"""


def storage_in_trouble(page: Page, trouble: str) -> list[str]:
    """Gives the page the storage ``trouble`` (BLOCKED_STORAGE or
    FULL_STORAGE); returns the list its uncaught errors are written to."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(trouble)
    return errors


def site_errors(errors: list[str]) -> list[str]:
    """Leaves out Material's own scripts, which read their preferences (the
    palette) through ``__md_get``, unguarded."""
    return [e for e in errors if "__md_get" not in e]


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
    errors = storage_in_trouble(page, BLOCKED_STORAGE)
    page.goto("bikes/questions/")
    toggle(page).click()
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 4
    page.locator("a.line-link").first.click()
    page.wait_for_url("**/bikes/article/**")
    expect(page.locator("#L5")).to_be_attached()
    assert site_errors(errors) == []


def test_with_storage_blocked_the_address_still_sets_the_mode(page: Page):
    errors = storage_in_trouble(page, BLOCKED_STORAGE)
    page.goto("bikes/questions/?teacher=1&shortcut=0")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert visible_answers(page) == 4
    page.evaluate("window.__sameDocument = true")
    page.locator(".worksheet-bar a", has_text="Article").click()
    page.wait_for_url("**/bikes/article/")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation: the same visit
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.locator("body").press("t")  # turned off for the visit too
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("siteStorage.problem") == "blocked"
    assert site_errors(errors) == []


def test_with_storage_full_the_choice_lasts_for_the_visit(page: Page):
    errors = storage_in_trouble(page, FULL_STORAGE)
    page.goto("bikes/questions/")
    toggle(page).click()
    assert page.evaluate("siteStorage.problem") == "full"
    page.locator(".worksheet-bar a", has_text="Article").click()
    page.wait_for_url("**/bikes/article/")
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.reload()  # a new visit: the device kept nothing
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    assert errors == []


def test_the_choice_is_kept_where_materials_preferences_are(page: Page):
    """Under the site's address, as Material's helpers keep it: a choice saved
    before reads the same."""
    page.goto("bikes/questions/")
    toggle(page).click()
    assert page.evaluate("localStorage.getItem(new URL(document.querySelector('[data-scope]')"
                         ".getAttribute('data-scope'), location).pathname + '.__teacher')") == "true"
    assert page.evaluate("__md_get('__teacher')") is True
    page.evaluate("__md_set('__teacher', false)")
    page.reload()
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")


def test_the_shortcut_can_be_turned_off_and_on_again(page: Page):
    page.goto("bikes/questions/")
    assert "?shortcut=0" in toggle(page).get_attribute("title")  # the button's help says how
    page.goto("bikes/questions/?shortcut=0")
    page.locator("body").press("t")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    page.goto("bikes/article/")  # the device remembers
    page.locator("body").press("t")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")
    toggle(page).click()  # the button still works
    expect(toggle(page)).to_have_attribute("aria-pressed", "true")
    page.goto("bikes/article/?shortcut=1")
    page.locator("body").press("t")
    expect(toggle(page)).to_have_attribute("aria-pressed", "false")


def test_the_toggle_sits_in_materials_header_after_the_palette(page: Page):
    page.goto("bikes/article/")
    header = page.locator("header.md-header .md-header__inner")
    expect(header.locator(".teacher-toggle")).to_have_count(1)
    expect(header.locator(".teacher-toggle")).to_be_visible()
    order = header.evaluate("""nav => [...nav.children].map(e =>
        e.matches('.teacher-toggle') ? 'toggle' : e.matches('[data-md-component=palette]') ? 'palette'
        : e.matches('.md-search') ? 'search' : '').filter(Boolean)""")
    assert order == ["palette", "toggle", "search"]


def test_without_javascript_there_is_no_dead_toggle(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("bikes/questions/")
        expect(page.locator("header .md-header__title")).to_be_visible()
        expect(page.get_by_role("button", name="Teacher mode")).to_have_count(0)
    finally:
        context.close()


@pytest.fixture(scope="module")
def served_without_search(tmp_path_factory):
    """The classroom edition of a copy whose mkdocs.yml lists no search plugin."""
    root = project(tmp_path_factory.mktemp("no-search"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - search\n" in text
    config.write_text(text.replace("\n  - search\n", "\n"), encoding="utf-8")
    site, server = served(root.parent / "no-search-site", root)
    yield site, server
    server.close()


def test_the_toggle_works_on_a_site_without_search(browser, served_without_search):
    site, server = served_without_search
    assert "md-search" not in (site / "bikes" / "questions" / "index.html").read_text(encoding="utf-8")
    for viewport in ({"width": 1280, "height": 720}, {"width": 390, "height": 844}):
        context = browser.new_context(base_url=server.url, viewport=viewport)
        try:
            page = context.new_page()
            page.goto("bikes/questions/")
            expect(page.locator(".md-search")).to_have_count(0)
            button = page.locator("header.md-header").get_by_role("button", name="Teacher mode")
            expect(button).to_be_visible()
            button.click()
            expect(button).to_have_attribute("aria-pressed", "true")
            assert visible_answers(page) == 4
            page.locator("body").press("t")
            expect(button).to_have_attribute("aria-pressed", "false")
        finally:
            context.close()


def test_the_student_edition_has_no_toggle_and_no_answers(browser, served_student):
    _, url = served_student
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url + "bikes/questions/?teacher=1")
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
