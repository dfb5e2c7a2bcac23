"""Random and malformed input thrown at the parsers and the checks (hypothesis).

Whatever the text, the core never raises anything but a clean
``WorksheetError`` naming the file, and every problem it returns reads as
one ``path:line: message`` line.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from worksheet import Problem, Worksheet, WorksheetError, load_worksheet
from worksheet.article import parse_article
from worksheet.checks import check, coverage
from worksheet.glossary import parse_glossary
from worksheet.notes import parse_notes
from worksheet.questions import parse_questions
from worksheet.quotes import find_in, find_quotations, left_open, normalise
from worksheet.refs import find_mentions

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces of real syntax, so that random text often looks almost right.
COMMON = ["\n", " ", "  ", "\t", "\r", "\r\n", "\ufeff", "\x00", "\x85", "\u2028", "é", "٣", ":", "{", "[", "-", "1", "12"]
QUESTION_ROWS = [
    "//// question", "/// question", "//// question | Final task", "////", "///", "/// model-answer",
    "/// teacher-notes", "/// other", "    lines: 1–2", "    lines: x", "    lines: a:1–2", "    lines: TODO",
    "    writing-space: 4", "    writing-space: x", "    id: q9", "    id: Q", "    other: 1", "    [", "    : x",
    "[lines 3–1](article.md#L3)", "[line 4](article.md#L4)", "[lines 1–2](article.md#L9)", "[x](#L0)",
    "[lines 1-999999](article.md#L1)", "[line 2](notes.md)", "](article.md#L", "[line ", "](", "l. 9", "ll. 2-",
    "(9–10)", "(0)", "lines 4", "«", "»", '"', "“", "”", "’", "…", "...", "[...]", "–", "—", '="x"', "---",
    "  lines: 1–2", "   writing-space: 2", '!!! tip "Hint"', "/// details | Hint", "/// classroom-only", "'", "‘",
    "'the city' (l. 1)", "it's", "students' ", "[x]: article.md#L99",
]
ARTICLE_ROWS = ["```article", "```", "---", "  ", "the city", "a bicycle", "«", '"', "’", "–", "…", "..."]
YAML_ROWS = [
    "- term: a", "- term: a b", "  forms: [", "  forms: 5", "  forms: [null, b]", "  forms: [a]", "  pos: noun",
    "  definition: d", "  french: f", "  french: ''", "- line: 2", "- line: x", "  phrase: the", "  note: n",
    "- ", "&a [*a]", "&a {x: *a}", "? [x]", "!!python/object", "%YAML", "---",
    '  note: "the \\" city" (l. 1)', "  definition: 'a ''b'' \"the city\" (l. 1)'", '  note: "open', "  note: >-",
    '    "the city" (l. 1)', '  definition: |', '    "a bicycle" (lines 1–2) and l. 9',
    "  classroom-only: true", "  classroom-only: x", "  definition: 42", "  definition: [a, b]", "  forms: a, b",
    "  defintion: d", "  colour: red", "   pos: n", "  line: 0", "  note: 2024-01-01", "\tpos: n",
]


def texts(rows: list[str]):
    """Random lines, each a fragment of syntax or a few random pieces."""
    pieces = st.one_of(st.sampled_from(rows + COMMON), st.text(max_size=6))
    row = st.one_of(st.sampled_from(rows), st.lists(pieces, max_size=4).map("".join))
    return st.lists(row, max_size=12).map("\n".join)


questions_texts, article_texts, yaml_texts = texts(QUESTION_ROWS), texts(ARTICLE_ROWS), texts(YAML_ROWS)
any_texts = texts(QUESTION_ROWS + ARTICLE_ROWS + YAML_ROWS)


def one_line(text: str) -> bool:
    return len(text.splitlines()) == 1 and text == text.strip()


def assert_clean(problem: Problem, path: str):
    assert problem.path == path
    assert problem.line >= 0
    assert one_line(str(problem)), str(problem)
    assert str(problem).startswith(f"{path}:" if problem.line else f"{path}: ")


# -- references and quotations --------------------------------------------------

@SETTINGS
@given(questions_texts)
def test_line_references_parse_or_say_none(text):
    for start, end, r in find_mentions(text):
        assert 0 <= start < end <= len(text)
        assert isinstance(r.first, int) and isinstance(r.last, int)


@SETTINGS
@given(questions_texts, article_texts)
def test_quotations_are_found_and_matched_without_error(prose, article):
    for quote in find_quotations(prose):
        assert quote.text.strip() == quote.text and quote.text
        assert 0 <= quote.start < quote.end <= len(prose)
        find_in(quote.text, normalise(article))  # no error
    assert normalise(normalise(prose)) == normalise(prose)


letters = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)
#: Words with apostrophes, as English writes them: it's, o'clock, students'.
apostrophed = st.one_of(letters, st.tuples(letters, letters).map("'".join), letters.map(lambda w: w + "s'"),
                        st.tuples(letters, letters).map("’".join))


@SETTINGS
@given(st.lists(apostrophed, min_size=1, max_size=12))
def test_an_apostrophe_is_never_taken_for_a_quote(words):
    text = " ".join(words) + " (l. 3)"
    assert find_quotations(text, single=True) == []
    assert left_open(text) is None


@SETTINGS
@given(st.lists(st.tuples(st.lists(letters, min_size=1, max_size=3).map(" ".join),
                          st.lists(letters, min_size=1, max_size=3).map(" ".join)), min_size=1, max_size=6), st.data())
def test_a_quotation_left_open_is_named_where_it_opens(pieces, data):
    """Quotations closed: none is left open. One closing mark taken away:
    that quotation is named, wherever it stands, not the ones after it."""
    text = "".join(f'{said} "{quoted}" ' for said, quoted in pieces) + "end."
    assert left_open(text) is None
    assert [q.text for q in find_quotations(text)] == [quoted for _, quoted in pieces]
    k = data.draw(st.integers(0, len(pieces) - 1))
    opened = [i for i, char in enumerate(text) if char == '"'][2 * k]
    closing = text.index('"', opened + 1)
    assert left_open(text[:closing] + text[closing + 1 :]) == opened


words = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=8)
article_rows = st.lists(st.lists(words, min_size=0, max_size=6).map(" ".join), min_size=1, max_size=12)


@SETTINGS
@given(article_rows, st.data())
def test_any_passage_of_the_article_is_found_however_it_is_wrapped(rows, data):
    """A quotation copied from the article, with its line breaks, spaces, quote
    and dash styles changed, still matches."""
    try:
        article = parse_article("```article\n" + "\n".join(rows) + "\n```\n", "a.md")
    except WorksheetError as exc:
        assert_clean(exc.problem, "a.md")
        return
    flow = article.flow
    start = data.draw(st.integers(0, len(flow.text)))
    end = data.draw(st.integers(start, len(flow.text)))
    passage = flow.text[start:end]
    spaces = data.draw(st.lists(st.sampled_from([" ", "\n", "   ", " \n "]), min_size=passage.count(" ") + 1))
    rewrapped = "".join(part + spaces[i] for i, part in enumerate(passage.split(" ")))[: -len(spaces[passage.count(" ")])]
    restyled = rewrapped.replace("-", "–").replace("'", "’").replace('"', "«")
    assert find_in(restyled, flow.normal) is not None
    assert find_in(passage, flow.normal) is not None


# -- the parsers ------------------------------------------------------------------

@SETTINGS
@given(article_texts)
def test_the_article_parser_returns_lines_or_a_clean_error(text):
    for source in (text, f"```article\n{text}\n```\n"):
        try:
            article = parse_article(source, "docs/article.md")
        except WorksheetError as exc:
            assert_clean(exc.problem, "docs/article.md")
            continue
        assert [line.number for line in article.lines] == list(range(1, len(article) + 1))
        for line in article.lines:
            if not line.blank:
                start = article.flow.line_start(line.number)
                assert article.flow.text[start : start + len(line.text)] == line.text
        assert len(article.flow.normal) == len(article.flow.text)


@SETTINGS
@given(questions_texts)
@example("//// question\n/// model-answer\n////")  # a part never closed
@example("//// quest\x85ion\n    lines:\u2028 2\n////")  # line breaks Python sees, Markdown does not
def test_the_questions_parser_returns_questions_or_a_clean_error(text):
    try:
        page = parse_questions(text, "docs/questions.md")
    except WorksheetError as exc:
        assert_clean(exc.problem, "docs/questions.md")
        return
    for problem in page.problems:
        assert_clean(problem, "docs/questions.md")
    assert [q.number for q in page.questions] == list(range(1, len(page.questions) + 1))


@SETTINGS
@given(yaml_texts)
@example("- term: a\n  forms: 5")  # forms that are no list
@example("- term: a\n  forms: [null, 2]")
@example("- &a {term: *a}")  # a mapping that contains itself
@example("[" * 600)  # nested too deeply for the Python parser
@example('\x85\n    "the city" (l. 1)')  # a line break of YAML's that is no newline
def test_the_yaml_parsers_return_entries_or_a_clean_error(text):
    for parse, path in ((parse_glossary, "docs/glossary.yml"), (parse_notes, "docs/notes.yml")):
        try:
            result = parse(text, path)
        except WorksheetError as exc:
            assert_clean(exc.problem, path)
            continue
        problems = result.problems if parse is parse_glossary else result[1]
        for problem in problems:
            assert_clean(problem, path)


# -- the whole worksheet --------------------------------------------------------

ARTICLE_HEAD = "```article\n"


@SETTINGS
@given(article_texts, questions_texts, yaml_texts, yaml_texts)
@example("a\n\nb", "", "- term: a b", "")  # a term over a blank line
def test_checking_any_worksheet_gives_clean_problems(article, questions, glossary, notes):
    try:
        parsed_article = parse_article(ARTICLE_HEAD + article + "\n```\n", "docs/article.md")
        page = parse_questions(questions, "docs/questions.md")
        parsed_glossary = parse_glossary(glossary, "docs/glossary.yml")
        parsed_notes, note_problems = parse_notes(notes, "docs/notes.yml")
    except WorksheetError as exc:
        assert exc.problem.path.startswith("docs/")
        assert one_line(str(exc.problem))
        return
    ws = Worksheet(parsed_article, page, parsed_glossary, parsed_notes, "docs/notes.yml",
                   [*page.problems, *parsed_glossary.problems, *note_problems])
    for problem in check(ws):
        assert_clean(problem, problem.path)
        assert problem.path in {"docs/questions.md", "docs/glossary.yml", "docs/notes.yml",
                                "docs/article.md"}  # a shift of the article's lines
    report = coverage(ws).splitlines()
    assert report[-1].startswith("Lines no question cites (")
    ws.matches_by_line()
    ws.occurrences()


contents = st.one_of(any_texts, st.binary(max_size=80))


@settings(max_examples=100, deadline=None)
@given(contents, contents, contents, contents)
def test_loading_any_files_gives_a_worksheet_or_one_clean_line(article, questions, glossary, notes):
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        for name, content in (("article.md", article), ("questions.md", questions),
                              ("glossary.yml", glossary), ("notes.yml", notes)):
            if isinstance(content, bytes):
                (docs / name).write_bytes(content)
            else:
                (docs / name).write_text(content, encoding="utf-8")
        try:
            ws = load_worksheet(docs)
        except WorksheetError as exc:
            assert Path(exc.problem.path).name in {"article.md", "questions.md", "glossary.yml", "notes.yml"}
            assert one_line(str(exc.problem))
            return
        for problem in check(ws):
            assert one_line(str(problem))
