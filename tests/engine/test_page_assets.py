"""Each page downloads the code and styles it uses: the answer boxes' on
pages with answer boxes, the pop-ups' on pages with pop-ups; the paper's
styles never hold back the screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import soup


def names(urls: list[str]) -> list[str]:
    return [url.split("?")[0].rsplit("/", 1)[-1] for url in urls]


@pytest.mark.browser
def test_an_article_page_requests_no_answer_code_and_a_questions_page_gets_it(page: Page):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto("bikes/article/", wait_until="networkidle")
    page.locator("#L4 abbr.term").hover()
    expect(page.locator("#popup[role=tooltip]:not([hidden])")).to_contain_text("unsteady")
    assert [n for n in names(loaded) if n.startswith("answers.")] == []
    assert [n for n in names(loaded) if n.startswith("popups.")] != []

    page.locator(".worksheet-bar a", has_text="Questions").click()  # instant navigation
    expect(page).to_have_url(re.compile(r"/bikes/questions/$"))
    page.locator("textarea.answer-text").first.fill("one two three")
    expect(page.locator(".answer-count").first).to_have_text("3 words")
    assert len([n for n in names(loaded) if n.startswith("answers.") and n.endswith(".js")]) == 1


@pytest.mark.browser
def test_the_home_page_requests_neither_answer_nor_pop_up_code(page: Page):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto("", wait_until="networkidle")
    assert [n for n in names(loaded) if n.startswith(("answers.", "popups."))] == []


def test_the_paper_styles_are_linked_for_print_only(site):
    for address in ("", "bikes/article/", "bikes/questions/", "bikes/worksheet/"):
        links = soup(site, address).select("link[rel=stylesheet]")
        on_screen = [link["href"] for link in links  # the site's own, not Material's
                     if link.get("media") != "print" and "/stylesheets/" not in link["href"]]
        for_print = [link["href"] for link in links if link.get("media") == "print"]
        assert len(for_print) == 1, address
        assert "@page" in (site / address / for_print[0]).read_text(encoding="utf-8")
        assert on_screen and [h for h in on_screen if "@page" in (site / address / h).read_text(encoding="utf-8")] == []
