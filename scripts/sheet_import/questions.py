"""The question section of a sheet, recognised by its numbering.

A question starts a line with its number: ``1. Introduce the document``,
``- 2) What is…``, ``b) Find…``, ``Q3 Why…``, ``Question 3: …``, or ``QUESTION 4``
with the text on the next line. Numbers run 1, 2, 3 … in order. When some questions are named
"Question N", only those count (a numbered list of notes is not a question
section). Of several runs from 1, the one after a heading ("Questions",
"Comprehension", "Compréhension", "Exercises", "Activities", "Tasks" …) wins,
else the last one, since questions close a sheet. A question's text runs
until the next question, an empty line, or a line of line references
(``Lines: 1–7``).

OCR misreads are mended: a number read as a look-alike (``l.``, ``Z)``) or
lost (a new question is a line starting with a capital after a question
that ended), and a line reference read ``(1. 4)``, ``(I. 4)`` or ``(|. 4)``
is ``(l. 4)``. A question's own line references fill its ``lines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sheet import Question

NAMED = re.compile(r"^\s*(?:[-*•]\s*)?question\s+(\d{1,2})\b\s*[.):-]?\s*(.*)$", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(?:[-*•]\s*)?(\d{1,2})\s*[.)]\s+(\S.*)$")
MISREAD = re.compile(r"^\s*(?:[-*•]\s*)?([0-9lIi|!SsZz]{1,2})(?:\s*[.);:,])*\s+(\S.*)$")  # 1. as OCR may read it
LOOK_ALIKE_DIGITS = str.maketrans("lIi|!SsZz", "111115522")
STRAY = re.compile(r"^(?:(?:[^a-z\s]{1,3}|[a-z]{1,2})\s+){1,3}(?=[A-Z][a-z])")  # a garbled number: "FF What"
LINE_REFERENCE = re.compile(r"\((l|I|1|\||i|ll|Il|1l|11|II|lI|I1|\|\||l1)\.\s*(\d{1,3})\s*(?:[-–—]\s*(\d{1,3}))?\s*\)")
LINES_IN_WORDS = re.compile(r"\blines?\s+(\d{1,3})(?:\s*(?:to|-|–|—|and)\s*(\d{1,3}))?", re.IGNORECASE)
ENDED = re.compile(r"[?.)]\s*$")
HEADING = re.compile(r"^\s*(?:(?:reading\s+)?compr[ée]hension(?:\s+questions)?|questions?(?:\s+on\s+the\s+text)?"
                     r"|exercises?|exercices?|activit(?:y|ies|és?)|tasks?|work\s+on\s+the\s+text)\s*:?\s*$",
                     re.IGNORECASE)
LETTERED = re.compile(r"^(\s*(?:[-*•]\s*)?)(?:([a-h])\)|Q\s?(\d{1,2})\b[.):]?)\s*(?=\S)")
LINE_REFERENCES = re.compile(r"^\s*lines?\s*:", re.IGNORECASE)


def as_numbered(text: str) -> str:
    """A question lettered ``a)`` or numbered ``Q1`` written ``1)``, as the other styles are read."""
    return LETTERED.sub(lambda m: f"{m.group(1)}{ord(m.group(2)) - 96 if m.group(2) else int(m.group(3))}) ", text)


def starts_questions(text: str) -> bool:
    """Whether ``text`` is a first question: "1. …", "a) …", "Q1 …", "Question 1: …"."""
    text = as_numbered(text)
    match = NAMED.match(text) or NUMBERED.match(text)
    return bool(match) and match.group(1) == "1"


def mended(text: str) -> str:
    """The question's text with its line references written ``(l. 4)``, ``(ll. 11–12)``
    (one letter for one line, two for several, as the sheet prints them)."""
    return LINE_REFERENCE.sub(lambda m: f"({'ll' if len(m.group(1)) == 2 else 'l'}. {m.group(2)}–{m.group(3)})"
                              if m.group(3) else f"(l. {m.group(2)})", text)


def line_references(text: str) -> str | None:
    """``11–12, 20`` from a question's own ``(ll. 11–12)`` and ``(l. 20)``, or ``lines 11 to 12``;
    None without any."""
    found = [f"{m.group(2)}–{m.group(3)}" if m.group(3) else m.group(2) for m in LINE_REFERENCE.finditer(text)]
    found += [f"{m.group(1)}–{m.group(2)}" if m.group(2) else m.group(1) for m in LINES_IN_WORDS.finditer(text)]
    return ", ".join(found) or None


@dataclass(frozen=True)
class QuestionSection:
    start: int  # index of the section's first line (len(lines) when none)
    questions: list[Question]


def find_questions(lines: list[str]) -> QuestionSection:
    """The questions in ``lines``; an empty string stands for a gap."""
    lines = [as_numbered(line) for line in lines]
    numbered = [(i, m) for i, m in ((i, NAMED.match(t)) for i, t in enumerate(lines)) if m]
    if not numbered:
        numbered = [(i, m) for i, m in ((i, NUMBERED.match(t)) for i, t in enumerate(lines)) if m]
    run = _chosen_run(_runs(numbered), _heading(lines))
    heading = _heading(lines)
    if run:
        first = run[0][0]
    elif heading is not None:
        first = heading + 1
    else:
        return QuestionSection(len(lines), [])
    if not any(NAMED.match(lines[i]) for i, _ in run):
        run = _mended_run(lines, first)
        if not run:
            return QuestionSection(len(lines), [])
        first = run[0][0]
    starts = {i for i, _ in run} | {i for i, _ in numbered}
    questions = []
    for k, (i, m) in enumerate(run, start=1):
        text = mended(_text(lines, i, m.group(2), starts))
        questions.append(Question(k if m.group(1) is None else int(m.group(1)), text, line_references(text)))
    start = first - 1 if first > 0 and HEADING.match(lines[first - 1]) else first
    return QuestionSection(start, questions)


class _Found:
    """A question start found without a readable number: its text, numbered later."""

    def __init__(self, text: str):
        self._text = text

    def group(self, k: int):
        return None if k == 1 else self._text


def _mended_run(lines: list[str], first: int) -> list:
    """The questions from ``first`` on, numbers misread or lost: 1, 2, 3 … in order.
    A line starts a question when it bears the next number, or when the question
    before it has ended and it starts with a capital or a garbled number."""
    run: list = []
    text = ""
    for i in range(first, len(lines)):
        line = lines[i].strip()
        if not line or LINE_REFERENCES.match(line) or HEADING.match(line):
            continue
        match = NUMBERED.match(line) or MISREAD.match(line)
        number = match.group(1).translate(LOOK_ALIKE_DIGITS) if match else None
        if number == "1" and len(run) == 1:
            run = []  # what came first was an instruction, not question 1
        if number == str(len(run) + 1) or ((not run or ENDED.search(text))
                                           and (match or STRAY.match(line) or line[:1].isupper())):
            run.append((i, _Found(STRAY.sub("", match.group(2) if match else line))))
            text = line
        else:
            text += " " + line
    return [(i, _Numbered(k, m)) for k, (i, m) in enumerate(run, start=1)]


class _Numbered:
    """A question start, with its number in order."""

    def __init__(self, number: int, match):
        self._number, self._match = number, match

    def group(self, k: int):
        return str(self._number) if k == 1 else self._match.group(2)


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
        if i in starts or LINE_REFERENCES.match(line) or not any(c.isalnum() for c in line) or HEADING.match(line):
            if words or i in starts:
                break
            continue  # "QUESTION 1" on its own: its text follows the gap
        words += line.split()
    return " ".join(words)
