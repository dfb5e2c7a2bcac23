"""The rules that tie questions, answers, glossary and notes to the article.

``check(worksheet)`` returns every problem found, sorted; an empty list means
the worksheet keeps all its promises.
"""

from __future__ import annotations

from .answer_check import Source, check_answer
from .model import Worksheet
from .problems import Problem
from .questions import Question
from .quotes import find_quotations, normalise, occurs_in
from .refs import LineRange


def check(ws: Worksheet) -> list[Problem]:
    problems = list(ws.load_problems)
    problems += check_question_ids(ws)
    for q in ws.questions.questions:
        problems += check_line_refs(ws, q)
        problems += check_question_quotations(ws, q)
        problems += check_parts(ws, q)
        problems += check_answer_quotations(ws, q)
    problems += check_notes(ws)
    problems += check_glossary_use(ws)
    return sorted(set(problems))


def _where(ws: Worksheet, line: int, message: str, warning: bool = False) -> Problem:
    return Problem(ws.questions.path, line, message, warning)


def check_question_ids(ws: Worksheet) -> list[Problem]:
    problems, seen = [], {}
    for q in ws.questions.questions:
        if q.id in seen:
            problems.append(_where(ws, q.line, f"question id '{q.id}' is already used at line {seen[q.id]}"))
        seen.setdefault(q.id, q.line)
    if not ws.questions.questions:
        problems.append(Problem(ws.questions.path, 0, "no questions: start each with a '//// question' block"))
    return problems


def range_problem(ws: Worksheet, r: LineRange) -> str | None:
    """What is wrong with a cited range, or None when it is a real one."""
    if not r.forward:
        return f"range {r.first}–{r.last} runs backwards: write {r.last}–{r.first}"
    for n in (r.first, r.last):
        if not ws.article.has_line(n):
            return f"line {n} does not exist (the article has {len(ws.article)} lines)"
    return None


def check_line_refs(ws: Worksheet, q: Question) -> list[Problem]:
    """The lines a question cites exist, in its own article."""
    line = q.options_line or q.line
    if not q.refs:
        if q.lines_option:
            return []  # already reported: not a list of ranges
        return [_where(ws, line, f"{q.name} cites no lines: add 'lines: 25–29' under its '//// question' line")]
    problems = []
    for ref in q.refs:
        if ref.worksheet is not None:
            problems.append(_where(ws, line, f"{q.name}: '{ref}' cites another worksheet: a worksheet's questions cite its own article"))
            continue
        bad = range_problem(ws, ref.range)
        if bad:
            problems.append(_where(ws, line, f"{q.name}: {bad}"))
    return problems


def _runs(ranges: list[LineRange]) -> list[LineRange]:
    """The ranges merged where they overlap or touch: 25–29 and 30–36 read as 25–36."""
    runs: list[LineRange] = []
    for r in sorted(ranges):
        if runs and r.first <= runs[-1].last + 1:
            runs[-1] = LineRange(runs[-1].first, max(runs[-1].last, r.last))
        else:
            runs.append(r)
    return runs


def _found_in(ws: Worksheet, quotation: str, r: LineRange) -> bool:
    return Source.of(ws.article).find(quotation, r) is not None


def _found_at(ws: Worksheet, quotation: str) -> str | None:
    """Where a quotation stands in the article ("line 12", "lines 12–13"), if anywhere."""
    lines = Source.of(ws.article).find(quotation)
    return lines.label() if lines else None


def check_question_quotations(ws: Worksheet, q: Question) -> list[Problem]:
    """Every quotation in the question stands in the lines it cites. Checked
    once its line links are sound, so one broken link gives one problem."""
    ranges = q.ranges
    if not ranges or len(ranges) < len(q.refs) or any(range_problem(ws, r) for r in ranges):
        return []
    runs = _runs(ranges)
    cited = ", ".join(str(r) for r in ranges)
    problems = []
    for para in q.paragraphs:
        for quote in find_quotations(para.text):
            if any(_found_in(ws, quote.text, r) for r in runs):
                continue
            line = para.line + para.text.count("\n", 0, quote.start)
            elsewhere = _found_at(ws, quote.text)
            but = f" but in {elsewhere}" if elsewhere else ""
            problems.append(_where(ws, line, f"{q.name}: quotation \"{_short(quote.text)}\" is not in the lines it cites ({cited}){but}"))
    return problems


