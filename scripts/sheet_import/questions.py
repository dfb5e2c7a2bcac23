"""The question section of a sheet, recognised by its numbering.

A question starts a line with its number: ``1. Introduce the document``,
``- 2) What is…``, ``Question 3: …``, or ``QUESTION 4`` with the text on the
next line. Numbers run 1, 2, 3 … in order. When some questions are named
"Question N", only those count (a numbered list of notes is not a question
section). Of several runs from 1, the one after a "Questions" heading wins,
else the last one, since questions close a sheet. A question's text runs
until the next question, an empty line, or a line of line references
(``Lines: 1–7``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sheet import Question

NAMED = re.compile(r"^\s*(?:[-*•]\s*)?question\s+(\d{1,2})\b\s*[.):-]?\s*(.*)$", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(?:[-*•]\s*)?(\d{1,2})\s*[.)]\s+(\S.*)$")
HEADING = re.compile(r"^\s*questions?\s*:?\s*$", re.IGNORECASE)
LINE_REFERENCES = re.compile(r"^\s*lines?\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class QuestionSection:
    start: int  # index of the section's first line (len(lines) when none)
    questions: list[Question]


def find_questions(lines: list[str]) -> QuestionSection:
    """The questions in ``lines``; an empty string stands for a gap."""
    numbered = [(i, m) for i, m in ((i, NAMED.match(t)) for i, t in enumerate(lines)) if m]
    if not numbered:
        numbered = [(i, m) for i, m in ((i, NUMBERED.match(t)) for i, t in enumerate(lines)) if m]
    run = _chosen_run(_runs(numbered), _heading(lines))
    if not run:
        return QuestionSection(len(lines), [])
    starts = {i for i, _ in numbered}
    questions = [Question(int(m.group(1)), _text(lines, i, m.group(2), starts)) for i, m in run]
    first = run[0][0]
    start = first - 1 if first > 0 and HEADING.match(lines[first - 1]) else first
    return QuestionSection(start, questions)


def _runs(numbered: list) -> list[list]:
    """Runs of items numbered 1, 2, 3 … one after the other."""
    runs: list[list] = []
    for item in numbered:
        number = int(item[1].group(1))
        if runs and number == int(runs[-1][-1][1].group(1)) + 1:
            runs[-1].append(item)
        elif number == 1:
            runs.append([item])
    return runs


def _heading(lines: list[str]) -> int | None:
    return next((i for i, t in enumerate(lines) if HEADING.match(t)), None)


def _chosen_run(runs: list[list], heading: int | None) -> list:
    if heading is not None:
        after = [run for run in runs if run[0][0] > heading]
        if after:
            return after[0]
    return runs[-1] if runs else []


def _text(lines: list[str], index: int, first: str, starts: set[int]) -> str:
    """The question's words: the rest of its line and the lines that follow."""
    words = first.split()
    for i in range(index + 1, len(lines)):
        line = lines[i]
        if i in starts or LINE_REFERENCES.match(line) or not any(c.isalnum() for c in line):
            if words or i in starts:
                break
            continue  # "QUESTION 1" on its own: its text follows the gap
        words += line.split()
    return " ".join(words)
