"""The rules of a whole library: each worksheet's own (checks.py), the final
tasks of sequences, which cite several worksheets, and the glossaries seen
side by side.

``check_library(library)`` returns every problem found, sorted.
"""

from __future__ import annotations

from .checks import check, check_parts
from .answer_check import Source, check_answer
from .citations import Citation, found_at, found_in, range_problem, short, unclosed
from .glossary import Entry
from .language import DEFAULT
from .library import Library, Sequence
from .links import check_line_links
from .problems import Problem
from .questions import LineRef, Question
from .prose import quotable
from .quotes import find_quotations
from .todos import article_todos, page_todos, questions_todos, records_todos
from .model import Worksheet


def check_library(library: Library) -> list[Problem]:
    problems = list(library.problems)
    quoted: dict[int, list[Citation]] = {}  # by worksheet: the sequences' quotations of its lines
    for sequence in library.sequences:
        if library.unreadable & set(sequence.named) or sequence.missing:
            continue  # checked once the worksheets it names can be read
        problems += check_sequence(library, sequence, quoted)
        problems += questions_todos(sequence.page)
    for worksheet in library.worksheets:
        # A line added to an article, or removed, shifts the sequences' quotations of it too: one problem says so.
        problems += check(worksheet, quoted.get(id(worksheet), []))
        problems += worksheet_todos(worksheet)
    problems += check_shared_terms(library)
    problems += check_other_pages(library)
    problems += check_line_links(library)
    return sorted(set(problems))


def check_other_pages(library: Library) -> list[Problem]:
    """On the pages of no worksheet (the home page…), a quotation that gives
    its lines stands in those lines of one of the articles."""
    sources = [Source.of(ws.article, ws.language) for ws in library.worksheets]
    problems = []
    for page in library.pages:
        prose = quotable(page.prose.text)
        left = unclosed(prose, library.language)
        if left:
            problems.append(Problem(page.path, page.prose.line + prose.count("\n", 0, left[0]), left[1]))
            continue
        for c in check_answer(prose, sources, library.language):
            if c.quotation is None or c.mention is None or c.mention_ok or c.document is not None:
                continue
            line = page.prose.line + prose.count("\n", 0, c.start)
            if c.found is None:
                where = "nor anywhere in the articles"
            else:
                ws = library.worksheets[c.found[0]]
                where = f"but in {c.found[1].label()}" + (f" of {ws.article.path}" if len(sources) > 1 else "")
            of = " of any article" if len(sources) > 1 else ""
            problems.append(Problem(page.path, line, f"quotation \"{short(c.quotation)}\" is not in {c.mention.label()}{of} {where}"))
    return problems


def worksheet_todos(ws: Worksheet) -> list[Problem]:
    """Every TODO left in the worksheet's files, each saying what to write."""
    terms = {entry.source_line: entry.term for entry in ws.glossary.entries}
    notes = {note.source_line: note.line for note in ws.notes}
    problems = [*article_todos(ws.article.path, ws.article.block_start, ws.article.block_end),
                *questions_todos(ws.questions),
                *records_todos(ws.glossary.path, lambda start: f"glossary entry '{terms.get(start, '?')}'")]
    if ws.overview_path:
        problems += page_todos(ws.overview_path, "the worksheet's introduction")
    if ws.notes:
        problems += records_todos(ws.notes_path, lambda start: f"note on line {notes.get(start, '?')}")
    return problems


def _refs_problem(library: Library, sequence: Sequence, ref: LineRef) -> str | None:
    if ref.worksheet is None:
        return (f"'{ref}' does not say which worksheet it cites: write it as "
                f"'{sequence.worksheets[0].slug if sequence.worksheets else 'folder'}:{ref.range}'")
    ws = library.worksheet(ref.worksheet)
    if ws is None or ws not in sequence.worksheets:
        named = ", ".join(w.slug for w in sequence.worksheets) or "none"
        return f"'{ref}' cites a worksheet this sequence does not list (it lists: {named})"
    bad = range_problem(ws, ref.range)
    return f"{ref.worksheet}: {bad}" if bad else None


