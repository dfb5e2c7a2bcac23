"""Questions: one block per question, with its lines, answer and notes.

A page of questions (``questions.md``, or a sequence page) is ordinary
Markdown with a block for each question::

    //// question
        lines: 25–29, 30–36
        writing-space: 6

    « a single, all-knowing Orwellian surveillance machine … » Explain

    /// model-answer
    This phrase shows how some people …
    ///

    /// teacher-notes
    - Expect three steps …
    ///
    ////

The question block opens with four slashes (or more), its parts with fewer.
``lines`` names the printed lines the question draws on: ranges separated by
commas, each prefixed with another worksheet's folder (``ai-act:12–15``) when
it cites that worksheet's article. ``writing-space`` is the number of ruled
lines under the question on paper. ``id`` (default ``q1``, ``q2``…) and a
label after a bar (``//// question | Final task``) are optional. So is
``title``, a short title for a question whose instructions run long: it is
shown above them, and the instructions are set as body text. ``points``
(``points: 4``) is what the question is marked out of; a page whose
questions give points is marked out of their sum.

The same syntax is rendered by the site's Markdown extension; this module
reads it for the checks, keeping the file line of everything it finds.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

import yaml

from .exercises import KINDS, Exercise
from .problems import Problem
from .prose import Block, without_code
from .refs import DASHES, LineRange
from .source import load_yaml, split_front_matter

# The syntax of a page of questions, read here for the checks and by the
# site's Markdown extension (worksheet_site/question_blocks.py) for the pages.
#: A block's fence (pymdownx blocks): three slashes or more, a question's more than its parts'.
FENCE = r"/{3,}"
#: The names of the blocks: a question, its parts, and what only the classroom edition has.
QUESTION = "question"
MODEL_ANSWER = "model-answer"
TEACHER_NOTES = "teacher-notes"
ITEMS = "items"  # an exercise's items and key (exercises.py)
CLASSROOM_ONLY = "classroom-only"
#: The row opening a block, from the first column: ``//// question | Final task``.
OPENER = re.compile(rf"^(?P<fence>{FENCE})\s*(?P<name>[\w-]+)\s*(?:\|\s*(?P<title>.*?))?\s*$")
#: What each part is called in the file, and in the model.
PARTS = {MODEL_ANSWER: "answer", TEACHER_NOTES: "notes", ITEMS: "items"}
LABELS = {"answer": "model answer", "notes": "teacher notes", "items": "items"}
#: A question's options, each checked here; the extension takes them as they are.
OPTIONS = ("lines", "writing-space", "id", "title", "points", "exercise")
#: The longest short title, in characters.
TITLE_MAX = 100
#: Blocks a question may hold besides its parts: the site's own and those of
#: the pymdownx blocks it enables (details, admonitions, tabs, HTML).
OTHER_BLOCKS = (CLASSROOM_ONLY, "details", "admonition", "note", "attention", "caution", "danger", "error",
                "tip", "hint", "warning", "tab", "html")
#: One cited range: "25", "25–29", "ai-act:12–15".
REF = re.compile(rf"^(?:(?P<worksheet>[a-z0-9][a-z0-9-]*)\s*:\s*)?(?P<first>[0-9]{{1,6}})"
                 rf"(?:\s*[{DASHES}]\s*(?P<last>[0-9]{{1,6}}))?$")
EXAMPLE_LINES = "lines: 25–29, 30–36"
#: An option indented by one to three spaces: "  lines: 5–9".
MISINDENTED_OPTION = re.compile(rf"^ {{1,3}}(?:{'|'.join(OPTIONS)})\s*:")
#: Handwritten words one ruled line of the sheet holds, fewest to most.
WORDS_PER_RULED_LINE = (8, 12)
#: Ruled lines under a question that gives no ``writing-space``.
DEFAULT_WRITING_SPACE = 4


@dataclass(frozen=True)
class LineRef:
    """A cited range: in this page's own article (``worksheet`` None), or in
    the worksheet whose folder is ``worksheet``."""

    range: LineRange
    worksheet: str | None = None

    def __str__(self) -> str:
        return f"{self.worksheet}:{self.range}" if self.worksheet else str(self.range)


@dataclass
class Question:
    id: str
    number: int
    line: int  # file line of the opening fence
    title: str  # "Question 3", or the label after the bar
    short_title: str = ""  # the ``title`` option: shown above its text, which is then body text
    text: Block = field(default_factory=Block)  # all its paragraphs
    paragraphs: list[Block] = field(default_factory=list)  # the same, one by one
    refs: list[LineRef] = field(default_factory=list)
    lines_option: str = ""  # the ``lines`` option as written
    options_line: int = 0  # file line of the first option
    lines_line: int = 0  # file line of the ``lines`` option
    writing_space: int | None = None
    points: float | None = None  # what it is marked out of
    answer: Block | None = None
    notes: Block | None = None
    items: Block | None = None  # an exercise's ``/// items``, as written
    exercise_kind: str = ""  # the ``exercise`` option: true-false, find-words, choice, matching
    exercise: "Exercise | None" = None  # its items, read once the glossary is known (model.py)
    asides: list[Block] = field(default_factory=list)  # inside its other blocks (details, classroom-only…)
    unknown_parts: list[str] = field(default_factory=list)  # blocks it holds that are no part: a problem each
    written: Block = field(default_factory=Block)  # its text as written, code kept: what the sheet renders

    @property
    def name(self) -> str:
        """How messages call it."""
        return self.id

    @property
    def short(self) -> str:
        """Its marker beside the article's lines: "Q3"."""
        return f"E{self.number}" if self.exercise_kind else f"Q{self.number}"

    @property
    def writing_lines(self) -> int:
        """The ruled lines under it on paper: its ``writing-space``, else the default."""
        return self.writing_space or DEFAULT_WRITING_SPACE

    @property
    def ranges(self) -> list[LineRange]:
        """The ranges it cites in its own worksheet's article."""
        return [ref.range for ref in self.refs if ref.worksheet is None]


