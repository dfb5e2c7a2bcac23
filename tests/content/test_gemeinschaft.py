"""The German worksheet, parsed from the built site: the text is its editions'
word for word, laid out as a paper sheet, in German on every page it stands,
its glossary found in it whatever the inflection, and it stands in a sequence
of its own on the home page."""

from __future__ import annotations

import pytest

from support import FIXTURES, printed_lines, shelf_titles, soup, text

WORKSHEET = "gemeinschaft"
EDITIONS = FIXTURES / "gemeinschaft-editions.txt"


@pytest.fixture(scope="module")
def page(site):
    return soup(site, f"{WORKSHEET}/article/")


def editions() -> dict[str, str]:
    """Each stored edition's text, by its heading."""
    sections = EDITIONS.read_text(encoding="utf-8").split("\n## ")[1:]
    return {section.splitlines()[0]: " ".join(section.split("\n", 1)[1].split()) for section in sections}


def test_the_text_is_its_editions_word_for_word(page):
    printed = " ".join(t for _, t in sorted(printed_lines(page).items()))
    printed = " ".join(printed.split())
    teachsam, babelmatrix = editions().values()
    assert printed == teachsam
    # The other edition differs only in its quotation marks, » « for „ “.
    assert printed.replace("„", "»").replace("“", "«") == babelmatrix


def test_it_is_laid_out_as_a_paper_sheet(page):
    lines = printed_lines(page)
    assert sorted(lines) == list(range(1, 31))
    assert max(len(t) for t in lines.values()) <= 60
    assert lines[1].startswith("Wir sind fünf Freunde") and lines[30].endswith("er kommt wieder.")


def test_the_text_is_german_on_every_page_it_stands(site):
    article = soup(site, f"{WORKSHEET}/article/")
    assert article.select_one(".article")["lang"] == "de"
    questions = soup(site, f"{WORKSHEET}/questions/")
    excerpts = questions.select(".excerpt-lines")
    assert len(excerpts) >= 5 and {element.get("lang") for element in excerpts} == {"de"}


def test_inflected_forms_open_their_entry(page):
    marked = {text(a).casefold(): a["data-term"] for a in page.select("abbr.term")}
    assert marked["glitt"] == "gleiten" and marked["gleitet"] == "gleiten"
    assert marked["geduldet"] == "dulden" and marked["fortwährende"] == "fortwahrend"
    assert marked["quecksilberkügelchen"] == "quecksilberkugelchen"


def test_it_has_a_sequence_of_its_own_on_the_home_page(site):
    assert shelf_titles(site, "Wir und die anderen") == ["Gemeinschaft"]
