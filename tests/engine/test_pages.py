"""The pages each worksheet gets, read in the built HTML of the tiny library
(tests/fixtures/library/): two worksheets and a sequence."""

from __future__ import annotations

import re

from support import LIBRARY, article_lines, project, soup, text


def test_every_worksheet_gets_its_pages(site):
    for slug in ("bikes", "trams"):
        for page in ("", "article/", "questions/", "glossary/", "worksheet/"):
            assert (site / slug / page / "index.html").is_file(), f"{slug}/{page}"
    assert (site / "glossary" / "index.html").is_file()
    assert (site / "sequences" / "city-transport" / "index.html").is_file()


def test_the_article_has_one_element_per_printed_line(site):
    page = soup(site, "bikes/article/")
    lines = {int(e["id"][1:]): e.get_text() for e in page.select(".line-text[id^=L]")}
    assert lines == dict(enumerate(article_lines(LIBRARY / "bikes"), start=1))
    numbers = [text(n) for n in page.select(".article .line-number") if text(n)]
    assert numbers == ["5", "10"]
    assert text(page.select_one("h1#headline")) == "Two wheels good"
    assert text(page.select_one(".article-byline")) == "A. Teacher · Written for the tests · 1 March 2024"


def test_the_help_line_is_derived_from_the_worksheet(site):
    assert "Q1–Q2 link to the questions" in text(soup(site, "bikes/article/").select_one(".article-help"))
    assert "Q1 link to the questions" in text(soup(site, "trams/article/").select_one(".article-help"))


def test_notes_and_question_markers_sit_beside_their_lines(site):
    page = soup(site, "bikes/article/")
    marked = {int(m.find_parent(class_="line")["data-line"]): text(m) for m in page.select(".note-marker")}
    assert marked == {8: "(1)"}
    evidence: dict[str, list[int]] = {}
    for link in page.select("a.evidence"):
        evidence.setdefault(link.get_text(), []).append(int(link.find_parent(class_="line")["data-line"]))
        assert re.fullmatch(r"\.\./questions/#q[12]", link["href"])
    assert evidence == {"Q1": [5, 6, 7, 8, 9], "Q2": [1, 2, 3, 4, 11, 12, 13]}
    assert [text(li) for li in page.select(".notes-list li")] == [
        'Stop the child murder: "Stop de Kindermoord", a Dutch protest movement founded in 1973, which the '
        'article calls "Stop the child murder" (lines 8–9).']


def test_glossary_terms_are_marked_in_the_article_and_the_questions(site):
    article = soup(site, "bikes/article/")
    assert {text(t) for t in article.select("abbr.term")} == {"commuters", "wobble", "activists"}
    assert article.select_one(".article")["data-tips"] == "../glossary-tips.js"
    questions = soup(site, "bikes/questions/")
    assert [text(t) for t in questions.select(".question-text abbr.term")] == ["activists", "commuters"]
    tips = (site / "bikes" / "glossary-tips.js").read_text(encoding="utf-8")
    assert '"wobble": "wobble (verb): To move from side to side in an unsteady way. French: vaciller, tanguer"' in tips


def test_each_question_is_a_block_with_its_lines_excerpt_and_writing_space(site):
    page = soup(site, "bikes/questions/")
    questions = page.select("section.question")
    assert [q["data-question"] for q in questions] == ["q1", "q2"]
    assert [text(q.h2) for q in questions] == ["Question 1", "Question 2"]
    assert text(questions[0].select_one(".question-text")) == "How did « Parents and activists » change the city?"
    links = [(text(a), a["href"]) for a in page.select("a.line-link")]
    assert links == [
        ("lines 5–9", "../article/?lines=5-9#L5"),
        ("lines 1–4", "../article/?lines=1-4#L1"),
        ("lines 11–13", "../article/?lines=11-13#L11"),
    ]
    excerpt = questions[0].select_one("details.excerpt")
    assert [li.get_text() for li in excerpt.select("li")] == article_lines(LIBRARY / "bikes")[4:9]
    assert excerpt.select_one("ol")["start"] == "5"
    space = questions[0].select_one(".answer-space")
    assert len(space.select(".writing-space .rule")) == 4
    assert space.select_one("details.model-answer") is not None  # the answer stands in the writing space
    assert questions[0].select_one(":scope > details.teacher-note") is not None


def test_the_glossary_page_lists_where_each_term_occurs(site):
    page = soup(site, "bikes/glossary/")
    entries = page.select(".glossary-entry")
    assert [e.h2["id"] for e in entries] == ["activist", "commuter", "wobble"]
    wobble = entries[2]
    assert text(wobble.select_one(".glossary-french")) == "French: vaciller, tanguer"
    assert [(text(a), a["href"]) for a in wobble.select(".glossary-where a")] == [("4", "../article/#L4")]
    assert [text(a) for a in page.select("nav.glossary-letters a")] == ["A", "C", "W"]


