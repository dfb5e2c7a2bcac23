"""Flashcards as a student uses them: turn a card, say whether they knew it,
find the schedule again after a reload; type the word from its French; by
keyboard only, on a phone, and from the offline copy, with nothing sent."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import axe_violations, tab_until

pytestmark = pytest.mark.browser

CARD = ".practice-card"
TRAMS = "Trams in Melbourne"
STATUS = ".practice-status"


def open_cards(page: Page, address: str = "bikes/practice/") -> None:
    page.goto(address)
    expect(page.locator(".practice-app")).to_be_visible()


def test_a_card_shows_the_term_then_its_french_definition_and_line(page: Page, outside_requests):
    open_cards(page)
    expect(page.locator(".practice-side--front")).to_have_text("English")
    expect(page.locator(".practice-front")).to_have_text("activist")
    expect(page.locator(".practice-back")).to_be_hidden()
    page.get_by_role("button", name="Turn the card").click()
    back = page.locator(".practice-back")
    expect(back.locator(".practice-french")).to_have_text("un(e) militant(e)")
    expect(back.locator(".practice-definition")).to_contain_text("Someone who works hard to bring political")
    expect(back.locator(".practice-context-text")).to_have_text('activists protested under the slogan "Stop the')
    link = back.get_by_role("link", name="Line 8")
    link.click()
    expect(page).to_have_url(re.compile(r"/bikes/article/#L8$"))
    assert outside_requests == []


def test_knowing_a_card_schedules_it_away_and_the_schedule_survives_a_reload(page: Page):
    open_cards(page)
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^3 cards to practise today · this card: box 0 of 5"))
    page.get_by_role("button", name="Turn the card").click()
    page.get_by_role("button", name="I knew it").click()
    expect(page.locator(".practice-front")).to_have_text("commuter")
    page.get_by_role("button", name="Turn the card").click()
    page.get_by_role("button", name="Not yet").click()
    # Not known: back at the end of today's queue, in box 1.
    expect(page.locator(".practice-front")).to_have_text("wobble")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^2 cards to practise today"))
    page.reload()
    expect(page.locator(".practice-front")).to_have_text("wobble")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^2 cards to practise today"))
    page.get_by_role("button", name="Turn the card").click()
    page.get_by_role("button", name="I knew it").click()
    expect(page.locator(".practice-front")).to_have_text("commuter")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"this card: box 1 of 5"))
    page.get_by_role("button", name="Turn the card").click()
    page.get_by_role("button", name="I knew it").click()
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^Nothing left to practise today\. The next card is due on "))
    expect(page.locator(CARD)).to_be_hidden()
    # The site-wide cards share the schedule: the bikes' three are away, the trams' two are due.
    open_cards(page, "glossary/practice/")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^2 cards to practise today"))
    expect(page.locator(".practice-front")).to_have_text("commuter")
    page.get_by_role("button", name="Turn the card").click()
    expect(page.locator(".practice-source")).to_have_text(f"From: {TRAMS}")
    expect(page.locator(".practice-line")).to_have_attribute("href", "../../trams/article/#L3")
    # Every card again, each keeping its box.
    open_cards(page)
    page.get_by_role("button", name="Practise all 3 again").click()
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^3 cards to practise today"))


def typed(page: Page, answer: str) -> str:
    page.get_by_label(re.compile(r"^Type the English word$")).fill(answer)
    page.get_by_role("button", name="Check").click()
    return page.locator(".practice-verdict").inner_text()


def test_both_ways_shows_the_french_and_checks_the_word_typed(page: Page):
    open_cards(page)
    page.get_by_role("button", name="Both ways: type the word").click()
    expect(page.locator(".practice-side--front")).to_have_text("French")
    expect(page.locator(".practice-front")).to_have_text("un(e) militant(e)")
    expect(page.locator(".practice-front")).to_have_attribute("lang", "fr")
    assert typed(page, "  activist ") == "Right."
    expect(page.locator(".practice-back .practice-french")).to_have_text("activist")
    page.get_by_role("button", name="Next card").click()
    expect(page.locator(".practice-front")).to_have_text("un navetteur, une navetteuse")
    assert typed(page, "Commuters") == "Right — mind the capitals: commuter"  # another form, capitalised
    page.get_by_role("button", name="Next card").click()
    assert typed(page, "wobbel") == "Not quite — the word is: wobble"
    page.get_by_role("button", name="Next card").click()
    expect(page.locator(".practice-front")).to_have_text("vaciller, tanguer")  # not known: again today
    # The mode is kept, and each way has its own schedule.
    page.reload()
    expect(page.get_by_role("button", name="Both ways: type the word")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Flashcards").click()
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^3 cards to practise today"))


def test_a_missing_accent_is_taken_and_pointed_out(page: Page):
    # The tiny library has no accented term: the page is served with one.
    def accented(route):
        body = route.fetch().text()
        assert '"term": "activist"' in body
        route.fulfill(body=body.replace('"term": "activist"', '"term": "militánt"'),
                      headers={"content-type": "text/html; charset=utf-8"})

    page.route(re.compile(r"/bikes/practice/$"), accented)
    open_cards(page)
    page.get_by_role("button", name="Both ways: type the word").click()
    expect(page.locator(".practice-front")).to_have_text("un(e) militant(e)")
    assert typed(page, "militant") == "Right — mind the accent: militánt"


def test_the_cards_work_by_keyboard_alone(page: Page):
    open_cards(page)
    page.keyboard.press("Space")
    expect(page.locator(".practice-back")).to_be_visible()
    page.keyboard.press("2")
    expect(page.locator(".practice-front")).to_have_text("commuter")
    tab_until(page, '[data-action="flip"]')
    page.keyboard.press("Enter")
    expect(page.locator(".practice-back")).to_be_visible()
    # The focus moves to the grading buttons: Space presses "I knew it".
    expect(page.get_by_role("button", name="I knew it")).to_be_focused()
    page.keyboard.press("1")
    expect(page.locator(".practice-front")).to_have_text("wobble")
    tab_until(page, '[data-mode="typed"]')
    page.keyboard.press("Enter")
    expect(page.locator(".practice-typed input")).to_be_focused()
    page.keyboard.type("activist")
    page.keyboard.press("Enter")
    expect(page.locator(".practice-verdict")).to_have_text("Right.")
    page.keyboard.press("Enter")
    expect(page.locator(".practice-typed input")).to_be_focused()
    expect(page.locator(".practice-front")).to_have_text("un navetteur, une navetteuse")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_front_the_back_and_a_verdict(browser, base_url, scheme):
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    page = context.new_page()
    try:
        open_cards(page)
        assert axe_violations(page) == []
        page.get_by_role("button", name="Turn the card").click()
        assert axe_violations(page) == []
        page.get_by_role("button", name="Both ways: type the word").click()
        typed(page, "activst")
        expect(page.locator(".practice-verdict")).to_have_attribute("data-verdict", "wrong")
        assert axe_violations(page) == []
        page.get_by_role("button", name="Next card").click()
        typed(page, "commuter")
        assert axe_violations(page) == []
    finally:
        context.close()


def test_on_a_phone_the_cards_fit_and_turn_by_touch(phone: Page):
    open_cards(phone)
    phone.get_by_role("button", name="Turn the card").tap()
    expect(phone.locator(".practice-back")).to_be_visible()
    phone.get_by_role("button", name="I knew it").tap()
    expect(phone.locator(".practice-front")).to_have_text("commuter")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    box = phone.locator(CARD).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert axe_violations(phone) == []


def test_the_cards_work_from_the_offline_copy(browser, offline_site):
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith("file://") else outside.append(r.url))
    page = context.new_page()
    try:
        page.goto((offline_site / "bikes" / "practice.html").as_uri())
        expect(page.locator(".practice-front")).to_have_text("activist")
        page.keyboard.press("Space")
        expect(page.locator(".practice-line")).to_have_attribute("href", "article.html#L8")
        page.keyboard.press("2")
        page.reload()
        expect(page.locator(".practice-front")).to_have_text("commuter")
        assert outside == []
    finally:
        context.close()