def check_parts(ws: Worksheet, q: Question) -> list[Problem]:
    problems = []
    if not q.text.text.strip():
        problems.append(_where(ws, q.line, f"{q.name} has no question text"))
    for block, label, part in ((q.answer, "model answer", "model-answer"), (q.notes, "teacher notes", "teacher-notes")):
        if block is None:
            problems.append(_where(ws, q.line, f"{q.name} has no {label}: add a '/// {part}' block inside the question"))
        elif not block.text.strip():
            verb = "are" if label.endswith("s") else "is"
            problems.append(_where(ws, block.line, f"{q.name}: the {label} {verb} empty"))
    return problems


def check_answer_quotations(ws: Worksheet, q: Question) -> list[Problem]:
    """Every quotation in the model answer is in the article; when a line
    mention follows it ("…" (l. 9)), it is in those lines: the rule of the
    student's answer box too (answer_check.py)."""
    if q.answer is None or not q.answer.text:
        return []
    prose = q.answer.text
    problems = []
    for checked in check_answer(prose, [Source.of(ws.article)]):
        if checked.quotation is None:
            continue
        line = q.answer.line + prose.count("\n", 0, checked.start)
        said = f"{q.name} model answer: quotation \"{_short(checked.quotation)}\""
        r = checked.mention
        if checked.document not in (None, 1):
            problems.append(_where(ws, line, f"{said}: 'doc. {checked.document}' names another document: "
                                             "a worksheet's model answers quote its own article"))
            continue
        if r is not None:
            bad = range_problem(ws, r)
            if bad:
                problems.append(_where(ws, line, f"{said}: {bad}"))
                continue
            if checked.mention_ok:
                continue
        if checked.found is None:
            problems.append(_where(ws, line, f"{said} is not in the article"))
        elif r is not None:
            problems.append(_where(ws, line, f"{said} is not in {r.label()} but in {checked.found[1].label()}"))
    return problems


def check_notes(ws: Worksheet) -> list[Problem]:
    problems = []
    total = len(ws.article)
    for note in ws.notes:
        if not ws.article.has_line(note.line):
            problems.append(Problem(ws.notes_path, note.source_line, f"note on line {note.line}: line {note.line} does not exist (the article has {total} lines)"))
            continue
        if note.phrase:
            text = normalise(ws.article.text_of(note.line, min(total, note.line + 1)))
            if not normalise(ws.article.line(note.line).text) or not occurs_in(note.phrase, text):
                problems.append(Problem(ws.notes_path, note.source_line, f"note on line {note.line}: \"{note.phrase}\" is not in that line"))
    return problems


def check_glossary_use(ws: Worksheet) -> list[Problem]:
    problems = []
    found = ws.occurrences()
    for entry in ws.glossary.entries:
        if not found[entry.term]["lines"] and not found[entry.term]["questions"]:
            problems.append(Problem(ws.glossary.path, entry.source_line, f"glossary entry '{entry.term}' occurs nowhere in the article or the questions", warning=True))
    return problems


def coverage(ws: Worksheet) -> str:
    """A report: for each line, the questions citing it; then the uncited lines."""
    cited = ws.citations()
    rows, uncited = [], []
    for line in ws.article.lines:
        ids = cited.get(line.number, [])
        if line.blank:
            rows.append(f"{line.number:>4}  (blank)")
            continue
        rows.append(f"{line.number:>4}  {', '.join(ids) if ids else '-':<16} {line.text}")
        if not ids:
            uncited.append(line.number)
    rows.append("")
    rows.append(f"Lines no question cites ({len(uncited)}): {_compress(uncited) or 'none'}")
    return "\n".join(rows)


def _compress(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1–3, 7"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