def check_sequence(library: Library, sequence: Sequence, quoted: dict[int, list[Citation]]) -> list[Problem]:
    """The problems of a sequence's page; the quotations its final task's
    answer and notes give with a document's lines go to ``quoted``, by
    worksheet, to be judged with that worksheet's own."""
    page = sequence.page
    problems = list(page.problems)
    for q in page.questions:
        where = q.lines_line or q.options_line or q.line
        if not q.refs and not q.lines_option:
            problems.append(Problem(page.path, where, f"{q.name} cites no lines: add 'lines: "
                                                      "first-folder:25–29, second-folder:3–7' under its '//// question' line"))
        bad = [p for p in (_refs_problem(library, sequence, ref) for ref in q.refs) if p]
        problems += [Problem(page.path, where, f"{q.name}: {p}") for p in bad]
        if not bad:
            problems += _question_quotations(library, page.path, q)
        problems += check_parts(page.path, q)
        for block, who, every in ((q.answer, "model answer", True), (q.notes, "teacher notes", False)):
            if block is not None:
                problems += _document_quotations(sequence, page.path, block, f"{q.name} {who}", every, quoted)
    return problems


def _document_quotations(sequence: Sequence, path: str, block, who: str, every_quotation: bool,
                         quoted: dict[int, list[Citation]]) -> list[Problem]:
    """In a final task's answer or notes, a quotation followed by
    ``(doc. 2, l. 6)`` stands in those lines of the sequence's second
    worksheet; in the answer, a quotation without one stands in one of them."""
    prose = quotable(block.text)
    documents = len(sequence.worksheets)
    left = unclosed(prose, sequence.worksheets[0].language if sequence.worksheets else DEFAULT)
    if left:
        return [Problem(path, block.line + prose.count("\n", 0, left[0]), f"{who}: {left[1]}")]
    problems = []
    for c in check_answer(prose, [Source.of(ws.article, ws.language) for ws in sequence.worksheets]):
        if c.quotation is None:
            continue  # a line mention alone names no document
        line = block.line + prose.count("\n", 0, c.start)
        said = f"{who}: quotation \"{short(c.quotation)}\""
        if c.document is None:
            if every_quotation and c.found is None:
                problems.append(Problem(path, line, f"{said} is in none of the sequence's documents"))
            continue
        if not 1 <= c.document <= documents:
            problems.append(Problem(path, line, f"{said}: there is no doc. {c.document} (the sequence has "
                                                f"{documents} documents)"))
            continue
        ws = sequence.worksheets[c.document - 1]
        bad = range_problem(ws, c.mention)
        problem = None
        if bad:
            problem = Problem(path, line, f"{said}: doc. {c.document}: {bad}")
        elif not c.mention_ok:
            elsewhere = found_at(ws, c.quotation)
            where = f"but in {elsewhere}" if elsewhere else "nor anywhere in it"
            problem = Problem(path, line, f"{said} is not in doc. {c.document}, {c.mention.label()}, {where}")
        quoted.setdefault(id(ws), []).append(Citation(problem, c.quotation, c.mention))
    return problems


def _question_quotations(library: Library, path: str, q: Question) -> list[Problem]:
    """A quotation in a final task stands in one of the ranges it cites."""
    problems = []
    cited = ", ".join(str(ref) for ref in q.refs)
    cited_first = library.worksheet(q.refs[0].worksheet) if q.refs else None
    language = cited_first.language if cited_first else library.language
    for paragraph in q.paragraphs:
        left = unclosed(quotable(paragraph.text), language)
        if left:
            problems.append(Problem(path, paragraph.line + paragraph.text.count("\n", 0, left[0]), f"{q.name}: {left[1]}"))
            continue
        for quote in find_quotations(quotable(paragraph.text), language=language):
            if not any(found_in(library.worksheet(ref.worksheet), quote.text, ref.range) for ref in q.refs):
                line = paragraph.line + paragraph.text.count("\n", 0, quote.start)
                problems.append(Problem(path, line, f"{q.name}: quotation \"{quote.text}\" is not in the lines it cites ({cited})"))
    return problems


def _meaning(entry: Entry) -> tuple[str, str]:
    return " ".join(entry.definition.casefold().split()), " ".join(entry.french.casefold().split())


def check_shared_terms(library: Library) -> list[Problem]:
    """A term two worksheets define differently is worth a look: a warning
    naming both files (the site-wide vocabulary shows both definitions)."""
    first: dict[str, tuple[str, Entry]] = {}
    problems = []
    for ws in library.worksheets:
        for entry in ws.glossary.entries:
            key = entry.term.casefold()
            if key not in first:
                first[key] = (ws.glossary.path, entry)
                continue
            path, earlier = first[key]
            if path != ws.glossary.path and _meaning(earlier) != _meaning(entry):
                problems.append(Problem(ws.glossary.path, entry.source_line,
                                        f"glossary entry '{entry.term}' is defined differently in {path} "
                                        f"(line {earlier.source_line})", warning=True))
    return problems
