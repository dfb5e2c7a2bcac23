"""The questions page, parsed from the built site."""

from __future__ import annotations

import re

import pytest

from support import soup, text

#: The seven questions exactly as the paper sheet prints them.
SHEET_QUESTIONS = [
    "Introduce the document",
    "What is a « social credit »?",
    "What is a dystopia? Does this system fit the definition?",
    "Quote a few examples of how social credits can affect people's lives.",
    "« a single, all-knowing Orwellian surveillance machine that will ensure every single "
    "citizen's strict loyalty to the Communist Party » Explain",
    "What is Sesame Credit?",
    "What is your opinion about it?",
]


@pytest.fixture(scope="module")
def page(site):
    return soup(site, "social-credit/questions/")


@pytest.fixture(scope="module")
def article_lines(site):
    return {int(e["id"][1:]): text(e) for e in soup(site, "social-credit/article/").select(".line-text[id]")}


@pytest.fixture(scope="module")
def questions(page):
    """The open questions (the exercises are tested in test_exercises.py)."""
    return {q["data-question"]: q for q in page.select("section.question") if not q.select_one(".exercise")}


def test_seven_questions_with_ids_q1_to_q7(page, questions):
    assert list(questions) == [f"q{n}" for n in range(1, 8)]
    for n in range(1, 8):
        heading = page.select_one(f"#q{n}")
        assert heading is not None and heading.find_parent("section", class_="question")["data-question"] == f"q{n}"


def test_question_texts_are_verbatim_from_the_sheet(questions):
    for n, expected in enumerate(SHEET_QUESTIONS, start=1):
        assert text(questions[f"q{n}"].select_one(".question-text")) == expected


def test_every_question_links_to_existing_lines(questions, article_lines):
    for qid, q in questions.items():
        links = q.select(".question-lines a.line-link")
        assert links, qid
        for link in links:
            m = re.fullmatch(r"\.\./article/\?lines=(\d+)-(\d+)#L(\d+)", link["href"])
            assert m, link["href"]
            first, last, anchor = map(int, m.groups())
            assert anchor == first and 1 <= first <= last <= 65
            label = text(link)
            assert label == (f"line {first}" if first == last else f"lines {first}–{last}")


def test_cited_lines_are_shown_in_a_collapsed_excerpt_copied_from_the_article(questions, article_lines):
    for qid, q in questions.items():
        excerpt = q.select_one("details.excerpt")
        assert excerpt is not None and not excerpt.has_attr("open"), qid
        for link in q.select("a.line-link"):
            first, last = map(int, re.search(r"\?lines=(\d+)-(\d+)#", link["href"]).groups())
            # An ordered list numbered from the first cited line.
            block = excerpt.select_one(f'ol.excerpt-lines[start="{first}"]')
            shown = dict(enumerate((text(li) for li in block.select(":scope > li")), start=first))
            assert shown == {n: article_lines[n] for n in range(first, last + 1)}
            assert block.select("[id]") == []  # ids stay unique to the article
            # A plain reminder of the text: pop-ups and markers live in the article.
            assert block.select("abbr, a, .md-annotation, .note-marker") == []


def test_every_question_has_a_collapsed_model_answer_and_teacher_notes(questions):
    for qid, q in questions.items():
        for kind, title in (("model-answer", "Model answer"), ("teacher-note", "Teacher notes")):
            block = q.select_one(f"details.{kind}")
            assert block is not None, (qid, kind)
            assert not block.has_attr("open"), (qid, kind)
            assert text(block.select_one("summary")) == title
            body = text(block)[len(title):].strip()
            assert len(body.split()) >= 40, (qid, kind, body)


def test_model_answers_quote_the_article_with_line_numbers(questions):
    for qid, q in questions.items():
        answer = text(q.select_one("details.model-answer"))
        assert re.search(r'"[^"]+" \((?:l\.|lines?) \d+', answer), qid


def test_glossary_pop_ups_in_the_questions(questions):
    terms = {t["data-term"] for q in questions.values() for t in q.select(".question-text abbr.term")}
    assert {"social-credit", "dystopia", "orwellian", "surveillance", "sesame-credit"} <= terms
