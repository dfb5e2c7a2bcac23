"""A library whose vocabulary outgrows one page (``vocabulary_per_page``)
gets a page per first letter, and the vocabulary page becomes their index:
every term, a link to its entry."""

from __future__ import annotations

import pytest

from support import build, project, soup, text
from support_search import indexed_pages


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The tiny library (four terms), with at most two terms on a page."""
    root = project(tmp_path_factory.mktemp("vocabulary"))
    config = root / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    assert source.count("  - worksheet:\n") == 1
    config.write_text(source.replace("  - worksheet:\n", "  - worksheet:\n      vocabulary_per_page: 2\n"),
                      encoding="utf-8")
    return build(root, tmp_path_factory.mktemp("vocabulary-site") / "site")


def test_the_vocabulary_page_is_an_index_of_every_term_by_letter(site):
    page = soup(site, "glossary/")
    assert text(page.select_one(".vocabulary-count")) == "4 terms from 2 texts, a page for each letter."
    assert [(text(a), a["href"]) for a in page.select(".glossary-letters a")] == [
        ("A", "a/"), ("C", "c/"), ("R", "r/"), ("W", "w/")]
    assert [(text(a), a["href"]) for a in page.select(".vocabulary-terms a")] == [
        ("activist", "a/#activist"), ("commuter", "c/#commuter"), ("rail", "r/#rail"), ("wobble", "w/#wobble")]
    assert not page.select(".glossary-entry")


def test_each_link_of_the_index_leads_to_its_entry(site):
    for link in soup(site, "glossary/").select(".vocabulary-terms a"):
        folder, anchor = link["href"].split("#")
        assert soup(site, f"glossary/{folder}").select_one(f".glossary-entry h2#{anchor}") is not None, link


def test_a_letter_page_holds_its_terms_with_their_lines(site):
    page = soup(site, "glossary/c/")
    assert text(page.select_one("h1")) == "Vocabulary: C"
    assert [text(a) for a in page.select('.glossary-letters a[aria-current="page"]')] == ["C"]
    assert [a["href"] for a in page.select(".glossary-letters a")] == ["../a/", "./", "../r/", "../w/"]
    entries = page.select(".glossary-entry")
    assert [e.h2["id"] for e in entries] == ["commuter"]
    assert [a["href"] for a in entries[0].select(".glossary-where a")] == [
        "../../bikes/article/#L2", "../../trams/article/#L3"]


def test_the_letter_pages_stay_out_of_the_menu_and_of_search(site):
    assert [text(a) for a in soup(site, "glossary/a/").select(".md-tabs__link")] == [
        "Home", "Getting around the city", "Vocabulary", "Review"]
    indexed = {page["url"] for page in indexed_pages(site)}
    assert "/bikes/article/" in indexed
    assert not [url for url in indexed if url.startswith("/glossary/")]

