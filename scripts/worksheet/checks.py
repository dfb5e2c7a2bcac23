"""The rules that tie questions, answers, glossary and notes to the article.

``check(worksheet)`` returns every problem found, sorted; an empty list means
the worksheet keeps all its promises. Quotations that give their lines are
checked in ``citations.py``, wherever they stand.
"""

from __future__ import annotations

from .answer_check import Source
from .citations import Citation, check_prose, found_at, found_in, problems_of, range_problem, short, unclosed
from .model import Worksheet
from .problems import Problem
from .questions import Question
from .prose import quotable
from .quotes import find_quotations
from .stems import unlisted_forms
from .refs import LineRange


def check(ws: Worksheet, quoted_elsewhere: list[Citation] = ()) -> list[Problem]:
    """``quoted_elsewhere``: quotations of the article checked in other
    pages (a sequence's final task), judged with its own for a shift."""
    problems = list(ws.load_problems)
    problems += check_question_ids(ws)
    citations: list[Citation] = []
    for q in ws.questions.questions:
        problems += check_line_refs(ws, q)
        problems += check_question_quotations(ws, q)
        problems += check_parts(ws.questions.path, q)
        problems += check_exercise(ws, q)
        citations += check_answer_and_notes(ws, q)
    citations += check_notes(ws)
    citations += check_definitions(ws)
    citations += check_pages(ws)
    problems += problems_of(ws, [*citations, *quoted_elsewhere])
    problems += check_glossary_use(ws)
    problems += check_glossary_forms(ws)
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


def check_line_refs(ws: Worksheet, q: Question) -> list[Problem]:
    """The lines a question cites exist, in its own article."""
    line = q.lines_line or q.options_line or q.line
    if q.exercise is not None and not q.lines_option:
        return []  # it cites its items' lines, each checked at its item (check_exercise)
    if not q.refs:
        if q.lines_option:
            return []  # already reported: not a list of ranges, or still TODO
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
        left = unclosed(quotable(para.text), ws.language)
        if left:
            offset, message = left
            problems.append(_where(ws, para.line + para.text.count("\n", 0, offset), f"{q.name}: {message}"))
            continue
        for quote in find_quotations(quotable(para.text), language=ws.language):
            if any(found_in(ws, quote.text, r) for r in runs):
                continue
            line = para.line + para.text.count("\n", 0, quote.start)
            elsewhere = found_at(ws, quote.text)
            but = f" but in {elsewhere}" if elsewhere else ""
            problems.append(_where(ws, line, f"{q.name}: quotation \"{short(quote.text)}\" is not in the lines it cites ({cited}){but}"))
    return problems


def check_parts(path: str, q: Question) -> list[Problem]:
    """A question has its text, a model answer and teacher notes, none empty."""
    problems = []
    if not q.text.text.strip():
        problems.append(Problem(path, q.line, f"{q.name} has no question text"))
    parts = ((q.answer, "model answer", "model-answer"), (q.notes, "teacher notes", "teacher-notes"))
    if q.exercise_kind:  # its items are its key
        parts = parts[1:]
    elif q.items is not None:
        problems.append(Problem(path, q.items.line, f"{q.name}: '/// items' belong to an exercise: add "
                                                    "'exercise: true-false' (or find-words, choice, matching) to its options"))
    for block, label, part in parts:
        if block is None and q.unknown_parts:
            continue  # the part is probably the block with an unknown name: that is its one problem
        if block is None:
            problems.append(Problem(path, q.line, f"{q.name} has no {label}: add a '/// {part}' block inside the question"))
        elif not block.text.strip():
            verb = "are" if label.endswith("s") else "is"
            problems.append(Problem(path, block.line, f"{q.name}: the {label} {verb} empty"))
    return problems


