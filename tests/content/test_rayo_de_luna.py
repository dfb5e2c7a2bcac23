"""The Spanish worksheet, parsed from the built site: the text is its
editions' word for word, laid out as a paper sheet, its glossary found in it
whatever the accents, and it stands in its own sequence on the home page."""

from __future__ import annotations

import pytest

from support import FIXTURES, printed_lines, shelf_titles, soup, text

WORKSHEET = "rayo-de-luna"
EDITIONS = FIXTURES / "rayo-de-luna-editions.txt"
#: The paragraph the sheet leaves out, marked […] where it stood.
CUT = "En las nubes, en el aire,"


@pytest.fixture(scope="module")
def page(site):
    return soup(site, f"{WORKSHEET}/article/")


def editions() -> list[list[str]]:
    """Each stored edition's paragraphs, in order."""
    sections = EDITIONS.read_text(encoding="utf-8").split("\n## ")[1:]
    return [[row for row in section.splitlines()[1:] if row.strip()] for section in sections]


def same_marks(value: str) -> str:
    """Dialogue dashes as one mark (one edition prints a hyphen), spaces collapsed."""
    return " ".join(value.replace("—", "-").split())


def merged() -> str:
    """The editions joined where they overlap, which they must do word for word."""
    whole = ""
    for paragraphs in editions():
        part = same_marks(" ".join(paragraphs))
        overlap = next((n for n in range(min(len(whole), len(part)), 40, -1) if whole.endswith(part[:n])), 0)
        assert whole == "" or overlap, f"an edition does not overlap the one before it: {part[:60]}…"
        whole += ("" if overlap else " " if whole else "") + part[overlap:]
    return whole


def test_the_text_is_its_editions_word_for_word(page):
    lines = printed_lines(page)
    edition = merged()
    start = edition.index(same_marks(CUT))
    end = edition.index("¡Amar!")
    expected = edition[:start] + "[…] " + edition[end:]
    assert same_marks(" ".join(t for _, t in sorted(lines.items()))) == expected


def test_it_is_laid_out_as_a_paper_sheet(page):
    lines = printed_lines(page)
    assert sorted(lines) == list(range(1, 64))
    assert max(len(t) for t in lines.values()) <= 60
    paragraphs = page.select(".article p.paragraph")
    starts = [p.select_one(".line-text").get_text() for p in paragraphs]
    # Every paragraph but the first opens with an indent, as on paper.
    assert len(starts) == 11 and all("paragraph--indent" in p["class"] for p in paragraphs[1:])
    assert starts[0].startswith("Era noble") and starts[-1].startswith("Manrique no estaba")


def test_accented_and_inflected_forms_open_their_entry(page):
    marked = {text(a).casefold(): a["data-term"] for a in page.select("abbr.term")}
    assert marked["sílfides"] == "silfide" and marked["ondinas"] == "ondina"
    assert marked["insólito"] == "insolito" and marked["halcones"] == "halcon"
    assert marked["se cimbreaba"] == "cimbrearse" and marked["domaban"] == "domar"
    assert marked["a lo largo de"] == "a-lo-largo-de"


def test_it_has_a_sequence_of_its_own_on_the_home_page(site):
    assert shelf_titles(site, "Entre el sueño y la realidad") == ["El rayo de luna"]
