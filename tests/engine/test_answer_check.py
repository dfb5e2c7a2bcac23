"""The check of a student's quotations (the build's core,
worksheet/answer_check.py) gives exactly what tests/fixtures/answer-checks.json
says, case by case. And the length an answer box asks for."""

from __future__ import annotations

import json

import pytest

from support import FIXTURES, LIBRARY
from worksheet.answer_check import Source, check_answer
from worksheet.article import parse_article
from worksheet.questions import expected_words

CASES = json.loads((FIXTURES / "answer-checks.json").read_text(encoding="utf-8"))["cases"]


def article(slug: str):
    path = LIBRARY / slug / "article.md"
    return parse_article(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_python_check(case):
    sources = [Source.of(article(slug)) for slug in case["articles"]]
    assert [checked.as_json() for checked in check_answer(case["answer"], sources)] == case["expect"]


def test_the_expected_length_follows_the_writing_space():
    assert expected_words(5) == (40, 60)
    assert expected_words(4) == (30, 50)
    assert expected_words(10) == (80, 120)
    assert expected_words(1) == (10, 10)

