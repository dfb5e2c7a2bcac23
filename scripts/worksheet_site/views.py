"""What the Jinja partials show, computed from the loaded worksheet.

Plain data: the partials under ``overrides/partials/worksheet/`` hold the
markup. Addresses come from the page being rendered (the builders pass the
functions that make them), so every one of them works in a served, a plain,
a sub-path and an offline build.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from markupsafe import Markup

from worksheet import Worksheet
from worksheet.glossary import Entry
from worksheet.language import LANGUAGES, Language
from worksheet.notes import Note
from worksheet.questions import Question
from worksheet.refs import LineRange


@dataclass
class Segment:
    text: str
    term: Entry | None = None  # a glossary term, with its pop-up


@dataclass
class Evidence:
    """A marker beside a line: a question that draws on it."""

    question: Question
    href: str
    starts: bool  # the first line of a run the question cites


@dataclass
class LineView:
    number: int
    label: str  # the margin number, or ""
    segments: list[Segment]
    notes: list[tuple[int, Note]] = field(default_factory=list)  # (number of the note, note)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.segments


@dataclass
class Group:
    """A paragraph of lines, or one blank printed line."""

    lines: list[LineView]
    indent: bool = False
    blank: bool = False


@dataclass
class ArticleView:
    worksheet: Worksheet
    groups: list[Group]
    notes: list[tuple[int, Note, Markup]]  # (number, note, its text as HTML)
    vocabulary: list[Entry]
    question_range: str  # "Q1–Q7", for the help line


def article_view(ws: Worksheet, *, number_every: int, note_html: Callable[[Note], Markup],
                 questions_href: Callable[[str], str] | None = None, terms: bool = True) -> ArticleView:
    """The article as its partial shows it.

    ``questions_href(question id)``: when given, beside each line a question
    cites, a marker linking to that question. ``terms``: glossary terms with
    their pop-ups (the printed sheet has a vocabulary box instead)."""
    cited = ws.citations() if questions_href else {}
    by_id = {q.id: q for q in ws.questions.questions}
    found = ws.matches_by_line() if terms else {}
    numbered = list(enumerate(ws.notes, start=1))
    notes_by_line: dict[int, list[tuple[int, Note]]] = {}
    for number, note in numbered:
        notes_by_line.setdefault(note.line, []).append((number, note))
    groups: list[Group] = []
    for line in ws.article.lines:
        label = str(line.number) if line.number % number_every == 0 else ""
        if line.blank:
            groups.append(Group([LineView(line.number, label, [])], blank=True))
            continue
        view = LineView(line.number, label, _segments(line.text, found.get(line.number, [])),
                        notes_by_line.get(line.number, []))
        if questions_href:
            view.evidence = [Evidence(by_id[qid], questions_href(qid), qid not in cited.get(line.number - 1, []))
                             for qid in cited.get(line.number, [])]
        if line.starts_paragraph or not groups or groups[-1].blank:
            previous_blank = line.number > 1 and ws.article.line(line.number - 1).blank
            groups.append(Group([], indent=line.starts_paragraph and line.number > 1 and not previous_blank))
        groups[-1].lines.append(view)
    occurrences = ws.occurrences()
    vocabulary = [e for e in ws.glossary.entries if occurrences[e.term]["lines"]]
    ids = [q.id for q in ws.questions.questions]
    question_range = _span([f"Q{i[1:]}" if i[1:].isdigit() else i for i in ids])
    return ArticleView(ws, groups, [(n, note, note_html(note)) for n, note in numbered],
                       vocabulary, question_range)


def _segments(text: str, pieces: list[tuple[int, int, Entry]]) -> list[Segment]:
    out, position = [], 0
    for start, end, entry in sorted(pieces, key=lambda p: p[0]):
        if start > position:
            out.append(Segment(text[position:start]))
        out.append(Segment(text[start:end], entry))
        position = end
    if position < len(text):
        out.append(Segment(text[position:]))
    return out


def _span(labels: list[str]) -> str:
    """["Q1", "Q2", "Q3"] -> "Q1–Q3"."""
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"


@dataclass
class Excerpt:
    """Lines a question cites, to reread under it."""

    range: LineRange
    lines: list[str]


def excerpts(ws: Worksheet, ranges: list[LineRange]) -> list[Excerpt]:
    return [Excerpt(r, [ws.article.line(n).text for n in r]) for r in ranges]


def ranges_label(ranges: list[LineRange], t) -> str:
    """"lines 1–7, 25–36 and 63–65", "line 9", in the words of ``t`` (the interface's)."""
    labels = [str(r) for r in ranges]
    names = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + t("questions.and") + labels[-1]
    single = len(ranges) == 1 and ranges[0].first == ranges[0].last
    return t("questions.range_line" if single else "questions.range_lines", lines=names)


@dataclass
class GlossaryEntryView:
    entry: Entry
    lines: list[tuple[int, str]]  # (line number, address)
    questions: list[tuple[Question, str]]  # (question, address)


def glossary_view(ws: Worksheet, line_href: Callable[[int], str],
                  question_href: Callable[[str], str]) -> list[GlossaryEntryView]:
    found = ws.occurrences()
    by_id = {q.id: q for q in ws.questions.questions}
    return [GlossaryEntryView(entry,
                              [(n, line_href(n)) for n in found[entry.term]["lines"]],
                              [(by_id[qid], question_href(qid)) for qid in found[entry.term]["questions"]])
            for entry in ws.glossary.entries]


def term_key(term: str) -> str:
    """Where a term is filed in an A–Z list: without accents, whatever its case."""
    return "".join(c for c in unicodedata.normalize("NFKD", term) if not unicodedata.combining(c)).casefold()


def initial(term: str) -> str:
    """The letter a term is filed under, A to Z; "#" for one that starts otherwise."""
    first = term_key(term)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def letters(entries: list[Entry] | list[VocabularyEntry]) -> list[tuple[str, str]]:
    """Each first letter of a term, with the first entry it starts: an A–Z index."""
    first: dict[str, str] = {}
    for entry in entries:
        first.setdefault(initial(entry.term), entry.slug)
    return list(first.items())


@dataclass
class Card:
    """A worksheet as the library and its own page show it."""

    worksheet: Worksheet
    source: str  # "Charles Rollet · WIRED UK · 5 June 2018"
    lines: int
    questions: int  # open questions
    pages: dict[str, str]  # "overview", "article", "questions", "glossary", "sheet" -> address

    @property
    def info(self) -> dict:
        return self.worksheet.info

    @property
    def exercises(self) -> int:
        """Its exercises (true or false, find the words…), counted apart from the questions."""
        return sum(q.exercise is not None for q in self.worksheet.questions.questions)

    @property
    def language(self) -> Language:
        """The language of its text, named in that language."""
        return LANGUAGES[self.worksheet.language]


def card(ws: Worksheet, pages: dict[str, str]) -> Card:
    meta = ws.article.meta
    source = " · ".join(str(meta[k]) for k in ("author", "publication", "date") if meta.get(k))
    return Card(ws, source, len(ws.article), sum(q.exercise is None for q in ws.questions.questions), pages)


@dataclass
class Shelf:
    """Worksheets shown together: a sequence's, or the others."""

    title: str
    cards: list[Card]
    axis: str = ""
    href: str = ""  # the sequence's page


@dataclass
class VocabularyEntry:
    """A term of one or more worksheets, on the site-wide vocabulary."""

    term: str
    slug: str
    pos: str
    meanings: list[tuple[Entry, list[str]]]  # (entry, titles of the worksheets that define it so)
    places: list[tuple[Worksheet, list[tuple[int, str]]]]  # (worksheet, [(line, address)])
    language: str = "en"  # of the text of the first worksheet that has it


def vocabulary_terms(worksheets: list[Worksheet]) -> list[str]:
    """Every term of the worksheets, once, in A–Z order."""
    terms = {entry.term.casefold(): entry.term for ws in worksheets for entry in ws.glossary.entries}
    return sorted(terms.values(), key=term_key)


def vocabulary(worksheets: list[Worksheet], line_href: Callable[[Worksheet, int], str],
               letter: str | None = None) -> list[VocabularyEntry]:
    """The worksheets' terms, each once, with its meanings and where it occurs;
    with ``letter``, only those filed under it."""
    merged: dict[str, VocabularyEntry] = {}
    for ws in worksheets:
        found = ws.occurrences()
        for entry in ws.glossary.entries:
            if letter is not None and initial(entry.term) != letter:
                continue
            key = entry.term.casefold()
            item = merged.setdefault(key, VocabularyEntry(entry.term, entry.slug, entry.pos, [], [], ws.language))
            same = next((m for m in item.meanings if (m[0].definition, m[0].french) == (entry.definition, entry.french)), None)
            if same:
                same[1].append(ws.title)
            else:
                item.meanings.append((entry, [ws.title]))
            lines = found[entry.term]["lines"]
            if lines:
                item.places.append((ws, [(n, line_href(ws, n)) for n in lines]))
    return sorted(merged.values(), key=lambda item: term_key(item.term))


def holds_answers(html: str) -> bool:
    """Whether a rendered page holds a model answer or teacher notes."""
    return re.search(r'class="(?:[^"]* )?(?:model-answer|teacher-note)[ "]', html) is not None


def script_json(data) -> Markup:
    """``data`` as JSON to stand in a ``<script type="application/json">``:
    ``<`` is escaped, so no value can end the element."""
    return Markup(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
