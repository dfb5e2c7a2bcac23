"""A whole worksheet loaded from a content folder.

The folder holds ``article.md``, ``questions.md``, ``glossary.yml``,
``notes.yml`` (optional) and ``index.md`` (optional: the worksheet's own page,
whose front matter gives its title, level, theme and time). Every Markdown
page but the questions is also read as prose, for the quotations it makes.
Nothing here knows how many lines, questions or terms there are.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from .article import Article, parse_article
from .glossary import Entry, Glossary, Match, parse_glossary
from .language import DEFAULT, KEY, read_language
from .notes import Note, parse_notes
from .problems import Problem
from .prose import Page, parse_page
from .exercises import parse_exercise
from .questions import LineRef, QuestionPage, parse_questions
from .source import read_text

ARTICLE = "article.md"
QUESTIONS = "questions.md"
GLOSSARY = "glossary.yml"
NOTES = "notes.yml"
OVERVIEW = "index.md"


@dataclass
class Worksheet:
    article: Article
    questions: QuestionPage
    glossary: Glossary
    notes: list[Note]
    notes_path: str = NOTES
    load_problems: list[Problem] = field(default_factory=list)
    slug: str = ""  # the folder, relative to the docs folder ("" for the docs folder itself)
    info: dict = field(default_factory=dict)  # the front matter of index.md
    overview_path: str = ""  # index.md, as messages name it ("" when there is none)
    pages: list[Page] = field(default_factory=list)  # every Markdown page but the questions, as prose
    language: str = DEFAULT  # the language of its text (language.py): index.md's, else the site's
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def title(self) -> str:
        """Its short title: index.md's, else the article's headline."""
        return str(self.info.get("title") or self.article.meta.get("headline") or self.slug)

    def src(self, name: str) -> str:
        """A content file's path in the docs folder: ``src("article.md")``."""
        return f"{self.slug}/{name}" if self.slug else name

    def _once(self, name: str, compute):
        """Computed on first use, then kept: the content never changes once loaded."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    def for_students(self) -> "Worksheet":
        """The worksheet as the student edition has it: its questions without
        model answers and teacher notes, and without the glossary entries and
        notes marked ``classroom-only: true``."""
        glossary = Glossary(self.glossary.path, [e for e in self.glossary.entries if not e.classroom_only],
                            self.glossary.problems)
        return replace(self, questions=self.questions.for_students(), glossary=glossary,
                       notes=[n for n in self.notes if not n.classroom_only], _memo={})

    # -- where glossary terms stand --------------------------------------
    def article_matches(self) -> list[Match]:
        return self._once("matches", lambda: self.glossary.find(self.article.flow.text))

    def matches_by_line(self) -> dict[int, list[tuple[int, int, Entry]]]:
        """For each line, (start column, end column, entry) of each term piece.
        A term split over two lines gives a piece on each."""
        return self._once("by_line", self._matches_by_line)

    def _matches_by_line(self):
        flow = self.article.flow
        pieces: dict[int, list[tuple[int, int, Entry]]] = defaultdict(list)
        for match in self.article_matches():
            for number in flow.span_lines(match.start, match.end):
                line_start = flow.line_start(number)
                if line_start is None:  # a blank line inside a match
                    continue
                start = max(match.start, line_start) - line_start
                end = min(match.end, line_start + len(self.article.line(number).text)) - line_start
                if end > start:
                    pieces[number].append((start, end, match.entry))
        return pieces

    def occurrences(self) -> dict[str, dict[str, list]]:
        """For each entry (by term): the article lines and the questions it occurs in."""
        return self._once("occurrences", self._occurrences)

    def _occurrences(self) -> dict[str, dict[str, list]]:
        found = {e.term: {"lines": [], "questions": []} for e in self.glossary.entries}
        flow = self.article.flow
        for match in self.article_matches():
            first, _ = flow.locate(match.start)
            lines = found[match.entry.term]["lines"]
            if not lines or lines[-1] != first:  # matches come in order
                lines.append(first)
        for q in self.questions.questions:
            for match in self.glossary.find(q.text.text):
                ids = found[match.entry.term]["questions"]
                if not ids or ids[-1] != q.id:
                    ids.append(q.id)
        return found

    def citations(self) -> dict[int, list[str]]:
        """For each article line, the ids of the questions that cite it."""
        return self._once("citations", self._citations)

    def _citations(self) -> dict[int, list[str]]:
        cited: dict[int, list[str]] = defaultdict(list)
        for q in self.questions.questions:
            for r in q.ranges:
                for n in range(max(1, r.first), min(r.last, len(self.article)) + 1):
                    if not cited[n] or cited[n][-1] != q.id:
                        cited[n].append(q.id)
        return cited


def _label(path: Path) -> str:
    """How messages name a file: relative to the working folder when inside it."""
    try:
        relative = Path(os.path.relpath(path))
    except ValueError:  # another drive
        return path.as_posix()
    return path.as_posix() if relative.parts[:1] == (os.pardir,) else relative.as_posix()


def read_exercises(questions: QuestionPage, glossary: Glossary) -> list:
    """Reads each exercise's items (matching draws on the glossary); an
    exercise with no ``lines`` option cites the lines of its items, and one
    with no ``points`` is marked out of its number of items."""
    problems = []
    terms = {e.term: e.definition for e in glossary.entries}
    for q in questions.questions:
        if not q.exercise_kind:
            continue
        q.exercise, found = parse_exercise(q.exercise_kind, q.items, q.id, questions.path, terms)
        problems += [p if p.line else replace(p, line=q.line) for p in found]
        if q.points is None:  # a point an item
            q.points = len(q.exercise.items) or None
        if not q.lines_option:
            q.refs = [LineRef(r) for r in sorted(set(q.exercise.ranges()))]
    return problems


def load_worksheet(folder: Path, slug: str = "", language: str = DEFAULT) -> Worksheet:
    """Load every content file of a worksheet; raises ``WorksheetError`` when a
    file cannot be read at all. ``slug``: the folder's path in the docs folder;
    ``language``: the site's, which index.md's front matter may change."""
    folder = Path(folder)

    def load(name, parse):
        label = _label(folder / name)
        return parse(read_text(folder / name, label), label)

    article, article_page = load(ARTICLE, lambda text, label: (parse_article(text, label), parse_page(text, label)))
    questions = load(QUESTIONS, parse_questions)
    glossary = load(GLOSSARY, parse_glossary)
    notes, note_problems = load(NOTES, parse_notes) if (folder / NOTES).exists() else ([], [])
    overview = load(OVERVIEW, parse_page) if (folder / OVERVIEW).exists() else None
    language, language_problems = (language, []) if overview is None else read_language(
        overview.meta, overview.path, _key_line(folder / OVERVIEW, KEY), language)
    pages = [article_page, *(overview if path.name == OVERVIEW else load(path.name, parse_page)
                             for path in sorted(folder.glob("*.md")) if path.name not in (ARTICLE, QUESTIONS))]
    exercise_problems = read_exercises(questions, glossary)
    return Worksheet(article, questions, glossary, notes, _label(folder / NOTES),
                     [*questions.problems, *exercise_problems, *glossary.problems, *note_problems, *language_problems],
                     slug=slug,
                     info=overview.meta if overview else {}, overview_path=overview.path if overview else "",
                     pages=pages, language=language)


def _key_line(path: Path, key: str) -> int:
    """The file line where front matter gives ``key`` (1 when not found)."""
    rows = path.read_text(encoding="utf-8", errors="replace").split("\n")
    return next((i for i, row in enumerate(rows, start=1) if row.startswith(f"{key}:")), 1)