@dataclass
class QuestionPage:
    path: str
    meta: dict
    intro: str
    questions: list[Question]
    problems: list[Problem]
    prose: list[Block] = field(default_factory=list)  # the page's text outside the question blocks, code blanked
    intro_line: int = 1  # file line where the introduction starts

    def for_students(self) -> "QuestionPage":
        """The page as the student edition has it: no model answer, no teacher notes."""
        return replace(self, questions=[replace(q, answer=None, notes=None, items=None) for q in self.questions])


def expected_words(ruled_lines: int) -> tuple[int, int]:
    """How long an answer that fills ``ruled_lines`` of writing space is, in
    words, fewest to most, rounded to tens: 5 lines, about 40–60 words."""
    low, high = (max(10, int(ruled_lines * words / 10 + 0.5) * 10) for words in WORDS_PER_RULED_LINE)
    return low, high


def total_points(questions: list[Question]) -> float | None:
    """What a page of questions is marked out of: the sum of their points;
    None when none gives any."""
    points = [q.points for q in questions if q.points is not None]
    return sum(points) if points else None


def parse_refs(value: str) -> list[LineRef] | None:
    """The ranges a ``lines`` option names; None when one of them is not a range."""
    refs = []
    for item in (part.strip() for part in value.split(",")):
        match = REF.match(item)
        if not match:
            return None
        first = int(match.group("first"))
        last = int(match.group("last") or first)
        refs.append(LineRef(LineRange(first, last), match.group("worksheet")))
    return refs


