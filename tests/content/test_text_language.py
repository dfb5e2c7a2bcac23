"""The language of each worksheet's text, on the built site: the Spanish
worksheet's article, excerpts, questions, glossary and printed sheet say
lang="es", the English ones lang="en", while every page keeps the
interface's own; answer boxes check and spell-check in the text's language;
the home page names each card's language; search finds a Spanish word from
another of its stem."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from support import ROOT, soup, text
from worksheet.library import load_library

LIBRARY = load_library(ROOT / "docs")
LANGUAGE = {ws.slug: ws.language for ws in LIBRARY.worksheets}
#: What carries the text's language on each page of a worksheet.
TEXT_PARTS = {
    "article/": [".article", ".article-head", ".notes-list ol"],
    "questions/": [".excerpt-lines", ".question-text"],
    "glossary/": [".glossary-entry h2", ".glossary-entry h2 + .glossary-meta .glossary-pos"],
    "worksheet/": [".article", ".question-text", ".vocabulary-list b"],
}


def test_the_library_has_texts_in_two_languages():
    assert LANGUAGE["rayo-de-luna"] == "es"
    assert {"en", "es"} <= set(LANGUAGE.values())


@pytest.mark.parametrize("slug", sorted(LANGUAGE))
@pytest.mark.parametrize("kind", sorted(TEXT_PARTS))
def test_the_text_carries_its_language_and_the_page_the_interfaces(site, slug, kind):
    page = soup(site, f"{slug}/{kind}")
    assert page.html["lang"] == "en"
    for selector in TEXT_PARTS[kind]:
        found = page.select(selector)
        assert found, f"{slug}/{kind}: no {selector}"
        assert {element.get("lang") for element in found} == {LANGUAGE[slug]}, f"{slug}/{kind}: {selector}"


def test_what_the_site_says_around_the_text_stays_in_the_pages_language(site):
    page = soup(site, "rayo-de-luna/questions/")
    labels = page.select(".answer-label")
    assert labels and all(label.find_parent(attrs={"lang": "es"}) is None for label in labels)
    summaries = page.select(".excerpt summary")
    assert summaries and all(s.find_parent(attrs={"lang": "es"}) is None for s in summaries)
    assert all(text(s).startswith("Reread") for s in summaries)


def test_answer_boxes_check_and_spell_in_the_texts_language(site):
    for slug, code in LANGUAGE.items():
        boxes = soup(site, f"{slug}/questions/").select(".answer-box")
        assert boxes
        for box in boxes:
            assert box.select_one("textarea")["lang"] == code
            assert [source["language"] for source in json.loads(box["data-sources"])] == [code]


def test_the_review_page_shows_each_question_in_its_texts_language(site):
    page = soup(site, "review/")
    data = json.loads(page.select_one(".review-data").string)
    assert data["sheets"]["rayo-de-luna"]["sources"][0]["language"] == "es"
    templates = page.select("template.review-key[data-sheet='rayo-de-luna']")
    assert templates
    assert {t.select_one(".review-question-text")["lang"] for t in templates} == {"es"}


def test_each_card_on_the_home_page_names_its_language(site):
    page = soup(site, "")
    cards = {text(card.select_one(".worksheet-card-title")): card for card in page.select(".worksheet-card")}
    assert cards
    for ws in LIBRARY.worksheets:
        card = cards[ws.title]
        label = next(li for li in card.select(".worksheet-card-facts li") if "Language" in text(li))
        assert label.select_one("[lang]")["lang"] == ws.language
        assert text(label) == {"en": "Language English", "es": "Language Español", "de": "Language Deutsch"}[ws.language]


@pytest.mark.browser
@pytest.mark.parametrize("query,word,line", [("exclamar", "exclamaba", 54), ("levantaba", "levantar", 3)])
def test_search_finds_a_spanish_word_from_another_of_its_stem(page: Page, query, word, line):
    ws = LIBRARY.worksheet("rayo-de-luna")
    assert word in ws.article.line(line).text and query not in ws.article.flow.text
    page.goto("")
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible()
    expect(result.locator("h1")).to_contain_text(ws.title)
    place = result.locator(f"a[href$='#L{line}']")
    expect(place).to_contain_text(f"Line {line}")
    expect(place.locator("mark")).to_have_text(re.compile(word, re.IGNORECASE))


def hyphenated_words(pdf) -> list[tuple[str, str]]:
    """(before, after) of each word a line of the PDF breaks with a hyphen."""
    import subprocess

    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r"([\w\u00ad]+)\u00ad\u2010?\s*\n\s*([\w\u00ad]+)", raw)
    return [(before.replace("\u00ad", ""), after.replace("\u00ad", "")) for before, after in found]


@pytest.mark.pdf
def test_the_pdfs_hyphenate_spanish_as_spanish_and_english_as_english(pdf_site):
    import pyphen

    for slug, code, other in [("rayo-de-luna", "es", "en"), ("social-credit", "en", "es")]:
        broken = hyphenated_words(pdf_site / slug / "pdf" / "answer-key.pdf")
        assert len(broken) >= 5, slug
        rule, wrong = pyphen.Pyphen(lang=code), pyphen.Pyphen(lang=other)
        for before, after in broken:
            assert len(before) in rule.positions(before + after), (slug, before, after)
        # The two languages' rules differ on these words: the text's rule was followed.
        assert any(len(before) not in wrong.positions(before + after) for before, after in broken), slug


@pytest.mark.pdf
def test_a_pdfs_text_holds_soft_hyphens_only_where_a_line_breaks(pdf_site):
    import subprocess

    for slug in LANGUAGE:
        raw = subprocess.run(["pdftotext", str(pdf_site / slug / "pdf" / "answer-key.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        inside = [line for line in raw.splitlines() if "\u00ad" in line.rstrip().rstrip("\u2010").rstrip("\u00ad")]
        assert len(inside) <= 3, (slug, inside[:3])


@pytest.mark.browser
@pytest.mark.parametrize("slug", sorted(LANGUAGE))
def test_a_pop_up_speaks_the_language_of_the_text_it_explains(page: Page, slug):
    page.goto(f"{slug}/article/")
    for trigger in (page.locator(".article abbr.term").first, page.locator("button.note-marker").first):
        trigger.focus()
        expect(page.locator("#popup:not([hidden])")).to_have_attribute("lang", LANGUAGE[slug])
