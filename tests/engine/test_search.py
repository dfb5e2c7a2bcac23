"""Search: the header box, opened from the keyboard, finds a word of any
worksheet and leads to the line it stands on; a first visit downloads no
index, a query only the parts of it it needs."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from support import LIBRARY, project, served
from support_search import indexed_pages
from worksheet.library import load_library

WORKSHEETS = load_library(LIBRARY).worksheets


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.casefold())


def a_word_only_there(slug: str) -> tuple[str, int]:
    """A long word on one line of the worksheet's article and nowhere else in
    any article; (the word, its line)."""
    counts = Counter(w for ws in WORKSHEETS for line in ws.article.lines for w in words_of(line.text))
    ws = next(ws for ws in WORKSHEETS if ws.slug == slug)
    for number, line in enumerate(ws.article.lines, 1):
        for word in words_of(line.text):
            if len(word) >= 7 and counts[word] == 1:
                return word, number
    raise AssertionError(f"{slug}: no word of its own")


@pytest.mark.browser
@pytest.mark.parametrize("slug", [ws.slug for ws in WORKSHEETS])
def test_search_finds_a_word_of_every_worksheet_and_leads_to_its_line(page: Page, slug):
    word, line = a_word_only_there(slug)
    page.goto("")
    page.keyboard.press("/")
    page.keyboard.type(word, delay=20)
    result = page.locator(".md-search-result__item").first
    expect(result).to_be_visible()
    title = next(ws.title for ws in WORKSHEETS if ws.slug == slug)
    expect(result.locator("h1")).to_contain_text(title)
    place = result.locator(f"a[href$='#L{line}']")
    expect(place).to_contain_text(f"Line {line}")
    expect(place.locator("mark")).to_have_text(re.compile(word, re.IGNORECASE))
    place.click()
    expect(page).to_have_url(re.compile(rf"/{slug}/article/\?h=.*#L{line}$"))
    target = page.locator(f"#L{line}")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text(re.compile(word, re.IGNORECASE))


@pytest.mark.browser
def test_a_first_visit_downloads_no_index_and_a_query_a_part_of_it(page: Page, site):
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto("bikes/article/", wait_until="networkidle")
    assert not [url for url in loaded if "/pagefind/" in url]
    page.keyboard.press("s")
    page.keyboard.type("commuters", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    fragments = [url for url in loaded if url.endswith(".pf_fragment")]
    assert 0 < len(fragments) < len(indexed_pages(site))  # only the pages that hold the word


def test_the_index_holds_the_pages_students_search_and_not_the_others(site):
    indexed = {page["url"] for page in indexed_pages(site)}
    assert {"/bikes/article/", "/bikes/questions/", "/trams/article/", "/"} <= indexed
    assert not [url for url in indexed if url.endswith(("/glossary/", "/worksheet/"))]
    article = next(page for page in indexed_pages(site) if page["url"] == "/bikes/article/")
    assert article["meta"]["title"] == "Article · Bicycles in Amsterdam"
    assert [a["id"] for a in article["anchors"] if a["id"].startswith("L")][:3] == ["L1", "L2", "L3"]
    assert "Q1" not in article["content"].split()  # the margins' marks are not text to find


MARKUP = "<img src=x onerror=\"document.title='run'\"><b>bold</b>"


@pytest.fixture(scope="module")
def served_with_markup_as_text(tmp_path_factory):
    """A copy whose article prints, as words on its line 4, what would be
    markup in a page: a result must show it as the words it is."""
    root = project(tmp_path_factory.mktemp("markup"))
    article = root / "docs" / "bikes" / "article.md"
    source = article.read_text(encoding="utf-8")
    assert "wobble at the traffic lights." in source
    article.write_text(source.replace("wobble at the traffic lights.", f"wobble at the {MARKUP} lights."),
                       encoding="utf-8")
    site, server = served(root.parent / "markup-site", root)
    yield site, server
    server.close()


@pytest.mark.browser
def test_a_result_shows_the_words_of_the_page_as_text_never_as_markup(browser, served_with_markup_as_text):
    site, server = served_with_markup_as_text
    assert "&lt;img src=x" in (site / "bikes" / "article" / "index.html").read_text(encoding="utf-8")
    context = browser.new_context(base_url=server.url)
    try:
        page = context.new_page()
        page.goto("bikes/article/")
        title = page.title()
        page.keyboard.press("/")
        page.keyboard.type("wobble", delay=20)
        place = page.locator(".md-search-result__item a[href$='#L4']").first
        expect(place).to_contain_text("<img src=x")
        expect(place).to_contain_text("<b>bold</b>")
        results = page.locator(".md-search-result")
        assert results.locator("img").count() == 0 and results.locator("b").count() == 0
        assert page.title() == title  # nothing ran
    finally:
        context.close()