def check_exercise(ws: Worksheet, q: Question) -> list[Problem]:
    """Each item's lines exist; a statement's expected quotation and a word
    to find stand in them; an option's proving lines exist."""
    if q.exercise is None:
        return []
    problems = []
    for number, item in enumerate(q.exercise.items, start=1):
        ranges = [item.lines] if item.lines else []
        ranges += [o.quote for o in item.options if o.quote]
        bad = next((range_problem(ws, r) for r in ranges if range_problem(ws, r)), None)
        if bad:
            problems.append(_where(ws, item.line, f"{q.name}: item {number}: {bad}"))
            continue
        wanted = [item.quotation] if item.quotation else []
        if q.exercise_kind == "find-words":
            wanted = item.answer
        for text in wanted:
            if not found_in(ws, text, item.lines):
                elsewhere = found_at(ws, text)
                but = f" but in {elsewhere}" if elsewhere else ""
                problems.append(_where(ws, item.line, f"{q.name}: item {number}: \"{short(text)}\" is not in "
                                                      f"{item.lines.label()}{but}"))
    return problems


def check_answer_and_notes(ws: Worksheet, q: Question) -> list[Citation]:
    """Every quotation in the model answer is in the article, and in the lines
    given beside it ("…" (l. 9)); in the teacher notes, every quotation that
    gives its lines is in them."""
    path, checked = ws.questions.path, []
    if q.answer is not None:
        checked += check_prose(ws, path, q.answer, f"{q.name} model answer", every_quotation=True)
    if q.notes is not None:
        checked += check_prose(ws, path, q.notes, f"{q.name} teacher notes")
    for aside in q.asides:
        checked += check_prose(ws, path, aside, q.name)
    return checked


def check_notes(ws: Worksheet) -> list[Citation]:
    """Each note's phrase stands in its line, as whole words (it may run on
    into the next); its text's quotations stand in the lines they give."""
    checked = []
    total = len(ws.article)
    for note in ws.notes:
        checked += check_prose(ws, ws.notes_path, note.text_source, f"note on line {note.line}")
        if not ws.article.has_line(note.line):
            checked.append(Citation(Problem(ws.notes_path, note.source_line, f"note on line {note.line}: line {note.line} does not exist (the article has {total} lines)")))
            continue
        if note.phrase:
            r = LineRange(note.line, min(total, note.line + 1))
            found = Source.of(ws.article, ws.language).find(note.phrase, r, whole=True)
            problem = None
            if found is None or found.first != note.line:  # it starts on its line, and may run on into the next
                elsewhere = found_at(ws, note.phrase, whole=True)
                but = f" but in {elsewhere}" if elsewhere else ""
                problem = Problem(ws.notes_path, note.source_line,
                                  f"note on line {note.line}: \"{note.phrase}\" is not in that line{but}")
            checked.append(Citation(problem, note.phrase, r))
    return checked


def check_definitions(ws: Worksheet) -> list[Citation]:
    return [c for entry in ws.glossary.entries
            for c in check_prose(ws, ws.glossary.path, entry.definition_source, f"glossary entry '{entry.term}'")]


def check_pages(ws: Worksheet) -> list[Citation]:
    """The Markdown pages, and the questions page's text outside its questions, as prose."""
    return [*(c for block in ws.questions.prose for c in check_prose(ws, ws.questions.path, block)),
            *(c for page in ws.pages for c in check_prose(ws, page.path, page.prose))]


def check_glossary_forms(ws: Worksheet) -> list[Problem]:
    """A word of the article that shares a term's stem but is none of its
    forms: a warning at the entry, naming the words and their lines."""
    problems = []
    entries = {entry.term: entry for entry in ws.glossary.entries}
    flow = ws.article.flow
    for term, words in unlisted_forms(ws.glossary, flow.text, ws.language).items():
        named = ", ".join(f"'{word}' (l. {flow.locate(offset)[0]})" for word, offset in words)
        problems.append(Problem(ws.glossary.path, entries[term].source_line,
                                f"glossary entry '{term}': {named} in the article "
                                f"{'shares its stem but is' if len(words) == 1 else 'share its stem but are'} not among "
                                f"its forms: add {'it' if len(words) == 1 else 'them'} to 'forms', or to 'not-forms' "
                                f"if {'it is another word' if len(words) == 1 else 'they are other words'}",
                                warning=True))
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

