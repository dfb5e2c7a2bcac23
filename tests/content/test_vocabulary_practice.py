"""The practice pages of the real worksheets: a Spanish text's cards and test
are labelled Spanish on the term's side, French on the other; every card's
line stands in the text and holds the term."""

from __future__ import annotations

import json
import unicodedata

import pytest

from support import printed_lines, soup, text


def deck(site, address: str) -> list[dict]:
    return json.loads(soup(site, address).select_one("script.practice-deck").string)


def bare(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize("worksheet, language, name", [("rayo-de-luna", "es", "Spanish"),
                                                       ("social-credit", "en", "English")])
def test_each_card_is_labelled_in_its_language_and_quotes_its_line(site, worksheet, language, name):
    cards = deck(site, f"{worksheet}/practice/")
    lines = printed_lines(soup(site, f"{worksheet}/article/"))
    assert cards and {(c["language"], c["languageName"]) for c in cards} == {(language, name)}
    for card in cards:
        assert card["href"] == f"../article/#L{card['line']}"
        assert card["context"] == lines[card["line"]], card["term"]
        words = [card["term"], *card["forms"]]
        # The term stands on its line, or starts there and runs over to the next.
        assert any(bare(w).split()[0] in bare(card["context"]) for w in words), card["term"]
    test = soup(site, f"{worksheet}/vocabulary-test/")
    assert [text(h) for h in test.select(".vocabulary-test h2")] == [f"{name} → French", f"French → {name}"]


def test_the_site_wide_cards_are_every_worksheets(site):
    cards = deck(site, "glossary/practice/")
    assert {c["worksheet"] for c in cards} == {"social-credit", "ai-act", "rayo-de-luna", "gemeinschaft"}
    assert len(cards) == sum(len(deck(site, f"{ws}/practice/")) for ws in ("social-credit", "ai-act", "rayo-de-luna", "gemeinschaft"))
    assert all(c["href"] == f"../../{c['worksheet']}/article/#L{c['line']}" for c in cards if c["line"])
