"""The check of a student's quotations, in Python (the build's core,
worksheet/answer_check.py) and in the browser (assets/js/answer-check.js, run
by Node, and in the answer boxes of test_browser_answers.py): both
give exactly what tests/fixtures/answer-checks.json says, case by case, so
they cannot drift apart. And the length an answer box asks for."""

from __future__ import annotations

import json

import pytest
from support import FIXTURES, LIBRARY, ROOT, node_eval
from worksheet.answer_check import Source, check_answer
from worksheet.article import parse_article
from worksheet.checks import check_answer_and_notes
from worksheet.model import load_worksheet
from worksheet.questions import expected_words

FIXTURE = json.loads((FIXTURES / "answer-checks.json").read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]
TEXTS = FIXTURE["texts"]  # texts in other languages, by name, beside the library's worksheets


def article(slug: str):
    if slug in TEXTS:
        return parse_article("```article\n" + "\n".join(TEXTS[slug]["lines"]) + "\n```\n", f"{slug}.md")
    path = LIBRARY / slug / "article.md"
    return parse_article(path.read_text(encoding="utf-8"), str(path))


def language(slug: str) -> str:
    return TEXTS[slug]["language"] if slug in TEXTS else "en"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_python_check(case):
    sources = [Source.of(article(slug), language(slug)) for slug in case["articles"]]
    assert [checked.as_json() for checked in check_answer(case["answer"], sources)] == case["expect"]


def test_the_fixture_speaks_every_language_with_its_own_rules():
    """The shared cases read quotations in Spanish and German, and German
    marks count in German only."""
    spoken = {language(slug) for case in CASES for slug in case["articles"]}
    assert {"en", "es", "de"} <= spoken


CHECKER = ROOT / "overrides" / "assets" / "js" / "answer-check.js"


def browser_check(answers: list[str], articles: list[list[str]]) -> list:
    """What the browser's checker says of each answer, against its articles' slugs."""
    lines = {slug: [line.text for line in article(slug).lines] for slug in ("bikes", "trams", *TEXTS)}
    calls = [(answer, [[lines[slug], language(slug)] for slug in slugs]) for answer, slugs in zip(answers, articles)]
    return node_eval(CHECKER, "data.map(([answer, articles]) => m.check(answer, articles.map(([l, code]) => "
                              "new m.Source(l, code))))", calls)


@pytest.mark.node
def test_the_browser_knows_the_languages_of_the_core():
    """answer-check.js's table of languages is language.py's: the same
    quotation marks and the same words before a line or a document."""
    from worksheet.language import COMMON_QUOTES, LANGUAGES

    got = node_eval(CHECKER, "[m.commonQuotes, Array.from(m.languages, ([code, l]) => [code, l.quotes, l.line, l.document])]",
                    None)
    assert got == [[list(pair) for pair in COMMON_QUOTES],
                   [[code, [list(pair) for pair in lang.quotes], list(lang.line_words), list(lang.document_words)]
                    for code, lang in LANGUAGES.items()]]


@pytest.mark.node
def test_the_browser_check_gives_the_same():
    results = browser_check([c["answer"] for c in CASES], [c["articles"] for c in CASES])
    assert {case["name"]: got for case, got in zip(CASES, results)} == {case["name"]: case["expect"] for case in CASES}


def test_the_build_reads_a_model_answer_by_the_same_rule():
    ws = load_worksheet(LIBRARY / "bikes", "bikes")
    answer = ws.questions.questions[0].answer
    answer.text = 'It "slowly changed course" (doc. 1, l. 9), "In the 1960s" (l. 6) and "wobble" (doc. 2, l. 4).'
    citations = check_answer_and_notes(ws, ws.questions.questions[0])
    assert [c.problem.message for c in citations if c.problem] == [
        "q1 model answer: quotation \"In the 1960s\" is not in line 6 but in lines 5–6",
        "q1 model answer: quotation \"wobble\": 'doc. 2' names another document: a worksheet quotes its own article"]


def test_the_expected_length_follows_the_writing_space():
    assert expected_words(5) == (40, 60)
    assert expected_words(4) == (30, 50)
    assert expected_words(10) == (80, 120)
    assert expected_words(1) == (10, 10)


def random_answers(count: int, seed: int = 16) -> list[str]:
    """Answers made of the articles' own words (quoted, sometimes with a word
    changed), quotation marks, dashes, ellipses and line mentions, in every
    order: what no list of cases foresees."""
    import random

    rng = random.Random(seed)
    words = " ".join(line.text for slug in ("bikes", "trams", *TEXTS) for line in article(slug).lines).split()
    quotes = [('"', '"'), ("“", "”"), ("« ", " »"), ('"', ""), ("«", ""), ("„", "“"), ("»", "«"), ("›", "‹"),
              ("«\u202f", "\u202f»"), ("»", "")]
    marks = ['"', "“", "”", "«", "»", " … ", " [...] ", "...", " – ", "-", "’", "\n", "\n\n", ", ", " = ", "¿", "¡",
             "ß", "ss", "„", "‹"]
    mentions = ["(l. {a})", "l. {a}", "(lines {a}–{b})", "line {a}", "({a})", "(ll. {a}-{b})", "(2018)", "Lines {a} — {b}",
                "(doc. {d}, l. {a})", ", document {d}, lines {a}-{b}", "(Z. {a} f.)", "Z. {a} ff.", "líneas {a}-{b}",
                "(Dok. {d}, Zeile {a})", "riga {a}", "(renglón {a})", "ligne {a}"]
    answers = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 10)):
            roll = rng.random()
            start = rng.randrange(len(words))
            fragment = words[start:start + rng.randint(1, 7)]
            if roll < 0.4:
                if rng.random() < 0.2:
                    fragment[rng.randrange(len(fragment))] = rng.choice(words)
                if rng.random() < 0.2 and len(fragment) > 2:
                    fragment[1] = rng.choice(["…", "[...]", "..."])
                opening, closing = rng.choice(quotes)
                pieces.append(opening + " ".join(fragment) + closing)
            elif roll < 0.6:
                pieces.append(" ".join(fragment))
            elif roll < 0.75:
                pieces.append(rng.choice(marks))
            else:
                a = rng.randint(0, 15)
                pieces.append(rng.choice(mentions).format(a=a, b=a + rng.choice([0, 1, 1, 2, -1]), d=rng.randint(0, 3)))
        answers.append(" ".join(pieces))
    return answers


@pytest.mark.node
def test_both_checks_agree_on_random_answers():
    answers = random_answers(600)
    slugs = [["bikes"], ["bikes", "trams"], ["es-rayo"], ["de-kafka"]]
    browser = browser_check(answers, [slugs[i % 4] for i in range(len(answers))])
    python = [[c.as_json() for c in check_answer(a, [Source.of(article(s), language(s)) for s in slugs[i % 4]])]
              for i, a in enumerate(answers)]
    assert sum(len(r) for r in python) > 400  # the answers do quote and mention
    assert [i for i in range(len(answers)) if browser[i] != python[i]] == []


def test_the_points_of_the_questions_add_up_to_the_total():
    from worksheet.questions import parse_questions, total_points

    page = parse_questions("//// question\n    lines: 1\n    points: 4\n\nWhy?\n////\n\n"
                           "//// question\n    lines: 2\n    points: 1.5\n\nHow?\n////\n\n"
                           "//// question\n    lines: 3\n\nWho?\n////\n", "questions.md")
    assert page.problems == []
    assert [q.points for q in page.questions] == [4, 1.5, None]
    assert total_points(page.questions) == 5.5
    assert total_points(page.questions[2:]) is None
