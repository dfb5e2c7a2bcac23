"""Quotations that give their lines, checked wherever they stand.

In any prose (a model answer, teacher notes, a note, a glossary definition, a
Markdown page) a quotation followed by a line mention, ``"is already a
reality" (l. 9)``, must stand word for word in those lines, and a line
mention (``l. 9``, ``lines 9–10``) must name lines the article has. Each
quotation or mention checked gives a ``Citation``; ``problems_of`` lists
their problems, and when many quotations from some line on are off by
exactly one line (a line added to the article, or removed), it says that
once instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Worksheet
from .problems import Problem
from .prose import Block, quotable
from .answer_check import Source, check_answer
from .language import DEFAULT
from .quotes import left_open
from .refs import LineRange

#: How many quotations off by one line make a shift (and at least half of those citing the lines after it)
SHIFT_MIN = 3


@dataclass(frozen=True)
class Citation:
    """A quotation, or a line mention, as checked."""

    problem: Problem | None = None  # None: it keeps its promise
    quote: str = ""  # the quotation (or a note's phrase)
    cited: LineRange | None = None  # the lines given beside it


def range_problem(ws: Worksheet, r: LineRange) -> str | None:
    """What is wrong with a cited range, or None when it is a real one."""
    if not r.forward:
        return f"range {r.first}–{r.last} runs backwards: write {r.last}–{r.first}"
    for n in (r.first, r.last):
        if not ws.article.has_line(n):
            return f"line {n} does not exist (the article has {len(ws.article)} lines)"
    return None


def found_in(ws: Worksheet, quotation: str, r: LineRange) -> bool:
    """Whether the quotation stands in lines ``r`` (it may run from one into the next)."""
    return Source.of(ws.article, ws.language).find(quotation, r) is not None


def found_at(ws: Worksheet, quotation: str, whole: bool = False) -> str | None:
    """Where a quotation stands in the article ("line 12", "lines 12–13"), if
    anywhere (with ``whole``, as whole words)."""
    lines = Source.of(ws.article, ws.language).find(quotation, whole=whole)
    return lines.label() if lines else None


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def unclosed(prose: str, language: str = DEFAULT) -> tuple[int, str] | None:
    """``(offset, message)`` for a quotation left open in ``prose``, if any:
    its one problem, instead of one for each quotation after it."""
    opened = left_open(prose, language)
    if opened is None:
        return None
    words = prose[opened + 1 :].split()
    begins = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    mark = prose[opened] + (" " if prose[opened] == "«" else "")
    return opened, f"the quotation {mark}{begins} is left open: add its closing quote mark where it ends"


def check_prose(ws: Worksheet, path: str, block: Block, who: str = "", every_quotation: bool = False) -> list[Citation]:
    """The quotations and line mentions of one piece of prose.

    A quotation with a line mention after it stands in those lines; with
    ``every_quotation`` (a model answer), one without a mention stands in the
    article. A line mention such as ``l. 9`` or ``lines 9–10`` names real
    lines (a bare number in brackets, ``(9)``, counts only after a
    quotation). Messages start with ``who`` ("q1 teacher notes"). The
    quotations are read as a student's answer box reads them (answer_check.py)."""
    prose = quotable(block.text)
    checked = []

    def problem(offset: int, message: str) -> Problem:
        return Problem(path, block.line + prose.count("\n", 0, offset), f"{who}: {message}" if who else message)

    left = unclosed(prose, ws.language)
    if left:
        return [Citation(problem(*left))]
    for c in check_answer(prose, [Source.of(ws.article, ws.language)]):
        r = c.mention
        if c.quotation is None:  # a line mention on its own
            bad = range_problem(ws, r)
            if bad:
                checked.append(Citation(problem(c.start, bad)))
            continue
        if r is None and not every_quotation:
            continue
        bad = range_problem(ws, r) if r else None
        if c.document not in (None, 1):
            wrong = f": 'doc. {c.document}' names another document: a worksheet quotes its own article"
        elif bad:
            wrong = f": {bad}"
        elif c.mention_ok:
            wrong = None
        elif c.found is None:
            wrong = " is not in the article"
        else:
            wrong = f" is not in {r.label()} but in {c.found[1].label()}" if r else None
        said = wrong and problem(c.start, f"quotation \"{short(c.quotation)}\"{wrong}")
        checked.append(Citation(said, c.quotation, r))
    return checked


def _shifted(ws: Worksheet, citation: Citation, by: int) -> bool:
    r = citation.cited
    return found_in(ws, citation.quote, LineRange(r.first + by, r.last + by))


def problems_of(ws: Worksheet, citations: list[Citation]) -> list[Problem]:
    """The citations' problems. When at least ``SHIFT_MIN`` quotations stand
    exactly one line off the lines they give, in the same direction, and they
    are at least half of those citing lines from the first of them on, they
    become one problem: a line was added to the article or removed."""
    failed = [c for c in citations if c.problem]
    off = [c for c in failed if c.cited and c.quote]
    moved = max(([c for c in off if _shifted(ws, c, by)] for by in (1, -1)), key=len)
    if len(moved) >= SHIFT_MIN:
        first = min(c.cited.first for c in moved)
        after = [c for c in citations if c.cited and c.cited.first >= first]
        if 2 * len(moved) >= len(after):
            near = first - 1
            line = ws.article.line(max(near, 1)).source_line
            shift = Problem(ws.article.path, line,
                            f"lines after {near} seem shifted by one: was a line added or removed near {near}?")
            gone = {id(c) for c in moved}
            return [shift, *(c.problem for c in failed if id(c) not in gone)]
    return [c.problem for c in failed]