def test_the_sheet_holds_article_and_questions_without_pop_ups(site):
    page = soup(site, "bikes/worksheet/")
    assert len(page.select(".line-text[id^=L]")) == 13
    assert page.select("abbr.term, a.evidence") == []
    assert [text(q.select_one(".question-lines")) for q in page.select("section.question")] == [
        "Lines: 5–9", "Lines: 1–4, 11–13"]
    assert [len(q.select(".rule")) for q in page.select("section.question")] == [4, 3]
    assert [text(li) for li in page.select(".vocabulary-list li")] == [
        "activist noun un(e) militant(e)", "commuter noun un navetteur, une navetteuse", "wobble verb vaciller, tanguer"]
    notes = page.select_one(".gathered-notes")
    assert "The ellipsis in the model answer leaves out of cycling here." in text(notes)


def test_titles_name_the_worksheet(site):
    """In the browser's tab and the header, and so in each search result."""
    assert text(soup(site, "bikes/questions/").title) == "Questions · Bicycles in Amsterdam - Reading worksheets"
    assert text(soup(site, "trams/").title) == "Trams in Melbourne - Reading worksheets"
    assert text(soup(site, "bikes/").h1) == "Bicycles in Amsterdam"


def test_a_bar_leads_to_every_page_of_the_worksheet(site):
    bar = soup(site, "trams/questions/").select_one("nav.worksheet-bar")
    assert text(bar.select_one(".worksheet-bar-title")) == "Trams in Melbourne"
    assert [(text(a), a["href"], a.get("aria-current")) for a in bar.select("a")] == [
        ("About", "../", None), ("Article", "../article/", None), ("Questions", "./", "page"),
        ("Glossary", "../glossary/", None), ("Worksheet", "../worksheet/", None), ("Practice", "../practice/", None)]


def test_the_home_page_is_the_library_generated_from_the_worksheets(site):
    page = soup(site, "")
    shelf = page.select_one(".library-shelf")
    assert text(shelf.h2) == "Getting around the city"
    cards = shelf.select(".worksheet-card")
    assert [text(c.select_one(".worksheet-card-title")) for c in cards] == ["Bicycles in Amsterdam", "Trams in Melbourne"]
    assert text(cards[0].select_one(".worksheet-card-source")) == "A. Teacher · Written for the tests · 1 March 2024"
    assert [text(li) for li in cards[1].select(".worksheet-card-facts li")] == [
        "Level A2", "Theme Cities", "Language English", "6 lines · 1 question · 20 minutes"]
    assert [a["href"] for a in cards[1].select(".worksheet-card-links a")] == [
        "trams/article/", "trams/questions/", "trams/glossary/", "trams/worksheet/"]


def test_the_sequence_page_lists_its_documents_then_its_final_task(site):
    page = soup(site, "sequences/city-transport/")
    assert [text(p) for p in page.select(".worksheet-card-step")] == ["Document 1", "Document 2"]
    task = page.select_one("section.question#final-task, section.question[data-question=final-task]")
    assert text(task.h2) == "Final task"
    assert [(text(a), a["href"]) for a in task.select("a.line-link")] == [
        ("Bicycles in Amsterdam, lines 5–9", "../../bikes/article/?lines=5-9#L5"),
        ("Trams in Melbourne, lines 1–3", "../../trams/article/?lines=1-3#L1")]
    assert [text(p) for p in task.select(".excerpt-source")] == ["Bicycles in Amsterdam", "Trams in Melbourne"]


def test_the_vocabulary_lists_every_term_of_every_worksheet(site):
    page = soup(site, "glossary/")
    entries = {e.h2["id"]: e for e in page.select(".glossary-entry")}
    assert sorted(entries) == ["activist", "commuter", "rail", "wobble"]
    commuter = entries["commuter"]
    assert len(commuter.select(".glossary-french")) == 1  # both worksheets define it alike
    assert [text(li) for li in commuter.select(".glossary-where li")] == [
        "Bicycles in Amsterdam: line 2", "Trams in Melbourne: line 3"]
    assert [a["href"] for a in commuter.select(".glossary-where a")] == ["../bikes/article/#L2", "../trams/article/#L3"]


def test_the_menu_follows_the_sequences(site):
    page = soup(site, "")
    assert [text(a) for a in page.select(".md-tabs__link")] == ["Home", "Getting around the city", "Vocabulary", "Review"]


def test_numbered_sequences_come_in_number_order(tmp_path):
    from worksheet.library import load_library

    docs = project(tmp_path / "project").joinpath("docs")
    for number in (10, 2, 1):
        (docs / "sequences" / f"unit-{number}.md").write_text(
            f"---\ntitle: Unit {number}\nworksheets: [bikes]\n---\n\nA unit.\n", encoding="utf-8")
    titles = [s.title for s in load_library(docs).sequences]
    assert titles == ["Getting around the city", "Unit 1", "Unit 2", "Unit 10"]
