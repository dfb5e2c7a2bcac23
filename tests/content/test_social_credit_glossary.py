"""The glossary page: every entry, alphabetical, with links computed from the text."""

from __future__ import annotations

import re

import pytest

from support import soup, text

REQUIRED = ["social credit", "trustworthiness", "dystopia", "Orwellian", "Sesame Credit", "surveillance",
            "authoritarian", "dissent", "blacklist", "amalgamated", "loyalty programme",
            "preferential loans", "blurred", "grimly captivating"]


@pytest.fixture(scope="module")
def entries(site):
    return soup(site, "social-credit/glossary/").select(".glossary-entry")


@pytest.fixture(scope="module")
def article(site):
    return soup(site, "social-credit/article/")


def test_at_least_25_entries_in_alphabetical_order(entries):
    terms = [text(e.select_one("h2")) for e in entries]
    assert len(terms) >= 25
    assert terms == sorted(terms, key=str.casefold)
    for term in REQUIRED:
        assert term in terms, term


def test_each_entry_has_part_of_speech_definition_and_french(entries):
    for entry in entries:
        term = text(entry.select_one("h2"))
        assert text(entry.select_one(".glossary-pos")), term
        french = entry.select_one('.glossary-french [lang="fr"]')
        assert french is not None and text(french), term
        definition = [p for p in entry.find_all("p", recursive=False) if not p.get("class")]
        assert definition and len(text(definition[0]).split()) >= 5, term


def test_line_links_lead_to_lines_where_the_term_occurs(entries, article):
    checked = 0
    for entry in entries:
        slug = entry.select_one("h2")["id"]
        for link in entry.select(".glossary-where a[href*='article/']"):
            line = int(re.search(r"#L(\d+)$", link["href"]).group(1))
            assert text(link) == str(line)
            terms = {t["data-term"] for t in article.select(f"#L{line} abbr.term")}
            assert slug in terms, (slug, line)
            checked += 1
    assert checked >= 60


def test_every_occurrence_in_the_article_is_listed(entries, article):
    listed = {}
    for entry in entries:
        slug = entry.select_one("h2")["id"]
        listed[slug] = {int(re.search(r"#L(\d+)$", a["href"]).group(1))
                        for a in entry.select(".glossary-where a[href*='article/']")}
    for term in article.select(".article abbr.term"):
        line = int(term.find_parent(class_="line-text")["id"][1:])
        previous = article.select_one(f"#L{line - 1}")
        continued = previous is not None and any(t["data-term"] == term["data-term"] for t in previous.select("abbr.term")[-1:])
        assert line in listed[term["data-term"]] or continued, (term["data-term"], line)


def test_a_letter_index_leads_to_the_first_entry_of_each_letter(site, entries):
    page = soup(site, "social-credit/glossary/")
    first = {}
    for entry in entries:
        heading = entry.select_one("h2")
        first.setdefault(text(heading)[0].upper(), heading["id"])
    letters = [(text(a), a["href"]) for a in page.select("nav.glossary-letters a")]
    assert letters == [(letter, f"#{slug}") for letter, slug in first.items()]
    # It stands in for a table of contents of every entry, which the page leaves out.
    assert page.select("nav.md-nav--secondary a") == []
