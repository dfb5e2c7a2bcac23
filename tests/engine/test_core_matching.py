"""Unit tests of the core's matching: line references, quotations, article
lines and glossary terms, on small inputs written here."""

from __future__ import annotations

import pytest

from worksheet import Worksheet
from worksheet.article import parse_article
from worksheet.glossary import parse_glossary
from worksheet.prose import parse_page
from worksheet.questions import parse_questions
from worksheet.quotes import find_in, find_quotations, normalise
from worksheet.questions import parse_refs
from worksheet.refs import LineRange, find_mentions
from worksheet.yamlmap import load_records

ARTICLE = """```article
  The ferry leaves at dawn. Its deck
is full of bicycles – and of sleepy
"commuters" who read the morning paper.

  On the far bank, the day begins.
```
"""


@pytest.fixture
def article():
    return parse_article(ARTICLE, "article.md")


# -- line references --------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("25–29", [(None, 25, 29)]), ("1–7, 25–36", [(None, 1, 7), (None, 25, 36)]), ("9", [(None, 9, 9)]),
    ("ai-act:12–15, social-credit:3", [("ai-act", 12, 15), ("social-credit", 3, 3)]), ("4-7", [(None, 4, 7)]),
])
def test_a_lines_option_names_ranges(value, expected):
    assert [(r.worksheet, r.range.first, r.range.last) for r in parse_refs(value)] == expected


@pytest.mark.parametrize("value", ["lines 4–7", "4 to 7", "", "4–", "Ai:4"])
def test_other_lines_options_name_none(value):
    assert parse_refs(value) is None


def test_line_mentions_in_prose():
    prose = 'it is "here" (l. 9), "there" (lines 9–10) and "everywhere" (11-12), not (a)'
    assert [(prose[s:e], r) for s, e, r in find_mentions(prose)] == [
        ("l. 9", LineRange(9, 9)), ("lines 9–10", LineRange(9, 10)), ("(11-12)", LineRange(11, 12)),
    ]


# -- quotations -----------------------------------------------------------------

def test_quotations_in_every_style():
    prose = 'He said « a ferry », then “a deck”, then "a\nbicycle", then "".'
    assert [q.text for q in find_quotations(prose)] == ["a ferry", "a deck", "a\nbicycle"]


def test_straight_quotes_do_not_run_over_a_blank_line_or_into_html():
    prose = 'An odd " quote.\n\nThen <span class="x">"a deck"</span>.'
    assert [q.text for q in find_quotations(prose)] == ["a deck"]


def test_normalising_touches_only_spaces_quotes_and_dashes():
    assert normalise("  “It’s”\n a  bicycle — or—not ") == "\"It's\" a bicycle - or-not"
    assert normalise("Bicycle") != normalise("bicycle")


def test_an_ellipsis_matches_any_gap_in_order(article):
    text = article.flow.normal
    for quote in ("The ferry … deck", "The ferry [...] the far bank", "The ferry ... Its", "… at dawn"):
        assert find_in(quote, text) is not None, quote
    assert find_in("deck … The ferry", text) is None
    start, end = find_in("leaves … dawn", text)
    assert text[start:end] == "leaves at dawn"


# -- the article ----------------------------------------------------------------

def test_article_lines_keep_their_numbers(article):
    assert len(article) == 5  # the trailing empty row is no printed line
    assert [line.text for line in article.lines][:2] == ["The ferry leaves at dawn. Its deck", "is full of bicycles – and of sleepy"]
    assert article.line(4).blank
    assert [line.number for line in article.lines if line.starts_paragraph] == [1, 5]


def test_the_flow_maps_offsets_back_to_lines(article):
    flow = article.flow
    start = flow.text.index("sleepy")
    assert flow.locate(start) == (2, article.line(2).text.index("sleepy"))
    assert list(flow.span_lines(start, flow.text.index("who"))) == [2, 3]
    assert flow.text[slice(*flow.span(2, 4))] == " ".join(article.line(n).text for n in (2, 3, 4) if article.line(n).text)
    assert flow.line_start(4) is None
    assert len(flow.normal) == len(flow.text) and '"commuters"' in flow.normal


# -- glossary terms ------------------------------------------------------------------

GLOSSARY = """
- term: ferry
  forms: [ferries]
- term: bicycle
  forms: [bicycles]
- term: far bank
- term: bank
- term: it
"""


def test_terms_match_whole_words_in_any_case_and_over_line_breaks():
    glossary = parse_glossary(GLOSSARY, "glossary.yml")
    text = "FERRIES and a ferryman; the far\nbank, a bank, a Bicycle-shed, İT."
    assert [(text[m.start:m.end], m.entry.term) for m in glossary.find(text)] == [
        ("FERRIES", "ferry"), ("far\nbank", "far bank"), ("bank", "bank"), ("Bicycle", "bicycle"), ("İT", "it"),
    ]


def test_a_term_over_a_blank_line_is_marked_on_both_lines():
    article = parse_article("```article\nthe far\n\nbank opens\n```\n", "article.md")
    glossary = parse_glossary("- term: far bank\n", "glossary.yml")
    ws = Worksheet(article, parse_questions("", "questions.md"), glossary, [])
    pieces = {n: [(s, e, entry.term) for s, e, entry in found] for n, found in ws.matches_by_line().items()}
    assert pieces == {1: [(4, 7, "far bank")], 3: [(0, 4, "far bank")]}


def test_citations_stay_inside_the_article():
    article = parse_article("```article\none\ntwo\n```\n", "article.md")
    questions = parse_questions("//// question\n    lines: 2–999999\n\nWhy?\n////\n", "questions.md")
    ws = Worksheet(article, questions, parse_glossary("", "glossary.yml"), [])
    assert dict(ws.citations()) == {2: ["q1"]}


# -- prose that may quote the article ------------------------------------------------

def test_a_markdown_page_is_read_without_front_matter_or_code():
    page = parse_page('---\ntitle: T\n---\nSay "a" (l. 1).\n\n```article\n"b" (l. 2)\n```\n\nAnd `"c" (l. 3)`, "d".\n',
                      "p.md")
    assert page.prose.line == 4
    assert page.prose.text.split("\n") == ['Say "a" (l. 1).', "", "", "", "", "", "And " + " " * 12 + ', "d".', ""]


def test_yaml_texts_keep_the_line_they_start_on():
    records = load_records(
        "- note: >-\n    folded over\n    two rows\n  plain: one row\n"
        "- single: 'it''s \"x\"'\n  double: \"a \\\" b\"\n", "n.yml", "note")
    assert [{key: (block.text, block.line) for key, block in r["__at__"].items()} for r in records] == [
        {"note": (">-\n    folded over\n    two rows\n", 1), "plain": ("one row", 4)},
        {"single": ('it\'s "x"', 5), "double": ('a " b', 6)},
    ]
