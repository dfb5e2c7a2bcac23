"""The article page, parsed from the built site: lines, numbers, fidelity to
the paper sheet, header, editor's note, notes and glossary terms."""

from __future__ import annotations

import json
import re

import pytest

from support import FIXTURES, printed_lines, soup, text

SHEET = FIXTURES / "sheet.txt"
WORKSHEET = "social-credit"

#: The margin numbers the OCR merged into the prose, and the word each marks.
ANCHORS = {20: "citizen", 25: "Given", 30: "quite the case", 40: "launched",
           50: "the line between", 60: "from buying"}


@pytest.fixture(scope="module")
def page(site):
    return soup(site, f"{WORKSHEET}/article/")


@pytest.fixture(scope="module")
def lines(page):
    return printed_lines(page)


def sheet_body() -> str:
    """The sheet's article text as the OCR gave it, margin numbers removed and
    the editor's two corrections applied."""
    raw = SHEET.read_text(encoding="utf-8")
    body = raw[raw.index("In the UK"): raw.index("> **Charles Rollet**")].replace("guite", "quite")
    for number, word in [*ANCHORS.items(), (65, "potentially")]:
        body = body.replace(f"{number} {word.split()[0]}", word.split()[0], 1)
    body = body.replace("and similar\n", "and similar [perks.]\n")
    return " ".join(body.split())


def test_every_printed_line_has_an_anchor(lines):
    assert sorted(lines) == list(range(1, 66))


def test_anchor_lines_begin_as_on_the_paper_sheet(lines):
    assert lines[1].startswith("In the UK,")
    for number, start in ANCHORS.items():
        assert lines[number].startswith(start), (number, lines[number])
    assert lines[65] == "potentially dystopian project."


def test_the_text_is_the_sheets_word_for_word(lines):
    assert " ".join(t for _, t in sorted(lines.items()) if t) == sheet_body()


def test_numbers_stand_every_five_lines_beside_their_line(page):
    shown = {}
    for line in page.select(".article [data-line]"):
        number = line.select_one(".line-number").get_text().strip()
        if number:
            shown[int(line["data-line"])] = number
    assert shown == {n: str(n) for n in range(5, 66, 5)}


def test_margin_numbers_are_not_part_of_the_line_text(page):
    for element in page.select(".line-text"):
        assert element.select(".line-number") == []
        assert not re.match(r"\s*\d+\s", element.get_text()) or element["id"] in ("L16", "L47")


def test_header_names_kicker_title_author_and_source(page):
    head = page.select_one(".article-head")
    assert text(head.select_one(".article-kicker")) == "China's social credit"
    assert text(head.select_one("h1")) == "The odd reality of life under China's all-seeing credit score system"
    byline = text(head.select_one(".article-byline"))
    for part in ("Charles Rollet", "WIRED UK", "5 June 2018"):
        assert part in byline
    assert head.find_parent(class_="article") is None  # the title is not numbered


def test_editors_note_states_every_correction(page):
    note = next(a for a in page.select(".admonition") if "Editor" in text(a.select_one(".admonition-title")))
    said = text(note)
    for point in ('"guite"', '"quite"', "[perks.]", "sort out they pay up", "wired.com", "wired.co.uk"):
        assert point in said, point


def test_at_least_eight_notes_on_names_and_facts(page):
    article = page.select_one(".article[data-lines]")
    markers = re.findall(r"\((\d+)\)", text(article))
    notes = article.find_next_sibling(class_="notes-list").select_one("ol").find_all("li", recursive=False)
    assert len(notes) >= 8
    assert sorted(map(int, markers)) == list(range(1, len(notes) + 1))
    all_notes = " ".join(text(li) for li in notes)
    for subject in ("Creemers", "Leiden", "Ant Financial", "Alibaba", "2014", "2020", "1.4 billion",
                    "Communist Party", "IT-backed authoritarianism"):
        assert subject in all_notes, subject


def test_note_markers_stand_beside_the_line_not_inside_it(page):
    for marker in page.select(".note-marker"):
        assert marker.find_parent(class_="line-text") is None
        assert marker.find_parent(class_="line") is not None


@pytest.fixture(scope="module")
def tips(site, page):
    """The pop-up text of each glossary entry, from the script the page loads."""
    script = (site / WORKSHEET / "glossary-tips.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^window\.__glossaryTips\[[^]]*\]=(\{.*\});$", script, re.M).group(1))


@pytest.mark.parametrize("line, word, term", [
    (8, "dystopian", "dystopia"), (65, "dystopian", "dystopia"), (27, "Orwellian", "orwellian"),
    (27, "surveillance", "surveillance"), (40, "Sesame Credit", "sesame-credit"),
    (6, "trustworthiness", "trustworthiness"), (34, "dissent", "dissent"),
    (52, "blacklist", "blacklist"), (20, "amalgamated", "amalgamated"),
    (43, "loyalty programme", "loyalty-programme"), (45, "preferential loans", "preferential-loans"),
    (51, "blurred", "blurred"), (63, "grimly captivating", "grimly-captivating"),
    (25, "authoritarian", "authoritarian"), (58, "authoritarianism", "authoritarianism"),
    (4, "social credit", "social-credit"), (9, "Social credit", "social-credit"),
])
def test_glossary_terms_have_pop_ups_where_they_occur(page, tips, line, word, term):
    terms = page.select(f"#L{line} abbr.term")
    match = [t for t in terms if t.get_text() == word]
    assert match, f"line {line}: no pop-up on {word!r} (found {[t.get_text() for t in terms]})"
    assert match[0]["data-term"] == term
    assert match[0]["tabindex"] == "0"
    assert len(tips[term]) > 20  # its definition


def test_a_term_split_over_two_lines_has_a_pop_up_on_both_halves(page):
    first = page.select("#L18 abbr.term")[-1]
    second = page.select("#L19 abbr.term")[0]
    assert (first.get_text(), second.get_text()) == ("government", "officials")
    assert first["data-term"] == second["data-term"]
