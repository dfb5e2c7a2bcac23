"""Accessibility: axe-core (WCAG 2.1 A and AA, and best practices) finds
nothing on any page of the real site, in both modes and both palettes, with
the answers opened and with a pop-up open; the keyboard reaches everything
interactive, and focus always shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

import support
from support import WCAG, pages_of

pytestmark = [pytest.mark.browser, pytest.mark.node]

TAGS = WCAG + ["best-practice"]


def axe_violations(page: Page) -> list[str]:
    # Every part drawn, as a reader scrolling to it gets it: axe reads colours
    # from the screen, and parts far from it (content-visibility: auto) are
    # not drawn until they come near.
    page.add_style_tag(content="* { content-visibility: visible !important }")
    # Once the page is still: Material fades its tabs in and out as the page scrolls.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return support.axe_violations(page, TAGS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("teacher", ["0", "1"])
def test_axe_finds_no_violation_on_any_page(browser, site, base_url, scheme, teacher):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        for path in pages_of(site):
            page.goto(f"{base_url}{path}?teacher={teacher}")
            page.wait_for_selector(".md-content")
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            if teacher == "1":  # what a teacher opens, too
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            violations = axe_violations(page)
            if violations:
                found[path or "/"] = violations
    finally:
        context.close()
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_a_pop_up_open(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{base_url}social-credit/article/")
        page.locator("button.note-marker").first.focus()
        assert page.locator("#popup:not([hidden])").count() == 1
        assert axe_violations(page) == []
        page.locator("#L27 abbr.term", has_text="Orwellian").focus()
        page.wait_for_function("document.querySelector('#popup').textContent.startsWith('Orwellian')")
        assert axe_violations(page) == []
    finally:
        context.close()


RECORD_FOCUS = """() => {
  window.__stops = [];
  const shows = el => { const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' };
  const seen = new WeakSet();
  document.addEventListener('focusin', event => {
    const e = event.target;
    if (seen.has(e)) return;
    seen.add(e);
    // Material hides its toggle inputs and draws their focus on the next label.
    const label = e.matches('input.md-option') ? e.nextElementSibling : null;
    window.__stops.push({tag: e.tagName, cls: typeof e.className === 'string' ? e.className : '',
                         visible: shows(e) || (!!label && shows(label)), html: e.outerHTML.slice(0, 80)});
  });
}"""


def tab_through(page: Page, presses: int) -> list[dict]:
    page.evaluate(RECORD_FOCUS)
    for _ in range(presses):
        page.keyboard.press("Tab")
    return page.evaluate("window.__stops")


def test_the_keyboard_reaches_every_term_note_and_marker_with_visible_focus(page: Page):
    page.goto("social-credit/article/")
    terms = page.locator(".article abbr.term").count()
    notes = page.locator(".article .note-marker").count()
    markers = page.locator(".article a.evidence").count()
    stops = tab_through(page, terms + notes + markers + 40)
    reached = lambda cls: sum(1 for s in stops if cls in s["cls"].split())
    assert reached("term") == terms > 50
    assert reached("note-marker") == notes >= 8
    assert reached("evidence") == markers
    assert [s for s in stops if not s["visible"]] == []


def test_the_keyboard_reaches_line_links_and_answers_with_visible_focus(page: Page):
    page.goto("social-credit/questions/?teacher=1")
    links = page.locator(".question a.line-link").count()
    summaries = page.locator(".question details > summary").count()
    terms = page.locator(".question abbr.term").count()
    # The exercises' fields, and one stop per group of radio buttons.
    fields = page.locator(".exercise input:not([type=radio]), .exercise select").count()
    fields += page.locator(".exercise fieldset:has(input[type=radio])").count()
    stops = tab_through(page, links + summaries + terms + fields + 40)
    assert sum(1 for s in stops if "line-link" in s["cls"]) == links
    # 7 questions and 2 exercises, each with its excerpt, its model answer (an exercise's key) and its notes.
    assert sum(1 for s in stops if s["tag"] == "SUMMARY") == summaries == 27
    assert [s for s in stops if not s["visible"]] == []
    page.locator("section.question[data-question=q3] details.model-answer > summary").focus()
    page.keyboard.press("Enter")
    assert page.locator("section.question[data-question=q3] details.model-answer").get_attribute("open") is not None
