"""The real library: two worksheets in one sequence, a German one and a
Spanish one each in its own, the AI Act worksheet as the issue asks it, the vocabulary of both,
and search across them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import ROOT, soup, text

from worksheet.library import load_library

LIBRARY = load_library(ROOT / "docs")


def test_the_home_page_lists_the_sequence_and_its_worksheets_in_order(site):
    shelves = soup(site, "").select(".library-shelf")
    assert [text(s.h2) for s in shelves] == ["Scoring citizens", "Wir und die anderen",
                                             "Entre el sueño y la realidad"]
    cards = shelves[0].select(".worksheet-card")
    assert [text(c.select_one(".worksheet-card-title")) for c in cards] == ["China's social credit", "The EU's AI Act"]
    assert [text(li) for li in cards[0].select(".worksheet-card-facts li")][-1] == "65 lines · 7 questions · 2 exercises · 2 hours"


def test_the_sequence_page_has_its_documents_and_a_final_task_on_both(site):
    page = soup(site, "sequences/scoring-citizens/")
    task = page.select_one("section.question[data-question=final-task]")
    links = [a["href"] for a in task.select("a.line-link")]
    assert {re.match(r"\.\./\.\./([a-z-]+)/article/", h).group(1) for h in links} == {"social-credit", "ai-act"}
    assert [text(p) for p in page.select(".worksheet-card-step")] == ["Document 1", "Document 2"]


def test_the_ai_act_worksheet_is_what_the_sequence_needs():
    ws = LIBRARY.worksheet("ai-act")
    assert 30 <= len(ws.article) <= 45
    assert len([q for q in ws.questions.questions if q.exercise is None]) == 5
    assert all(q.answer and q.notes for q in ws.questions.questions if q.exercise is None)
    assert len(ws.glossary.entries) >= 15 and all(e.french for e in ws.glossary.entries)
    assert len(ws.notes) >= 5
    assert ws.info["level"] == "B1"


def test_the_ai_act_article_lists_its_sources(site):
    note = soup(site, "ai-act/article/").select_one(".admonition")
    links = [a["href"] for a in note.select("a[href^='https://']")]
    assert len(links) >= 5
    assert any("eur-lex.europa.eu" in link for link in links)  # the Regulation itself


def test_the_vocabulary_lists_every_term_of_both_worksheets(site):
    listed = {text(h) .casefold() for h in soup(site, "glossary/").select(".glossary-entry h2")}
    terms = {e.term.casefold() for ws in LIBRARY.worksheets for e in ws.glossary.entries}
    assert listed == terms
    shared = soup(site, "glossary/").select_one("#blacklist").find_parent(class_="glossary-entry")
    assert {li.get_text().split(":")[0] for li in shared.select(".glossary-where li")} == {
        "China's social credit", "The EU's AI Act"}


@pytest.mark.browser
@pytest.mark.parametrize("word,worksheet", [("Sesame", "China's social credit"), ("landlord", "The EU's AI Act")])
def test_a_search_result_says_which_worksheet_it_comes_from(page: Page, word, worksheet):
    page.goto("")
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially(word, delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    titles = " ".join(page.locator(".md-search-result__article h1").all_inner_texts())
    headlines = {ws.title: ws.article.meta["headline"] for ws in LIBRARY.worksheets}
    assert worksheet in titles or headlines[worksheet] in titles