class _Reader:
    """Walks the rows of a page once, keeping the problems it meets."""

    def __init__(self, rows: list[tuple[int, str]], path: str):
        self.rows = rows
        self.path = path
        self.problems: list[Problem] = []
        self.questions: list[Question] = []
        self.prose: list[Block] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    @staticmethod
    def close_of(rows: list[tuple[int, str]], start: int, fence: str) -> int | None:
        """Index of the row closing the block opened at ``rows[start]``."""
        return next((i for i in range(start + 1, len(rows)) if rows[i][1].strip() == fence), None)

    def read(self) -> None:
        i, outside = 0, []
        while i < len(self.rows):
            number, row = self.rows[i]
            opener = OPENER.match(row)
            if opener and opener.group("name") == QUESTION:
                self.prose.extend(_paragraphs(outside))
                outside = []
                fence = opener.group("fence")
                end, wrong = self.end_of_question(i, fence)
                if end is None:
                    self.problem(number, f"the '{fence} question' block is never closed: end it with a '{fence}' line")
                    return
                count = len(self.questions)
                self.question(opener, i, end)
                if wrong:
                    name = self.questions[-1].id if len(self.questions) > count else f"q{count + 1}"
                    self.problem(self.rows[end][0], f"{name}: '{self.rows[end][1].strip()}' ends the question "
                                                    f"opened with '{fence}': write '{fence}' here")
                i = end + 1
                continue
            if opener and opener.group("name") in PARTS:
                self.problem(number, f"'{row.strip()}' stands outside a question: put it inside the "
                                     "'//// question' block it belongs to")
            outside.append((number, row))
            i += 1
        self.prose.extend(_paragraphs(outside))
        self.number()

    def number(self) -> None:
        """Questions and exercises numbered apart: q1, q2… and ex1, ex2…,
        "Question 2", "Exercise 1", unless an id or a title says otherwise."""
        counts = {False: 0, True: 0}
        for q in self.questions:
            exercise = bool(q.exercise_kind)
            counts[exercise] += 1
            n = counts[exercise]
            if q.id == f"q{q.number}":
                q.id = f"ex{n}" if exercise else f"q{n}"
            if q.title == f"Question {q.number}":
                q.title = f"Exercise {n}" if exercise else f"Question {n}"
            q.number = n

    def end_of_question(self, start: int, fence: str) -> tuple[int | None, bool]:
        """``(index of the row ending the question opened at rows[start],
        whether that row has too few slashes)``: the question's own closing
        row, else (before the next question) a row of fewer slashes that
        closes no part, as when ``////`` is closed by ``///``."""
        open_blocks: list[str] = []
        wrong = None
        for i in range(start + 1, len(self.rows)):
            row = self.rows[i][1].strip()
            opener = OPENER.match(self.rows[i][1])
            if opener and opener.group("name") == QUESTION:
                break
            if opener:
                open_blocks.append(opener.group("fence"))
            elif row == fence:
                return i, False
            elif row and not row.strip("/"):
                if open_blocks and open_blocks[-1] == row:
                    open_blocks.pop()
                elif not open_blocks and len(row) < len(fence) and wrong is None:
                    wrong = i
        return (wrong, True) if wrong is not None else (None, False)

    def question(self, opener: re.Match, start: int, end: int) -> None:
        number = len(self.questions) + 1
        line = self.rows[start][0]
        title = opener.group("title") or f"Question {number}"
        body = self.rows[start + 1 : end]
        options, body = self.options(body, f"q{number}")
        question = Question(id=f"q{number}", number=number, line=line, title=title)
        self.read_options(question, options)
        text_rows, seen = [], {}
        written = []  # the text rows and the other blocks among them, as written
        i = 0
        while i < len(body):
            row_number, row = body[i]
            inner = OPENER.match(row)
            if not inner:
                if row.strip() and seen:
                    self.problem(row_number, f"{question.id}: text after the {LABELS[list(seen)[-1]]} belongs to no "
                                             "part: move it into the question text or into a part")
                elif not seen:
                    text_rows.append((row_number, row))
                    written.append((row_number, row))
                i += 1
                continue
            kind = PARTS.get(inner.group("name"))
            other = kind is None and inner.group("name") in OTHER_BLOCKS
            if kind is None and not other:
                question.unknown_parts.append(inner.group("name"))
                guess = difflib.get_close_matches(inner.group("name"), [*PARTS, *OTHER_BLOCKS], n=1, cutoff=0.5)
                hint = (f"did you mean '{inner.group('fence')} {guess[0]}'?" if guess else
                        "use '/// model-answer' or '/// teacher-notes', or a block such as '/// details'")
                self.problem(row_number, f"{question.id}: unknown part '{row.strip()}': {hint}")
            elif len(inner.group("fence")) >= len(opener.group("fence")):
                self.problem(row_number, f"{question.id}: '{row.strip()}' closes the question before its end: "
                                         f"open the question with more slashes ('{inner.group('fence')}/ question')")
                return
            close = self.close_of(body, i, inner.group("fence"))
            if close is None:
                self.problem(row_number, f"{question.id}: the '{row.strip()}' block is never closed: end it "
                                         f"with a '{inner.group('fence')}' line")
                break
            if other:
                question.asides.extend(_paragraphs(body[i + 1 : close]))
                if not seen:
                    written.extend(body[i : close + 1])
            elif kind in seen:
                self.problem(row_number, f"{question.id}: a second '{row.strip()}' block (the first is at line {seen[kind]})")
            elif kind is not None:
                seen[kind] = row_number
                part = _block(body[i + 1 : close]) or Block("", row_number)
                setattr(question, kind, part)
            i = close + 1
        question.paragraphs = _paragraphs(text_rows)
        question.written = _block(written) or Block("", line)
        if question.paragraphs:
            question.text = Block("\n\n".join(b.text for b in question.paragraphs), question.paragraphs[0].line)
        self.questions.append(question)

    def options(self, body: list[tuple[int, str]], question: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The option rows right under the opening fence (indented by four
        spaces, as pymdownx blocks read them), and the rest of the body.
        Options indented by fewer spaces are read all the same, and said to
        be wrong once: pymdownx would show them as text."""
        count = 0
        while count < len(body) and body[count][1].startswith("    ") and body[count][1].strip():
            count += 1
        if count == 0:
            while count < len(body) and MISINDENTED_OPTION.match(body[count][1]):
                count += 1
            if count:
                self.problem(body[0][0], f"{question}: indent the options by four spaces under the '//// question' "
                                         "line: with fewer, they show as text")
                return [(n, "    " + row.strip()) for n, row in body[:count]], body[count:]
        return body[:count], body[count:]

    def read_options(self, question: Question, rows: list[tuple[int, str]]) -> None:
        if not rows:
            return
        question.options_line = rows[0][0]
        try:
            values = load_yaml("\n".join(row[4:] for _, row in rows))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = rows[0][0] + (mark.line if mark else 0)
            self.problem(where, f"{question.id}: the options are not valid YAML: write them as '{EXAMPLE_LINES}'")
            return
        if not isinstance(values, dict):
            self.problem(rows[0][0], f"{question.id}: write the options as 'name: value' lines, such as '{EXAMPLE_LINES}'")
            return
        line_of = {row[4:].split(":", 1)[0].strip(): number for number, row in rows}
        for key, value in values.items():
            where = line_of.get(str(key), rows[0][0])
            if key == "lines":
                question.lines_line = where
                question.lines_option = " ".join(str(value if value is not None else "").split())
                refs = parse_refs(question.lines_option)
                if refs is None and "TODO" in question.lines_option:
                    pass  # still to write: the checker says so (todos.py)
                elif refs is None:
                    self.problem(where, f"{question.id}: 'lines: {question.lines_option}' is not a list of line "
                                        f"ranges: write it as '{EXAMPLE_LINES}'")
                else:
                    question.refs = refs
            elif key == "writing-space":
                if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 40:
                    question.writing_space = value
                else:
                    self.problem(where, f"{question.id}: write the writing space as a number of ruled lines, "
                                        "such as 'writing-space: 6'")
            elif key == "title":
                text = " ".join(str(value if value is not None else "").split())
                if isinstance(value, str) and 0 < len(text) <= TITLE_MAX:
                    question.short_title = text
                else:
                    self.problem(where, f"{question.id}: write the title as a short line of text (at most "
                                        f"{TITLE_MAX} characters), such as 'title: Should citizens be scored?'")
            elif key == "points":
                if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 100 \
                        and float(value * 2).is_integer():
                    question.points = value
                else:
                    self.problem(where, f"{question.id}: write the points as a number of points, whole or "
                                        "half, such as 'points: 4'")
            elif key == "exercise":
                if value in KINDS:
                    question.exercise_kind = value
                else:
                    self.problem(where, f"{question.id}: unknown exercise '{value}': use {', '.join(KINDS)}")
            elif key == "id":
                ident = str(value)
                if re.fullmatch(r"[a-z][a-z0-9-]*", ident):
                    question.id = ident
                else:
                    self.problem(where, f"{question.id}: id '{ident}' must be lower-case letters, digits and hyphens")
            else:
                self.problem(where, f"{question.id}: unknown option '{key}': use {', '.join(OPTIONS)}")


def _paragraphs(rows: list[tuple[int, str]]) -> list[Block]:
    """The rows as paragraphs of prose, their code blanked first: a fenced
    block may hold blank rows."""
    blanked = without_code("\n".join(row for _, row in rows)).split("\n")
    blocks, current = [], None
    for (number, _), row in zip(rows, blanked):
        if row.strip():
            if current is None:
                current = Block(row, number)
                blocks.append(current)
            else:
                current.text += "\n" + row
        else:
            current = None
    return blocks


def _block(rows: list[tuple[int, str]]) -> Block | None:
    """The rows as one block, without the blank rows around it; None when all are blank."""
    while rows and not rows[0][1].strip():
        rows = rows[1:]
    while rows and not rows[-1][1].strip():
        rows = rows[:-1]
    if not rows:
        return None
    return Block("\n".join(r for _, r in rows), rows[0][0])


def parse_questions(text: str, path: str) -> QuestionPage:
    meta, body, body_line = split_front_matter(text, path)
    reader = _Reader(list(enumerate(body.split("\n"), start=body_line)), path)
    reader.read()
    first = reader.questions[0].line - body_line if reader.questions else None
    intro = "\n".join(body.split("\n")[:first]) if first is not None else body
    return QuestionPage(path, meta, intro, reader.questions, reader.problems, reader.prose, body_line)
