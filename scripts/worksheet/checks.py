"""The rules that tie questions, answers, glossary and notes to the article.

``check(worksheet)`` returns every problem found, sorted; an empty list means
the worksheet keeps all its promises.
"""

from __future__ import annotations

from .model import Worksheet
from .problems import Problem
from .questions import Question
from .quotes import find_quotations, normalise, occurs_in
from .refs import LineRange, find_mentions

#: How far after a quotation a line mention may stand to belong to it: "…" (l. 9)
MENTION_REACH = 4


def check(ws: Worksheet) -> list[Problem]:
    problems = list(ws.load_problems)
    problems += check_question_ids(ws)
    for q in ws.questions.questions:
        problems += check_line_links(ws, q)
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
        if not q.id:
            continue
        if q.id in seen:
            problems.append(_where(ws, q.line, f"question id '{q.id}' is already used at line {seen[q.id]}"))
            continue
        seen[q.id] = q.line
        expected = f"q{q.number}"
        if q.id != expected:
            problems.append(_where(ws, q.line, f"question {q.number} has id '{q.id}': ids run q1, q2, q3… so this one is '{expected}'"))
    if not ws.questions.questions:
        problems.append(Problem(ws.questions.path, 0, "no questions: start each with '## Question 1 { #q1 }'"))
    return problems


def check_line_links(ws: Worksheet, q: Question) -> list[Problem]:
    problems = []
    name = q.id or f"question {q.number}"
    if not q.links:
        line = q.lines_paragraph.line or q.line
        problems.append(_where(ws, line, f"{name} cites no lines: add a link such as [lines 25–29](article.md#L25)"))
    total = len(ws.article)
    for link in q.links:
        r = link.range
        if r is None:
            problems.append(_where(ws, link.line, f"{name}: link text '{link.text}' does not say which lines it cites (write 'line 4' or 'lines 4–7')"))
            continue
        if not r.forward:
            problems.append(_where(ws, link.line, f"{name}: range {r.first}–{r.last} runs backwards: write {r.last}–{r.first}"))
            continue
        for n in (r.first, r.last):
            if not ws.article.has_line(n):
                problems.append(_where(ws, link.line, f"{name}: line {n} does not exist (the article has {total} lines)"))
                break
        if link.anchor != r.first:
            problems.append(_where(ws, link.line, f"{name}: link '{link.text}' points to #L{link.anchor}; it should point to #L{r.first}"))
    return problems


def _valid_ranges(ws: Worksheet, ranges: list[LineRange]) -> list[LineRange]:
    return [r for r in ranges if r.forward and ws.article.has_line(r.first) and ws.article.has_line(r.last)]


def check_question_quotations(ws: Worksheet, q: Question) -> list[Problem]:
    ranges = _valid_ranges(ws, q.ranges)
    if not ranges:
        return []
    texts = [normalise(ws.article.text_of(r.first, r.last)) for r in ranges]
    problems = []
    cited = ", ".join(str(r) for r in ranges)
    for quote in find_quotations(q.text.text):
        if not any(occurs_in(quote.text, t) for t in texts):
            line = q.text.line + q.text.text[: quote.start].count("\n")
            problems.append(_where(ws, line, f"{q.id}: quotation \"{_short(quote.text)}\" is not in the lines it cites ({cited})"))
    return problems


def check_parts(ws: Worksheet, q: Question) -> list[Problem]:
    problems = []
    name = q.id or f"question {q.number}"
    if not q.text.text.strip():
        problems.append(_where(ws, q.line, f"{name} has no question text"))
    for attr, label, heading in (("answer", "model answer", "### Model answer"), ("notes", "teacher notes", "### Teacher notes")):
        block = getattr(q, attr)
        if block is None:
            problems.append(_where(ws, q.line, f"{name} has no {label}: add a '{heading}' section"))
        elif not block.text.strip():
            problems.append(_where(ws, block.line, f"{name}: the {label} is empty"))
    return problems


def check_answer_quotations(ws: Worksheet, q: Question) -> list[Problem]:
    if q.answer is None or not q.answer.text:
        return []
    prose = q.answer.text
    whole = normalise(ws.article.flow.text)
    mentions = find_mentions(prose)
    problems = []
    for quote in find_quotations(prose):
        line = q.answer.line + prose[: quote.start].count("\n")
        ranges = _mention_after(prose, quote.end, mentions)
        if ranges:
            valid = _valid_ranges(ws, ranges)
            if len(valid) < len(ranges):
                bad = next(r for r in ranges if r not in valid)
                problems.append(_where(ws, line, f"{q.id} model answer: quotation \"{_short(quote.text)}\" gives lines {bad}, which do not exist"))
                continue
            if not any(occurs_in(quote.text, normalise(ws.article.text_of(r.first, r.last))) for r in valid):
                where = "in the article" if not occurs_in(quote.text, whole) else f"in lines {', '.join(map(str, valid))}"
                problems.append(_where(ws, line, f"{q.id} model answer: quotation \"{_short(quote.text)}\" is not {where}"))
        elif not occurs_in(quote.text, whole):
            problems.append(_where(ws, line, f"{q.id} model answer: quotation \"{_short(quote.text)}\" is not in the article"))
    return problems


def _mention_after(prose: str, end: int, mentions) -> list[LineRange]:
    """The line mention standing right after a quotation, if any: "…" (l. 9)."""
    for start, _stop, r in mentions:
        if end <= start <= end + MENTION_REACH and not prose[end:start].strip(" ,(\n"):
            return [r]
    return []


def check_notes(ws: Worksheet) -> list[Problem]:
    problems = []
    total = len(ws.article)
    for note in ws.notes:
        if not ws.article.has_line(note.line):
            problems.append(Problem(ws.notes_path, note.source_line, f"note on line {note.line}: the article has {total} lines"))
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
    return text if len(text) <= width else text[: width - 1] + "…"
