"""What a student does in a real browser: read a definition, open a note,
follow a line link, search; on a phone and on a school PC."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import tab_until

pytestmark = pytest.mark.browser

TOOLTIP = "#popup[role=tooltip]:not([hidden])"


def test_hovering_a_term_shows_its_definition(page: Page):
    page.goto("bikes/article/")
    page.locator("#L4 abbr.term", has_text="wobble").hover()
    expect(page.locator(TOOLTIP)).to_have_text(
        "wobble (verb): To move from side to side in an unsteady way. French: vaciller, tanguer")


def test_the_pop_up_texts_load_only_when_a_term_opens(page: Page):
    loaded = []
    page.on("request", lambda request: "glossary-tips" in request.url and loaded.append(request.url))
    page.goto("bikes/article/")
    page.wait_for_load_state("networkidle")
    assert loaded == []
    page.locator("#L2 abbr.term").hover()
    expect(page.locator(TOOLTIP)).to_contain_text("travels to work")
    page.locator("#L4 abbr.term").hover()
    expect(page.locator(TOOLTIP)).to_contain_text("unsteady")
    assert len(loaded) == 1


def test_a_term_in_a_question_shows_its_definition(page: Page):
    page.goto("bikes/questions/")
    page.locator("[data-question=q2] abbr.term", has_text="commuters").hover()
    expect(page.locator(TOOLTIP)).to_contain_text("commuter (noun)")


def test_keyboard_focus_on_a_term_shows_its_definition(page: Page):
    page.goto("bikes/article/")
    tab_until(page, "abbr.term")
    expect(page.locator(TOOLTIP)).to_be_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "popup"


def test_a_note_opens_on_click_and_closes_on_escape(page: Page):
    page.goto("bikes/article/")
    marker = page.locator("button.note-marker", has_text="(1)")
    marker.click()
    expect(page.locator(TOOLTIP)).to_contain_text("Stop de Kindermoord")
    expect(marker).to_have_attribute("aria-expanded", "true")
    marker.click()
    expect(page.locator(TOOLTIP)).to_have_count(0)
    marker.click()
    page.keyboard.press("Escape")
    expect(page.locator(TOOLTIP)).to_have_count(0)


def centre(box: dict) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_the_pointer_can_move_onto_a_definition_and_stay_there(page: Page):
    """WCAG 1.4.13: a pop-up shown on hover can itself be hovered, and stays
    until the pointer leaves both the word and the pop-up."""
    page.goto("bikes/article/")
    term = page.locator("#L4 abbr.term", has_text="wobble")
    term.hover()
    popup = page.locator(TOOLTIP)
    expect(popup).to_contain_text("unsteady")
    page.mouse.move(*centre(popup.bounding_box()), steps=12)  # across the gap between them
    page.wait_for_timeout(800)  # longer than any delay the pop-up might close after
    expect(popup).to_contain_text("unsteady")
    assert term.get_attribute("aria-describedby") == "popup"
    page.mouse.move(*centre(term.bounding_box()), steps=12)  # and back onto the word
    page.wait_for_timeout(800)
    expect(popup).to_be_visible()
    page.mouse.move(640, 700, steps=12)  # away from both
    expect(page.locator(TOOLTIP)).to_have_count(0)
    assert term.get_attribute("aria-describedby") is None


def test_escape_dismisses_a_definition_under_the_pointer(page: Page):
    page.goto("bikes/article/")
    term = page.locator("#L4 abbr.term", has_text="wobble")
    term.hover()
    expect(page.locator(TOOLTIP)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(TOOLTIP)).to_have_count(0)
    page.mouse.move(*centre(term.bounding_box()))  # the pointer never left the word
    page.wait_for_timeout(400)
    expect(page.locator(TOOLTIP)).to_have_count(0)


def test_a_note_stays_open_while_its_text_is_read_and_selected(page: Page):
    page.goto("bikes/article/")
    page.locator("button.note-marker", has_text="(1)").click()
    popup = page.locator(TOOLTIP)
    expect(popup).to_contain_text("Stop de Kindermoord")
    popup.click()  # clicking in the note, to select its words, keeps it
    page.mouse.move(640, 700, steps=12)  # a clicked note does not close when the pointer moves away
    page.wait_for_timeout(800)
    expect(popup).to_contain_text("Stop de Kindermoord")
    page.locator("#L12").click()
    expect(page.locator(TOOLTIP)).to_have_count(0)


def test_tapping_on_a_phone(phone: Page):
    page = phone
    page.goto("bikes/article/")
    page.locator("#L8 abbr.term").tap()
    expect(page.locator(TOOLTIP)).to_contain_text("activist")
    box = page.locator(TOOLTIP).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("#L12").tap()
    expect(page.locator(TOOLTIP)).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing scrolls sideways


def test_following_a_line_link_lands_on_the_line_and_highlights_the_range(page: Page):
    page.goto("bikes/questions/")
    page.locator("[data-question=q2] a.line-link", has_text="lines 11–13").click()
    expect(page).to_have_url(re.compile(r"/bikes/article/\?lines=11-13#L11$"))
    expect(page.locator("#L11")).to_be_in_viewport()
    cited = page.locator(".article .line.is-cited")
    expect(cited).to_have_count(3)
    assert cited.evaluate_all("ls => ls.map(l => l.dataset.line)") == ["11", "12", "13"]


def test_a_final_task_links_to_the_lines_of_each_worksheet(page: Page):
    page.goto("sequences/city-transport/")
    page.locator("a.line-link", has_text="Trams in Melbourne, lines 1–3").click()
    expect(page).to_have_url(re.compile(r"/trams/article/\?lines=1-3#L1$"))
    expect(page.locator(".article .line.is-cited")).to_have_count(3)


def test_a_question_marker_leads_back_to_its_question(page: Page):
    page.goto("bikes/article/")
    page.locator(".line[data-line='12'] a.evidence").click()
    expect(page).to_have_url(re.compile(r"/bikes/questions/#q2$"))
    expect(page.locator("#q2")).to_be_in_viewport()


def test_search_finds_across_worksheets_and_says_which(page: Page):
    page.goto("")
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially("commuters", delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    joined = " ".join(titles)
    assert "Bicycles in Amsterdam" in joined or "Two wheels good" in joined
    assert "Trams in Melbourne" in joined or "The city that kept its trams" in joined


def test_search_opens_from_the_phone_header(phone: Page):
    page = phone
    page.goto("trams/questions/")
    page.locator("label.md-header__button[for=__search]").tap()
    page.keyboard.type("rails")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_the_light_and_dark_toggle_switches_and_holds(page: Page):
    page.goto("bikes/glossary/")
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.locator("label[for=__palette_1]").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    dark = page.evaluate(background)
    assert dark != light
    page.get_by_role("link", name="Article", exact=True).first.click()  # instant navigation
    page.wait_for_url("**/bikes/article/")
    assert page.evaluate(background) == dark
    page.reload()
    assert page.evaluate(background) == dark
