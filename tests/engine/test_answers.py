"""The answer boxes as built, read in the HTML of the tiny library: a box
under each question (on a worksheet's questions page and on a sequence's
final task), the length it asks for, the articles its quotations are checked
against, the hand-in tools, and the article's lines for the check."""

from __future__ import annotations

import json
import re

from support import soup, text
from support_search import indexed_text


def test_each_question_has_a_labelled_box_in_its_writing_space(site, student_site):
    for built in (site, student_site):
        page = soup(built, "bikes/questions/")
        boxes = page.select(".answer-space > .answer-box")
        assert [(b["data-answers"], b["data-question"]) for b in boxes] == [("bikes", "q1"), ("bikes", "q2")]
        for box in boxes:
            area = box.select_one("textarea")
            label = page.select_one(f"label[for={area['id']}]")
            assert text(label) == f"Your answer to Question {box['data-question'][1:]}"
            described = [page.select_one(f"#{name}") for name in area["aria-describedby"].split()]
            assert [text(d) for d in described] == ["0 words", {"q1": "about 30–50 words", "q2": "about 20–40 words"}[box["data-question"]]]
            assert box.select_one(".answer-check")["aria-live"] == "polite"
            assert box.find_next_sibling(class_="typed-answer") is not None


def test_the_check_names_the_articles_it_reads(site):
    box = soup(site, "bikes/questions/").select_one(".answer-box")
    assert json.loads(box["data-sources"]) == [{"worksheet": "bikes", "src": "../article-lines.js", "title": "Bicycles in Amsterdam",
                                               "language": "en"}]
    final = soup(site, "sequences/city-transport/").select_one(".answer-box")
    assert final["data-answers"] == "sequences/city-transport"
    assert [s["src"] for s in json.loads(final["data-sources"])] == ["../../bikes/article-lines.js", "../../trams/article-lines.js"]
    assert text(final.parent.parent.select_one(f"#{final.select_one('textarea')['id']}-length")) == "about 60–100 words"


def test_the_article_lines_ship_as_a_script(site):
    script = (site / "bikes" / "article-lines.js").read_text(encoding="utf-8")
    assert script.startswith("window.__articleLines=window.__articleLines||Object.create(null);\n")
    lines = json.loads(re.search(r'__articleLines\["bikes"\]=(.*);\n$', script).group(1))
    assert len(lines) == 13 and lines[9] == "" and lines[12] == "is finding a free place to park."


def test_the_hand_in_tools_follow_the_last_question(site, student_site):
    for built in (site, student_site):
        page = soup(built, "bikes/questions/")
        hand_in = page.select_one("section.hand-in")
        assert hand_in.find_previous("section", class_="question")["data-question"] == "q2"
        assert (hand_in["data-answers"], hand_in["data-title"], hand_in["data-file"]) == ("bikes", "Bicycles in Amsterdam", "bikes-answers")
        assert [text(b) for b in hand_in.select(".hand-in-actions > *")] == [
            "Copy my answers", "Download (.txt)", "Print my worksheet", "Clear my answers"]
        assert hand_in.select_one("a.md-button")["href"] == "../worksheet/?mine=1&print=1"
        assert {text(label) for label in hand_in.select("label")} == {"Name", "Class"}
        intro = page.select_one(".answers-intro")
        assert intro.find_next("section")["data-question"] == "q1"
    sequence = soup(site, "sequences/city-transport/").select_one("section.hand-in")
    assert sequence.select_one("[data-action=print]") is not None and sequence.select_one("a.md-button") is None


def test_the_sheet_has_room_for_the_typed_answers(site):
    page = soup(site, "bikes/worksheet/")
    assert [len(s.select(".answer-space > .typed-answer")) for s in page.select("section.question")] == [1, 1]
    assert page.select_one(".mine-note")["data-answers"] == "bikes"
    assert [f["data-field"] for f in page.select(".sheet-header [data-field]")] == ["name", "class", "date"]
    assert page.select(".answer-box, .hand-in") == []


def test_the_boxes_and_tools_stay_out_of_the_search_index(site):
    index = indexed_text(site)
    assert "wobble" in index  # control: the article is indexed
    assert "Your answer" not in index and "Hand in your work" not in index and "saved on this device" not in index
