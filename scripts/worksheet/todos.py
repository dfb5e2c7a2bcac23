"""What is still to write: every ``TODO`` left in a worksheet's files.

A new worksheet (``./run.sh new``) or an imported draft (``./run.sh import``)
starts with ``TODO`` wherever a teacher has to write something. Each one is a
problem of its own, saying what to write there, so the checker refuses to
publish until none is left.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from .problems import Problem, WorksheetError
from .questions import Question, QuestionPage
from .source import read_text

TODO = re.compile(r"\bTODO\b")
#: Front matter keys, and what a teacher writes there.
FIELDS = {
    "title": "the worksheet's title", "level": "the worksheet's level (such as B1–B2)",
    "theme": "the worksheet's theme or axis", "time": "the time the worksheet takes (such as 1 hour)",
    "headline": "the article's headline", "author": "the article's author",
    "publication": "where the article was published", "date": "the article's date",
    "kicker": "the article's kicker", "credit": "the article's credit line",
    "pos": "its part of speech", "definition": "its definition", "french": "its French translation",
    "phrase": "the phrase it explains", "note": "the note", "line": "the line it stands on",
}


def _rows(path: str) -> list[str]:
    """The file's rows as the loader reads them; none when it cannot (the loader says why)."""
    try:
        return read_text(Path(path), path).split("\n")
    except WorksheetError:
        return []


def _key(row: str) -> str | None:
    match = re.match(r"^\s*(?:-\s+)?([\w-]+)\s*:", row)
    return match.group(1) if match else None


def _front_matter_end(rows: list[str]) -> int:
    """Index of the row closing the front matter (0 when there is none)."""
    if not rows or rows[0] != "---":
        return 0
    return next((i for i in range(1, len(rows)) if rows[i] == "---"), 0)


def _markdown_todos(path: str, body_what: Callable[[int], str]) -> list[Problem]:
    """The TODOs of a Markdown page: in its front matter, by key; in its body,
    ``body_what(file line)`` to write."""
    rows = _rows(path)
    end = _front_matter_end(rows)
    problems = []
    for number, row in enumerate(rows, start=1):
        if TODO.search(row):
            what = FIELDS.get(_key(row) or "", "it") if number - 1 < end else body_what(number)
            problems.append(Problem(path, number, f"TODO: write {what}"))
    return problems


def page_todos(path: str, body_what: str) -> list[Problem]:
    """The TODOs of a Markdown page: in its body, ``body_what`` to write."""
    return _markdown_todos(path, lambda _number: body_what)


def article_todos(path: str, block_start: int, block_end: int) -> list[Problem]:
    """The TODOs of the article page: in its block, the text; around it, the editor's note."""
    return _markdown_todos(path, lambda number: "the article's text, one printed line per line"
                           if block_start < number < block_end else "the editor's note")


def _part_of(question: Question, number: int) -> str:
    """What a file line of a question belongs to."""
    parts = [(question.line, "the question"), (question.options_line, "options"),
             (question.text.line, "the question"),
             ((question.answer.line if question.answer else 0), "the model answer"),
             ((question.notes.line if question.notes else 0), "the teacher notes")]
    before = [(line, part) for line, part in parts if line and line <= number]
    return max(before)[1] if before else "the question"


def questions_todos(page: QuestionPage) -> list[Problem]:
    rows = _rows(page.path)
    problems = []
    for number, row in enumerate(rows, start=1):
        if not TODO.search(row):
            continue
        owner = [q for q in page.questions if q.line <= number]
        if not owner:
            problems.append(Problem(page.path, number, "TODO: write the introduction"))
            continue
        question = owner[-1]
        part = _part_of(question, number)
        if part == "options":
            key = _key(row)
            what = ("the lines it draws on (lines: 25–29, 30–36)" if key == "lines"
                    else "its writing space, in ruled lines (writing-space: 6)" if key == "writing-space" else "it")
        else:
            what = "its text" if part == "the question" else part
        problems.append(Problem(page.path, number, f"{question.id}: TODO: write {what}"))
    return problems


def records_todos(path: str, name_of) -> list[Problem]:
    """The TODOs of a YAML list (glossary.yml, notes.yml): ``name_of(record
    start line)`` says whose field it is."""
    rows = _rows(path)
    problems, start, key = [], 0, None
    for number, row in enumerate(rows, start=1):
        if row.startswith("- "):
            start = number
        key = _key(row) or key  # a folded value goes on under its key
        if TODO.search(row) and not row.lstrip().startswith("#"):
            field = FIELDS.get(key or "", "it")
            problems.append(Problem(path, number, f"{name_of(start)}: TODO: write {field}"))
    return problems
