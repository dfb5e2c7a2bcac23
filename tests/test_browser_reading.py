"""What a student does in a real browser: read a definition, open a note,
follow a line link, and what a teacher does: open a model answer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import tab_until

pytestmark = pytest.mark.browser

TOOLTIP = "#popup[role=tooltip]:not([hidden])"


def test_hovering_a_term_shows_its_definition(page: Page):
    page.goto("article/")
    page.locator("#L27 abbr.term", has_text="Orwellian").hover()
    expect(page.locator(TOOLTIP)).to_contain_text("Orwell")


def test_keyboard_focus_on_a_term_shows_its_definition(page: Page):
    page.goto("article/")
    tab_until(page, "abbr.term")
    term = page.evaluate("document.activeElement.dataset.term")
    expect(page.locator(TOOLTIP)).to_be_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert term


def test_tapping_a_term_on_a_phone_shows_its_definition(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + "article/")
        term = page.locator("#L8 abbr.term", has_text="dystopian")
        term.scroll_into_view_if_needed()
        term.tap()
        expect(page.locator(TOOLTIP)).to_contain_text("dystopia")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing scrolls sideways
    finally:
        context.close()


def test_a_note_opens_on_click_and_on_keyboard_focus(page: Page):
    page.goto("article/")
    marker = page.locator("#L30").locator("xpath=..").locator(".note-marker").first
    marker.click()
    expect(page.locator(TOOLTIP)).to_contain_text("Creemers")
    expect(marker).to_have_attribute("aria-expanded", "true")
    expect(marker).to_have_attribute("aria-describedby", "popup")
    marker.click()  # a second click closes it
    expect(page.locator(TOOLTIP)).to_have_count(0)
    marker.click()
    page.keyboard.press("Escape")
    expect(page.locator(TOOLTIP)).to_have_count(0)
    other = page.locator("#L7").locator("xpath=..").locator(".note-marker").first
    other.focus()
    expect(page.locator(TOOLTIP)).to_contain_text("billion")
    page.locator("body").click(position={"x": 5, "y": 300})
    expect(page.locator(TOOLTIP)).to_have_count(0)


def test_a_note_opens_on_a_tap_and_closes_on_a_tap_elsewhere(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto("article/")
        marker = page.locator("button.note-marker", has_text="(11)")
        marker.scroll_into_view_if_needed()
        marker.tap()
        popup = page.locator(TOOLTIP)
        expect(popup).to_contain_text("IT-backed authoritarianism")
        box = popup.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # inside the screen
        page.locator("#L33").tap()
        expect(popup).to_have_count(0)
    finally:
        context.close()


def test_notes_do_not_change_the_line_text(page: Page):
    page.goto("article/")
    assert page.locator("#L30").inner_text().startswith("quite the case.")
    assert page.locator(".line-text .note-marker").count() == 0
    page.locator("#L30").locator("xpath=..").locator(".note-marker").first.click()
    assert page.locator("#L30").inner_text().startswith("quite the case.")


def test_following_a_line_link_lands_on_the_line_and_highlights_the_range(page: Page):
    page.goto("questions/")
    page.locator("#q5").scroll_into_view_if_needed()
    page.locator("div.question[data-question=q5] a.line-link", has_text="lines 25–29").click()
    expect(page).to_have_url(re.compile(r"/article/\?lines=25-29#L25$"))
    expect(page.locator("#L25")).to_be_in_viewport()
    cited = page.locator(".article .line.is-cited")
    expect(cited).to_have_count(5)
    assert [int(n) for n in cited.evaluate_all("ls => ls.map(l => l.dataset.line)")] == [25, 26, 27, 28, 29]


def test_a_teacher_opens_a_model_answer(page: Page):
    page.goto("questions/?teacher=1")
    answer = page.locator("div.question[data-question=q2] details.model-answer")
    expect(answer).to_be_visible()
    assert answer.get_attribute("open") is None
    answer.locator("summary").click()
    expect(answer).to_have_attribute("open", "")
    expect(answer.locator("p").first).to_be_visible()
    expect(answer).to_contain_text("(l.")


def test_the_article_reads_well_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url + "article/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#L1')).fontSize)")
        assert size >= 16
        # every visible number sits on the first visual row of its own line
        for n in (5, 25, 65):
            number = page.locator(f".line[data-line='{n}'] .line-number").bounding_box()
            line_text = page.locator(f"#L{n}").bounding_box()
            assert abs(number["y"] - line_text["y"]) < 8, n
            assert number["x"] + number["width"] <= line_text["x"]
    finally:
        context.close()


def test_search_downloads_its_index_only_when_a_reader_opens_it(page: Page):
    """Most visits never search: the index and Material's search worker wait
    until the search box is first opened, and then the search works."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("article/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    searchy = lambda: [u for u in fetched if "search_index" in u or "/workers/search." in u]
    assert searchy() == []
    page.get_by_placeholder("Search").click()
    page.keyboard.type("sesame")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Sesame")
    assert any("search/search_index.json" in u for u in searchy())
    assert any("/workers/search." in u for u in searchy())


def test_search_opens_from_the_phone_header_too(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("questions/")
    page.locator("label.md-header__button[for=__search]").tap()
    page.keyboard.type("dystopia")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    context.close()
