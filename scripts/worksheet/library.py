"""Every worksheet of a docs folder, and the sequences that order them.

A worksheet is a folder holding an ``article.md`` (see model.py). A sequence
is a page in ``sequences/`` whose front matter lists worksheets, in the order
they are taught, and whose body may end with a final task: a question block
citing the lines of several worksheets (``lines: social-credit:25–29``)::

    ---
    title: Scoring citizens
    axis: Citoyenneté et mondes virtuels
    worksheets: [social-credit, ai-act]
    ---
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .language import DEFAULT
from .model import ARTICLE, Worksheet, _label, load_worksheet
from .problems import Problem, WorksheetError
from .prose import Page, parse_page
from .questions import QuestionPage, parse_questions
from .source import read_text

SEQUENCES = "sequences"


@dataclass
class Sequence:
    slug: str  # the file name, without .md
    src: str  # its path in the docs folder
    page: QuestionPage  # its text and final task
    worksheets: list[Worksheet] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # the worksheets it names that do not exist

    @property
    def meta(self) -> dict:
        return self.page.meta

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.slug)

    @property
    def named(self) -> list[str]:
        """The worksheets its front matter names."""
        named = self.meta.get("worksheets")
        return [str(slug) for slug in named] if isinstance(named, list) else []

    @property
    def order(self) -> float:
        value = self.meta.get("order", 0)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


@dataclass
class Library:
    worksheets: list[Worksheet]  # in teaching order: by sequence, then the others by title
    sequences: list[Sequence]  # by their order, then title
    problems: list[Problem]  # files that could not be read at all, sequences that name no worksheet
    unreadable: set[str] = field(default_factory=set)  # worksheets whose files could not be read
    pages: list[Page] = field(default_factory=list)  # the other Markdown pages (the home page…), as prose
    language: str = DEFAULT  # the site's default language for a text, and its own pages'

    def worksheet(self, slug: str) -> Worksheet | None:
        return next((ws for ws in self.worksheets if ws.slug == slug), None)

    def worksheet_of(self, src_uri: str) -> Worksheet | None:
        """The worksheet a page of the docs folder belongs to, if any."""
        folder = src_uri.rsplit("/", 1)[0] if "/" in src_uri else ""
        return self.worksheet(folder)

    def sequence_of(self, src_uri: str) -> Sequence | None:
        return next((s for s in self.sequences if s.src == src_uri), None)

    def sequences_of(self, ws: Worksheet) -> list[Sequence]:
        return [s for s in self.sequences if ws in s.worksheets]

    def edition(self, student: bool) -> "Library":
        """The library as an edition has it: the student edition leaves out
        every model answer and teacher note, and every glossary entry and note
        marked ``classroom-only: true``."""
        if not student:
            return self
        kept = {id(ws): ws.for_students() for ws in self.worksheets}
        sequences = [replace(s, page=s.page.for_students(), worksheets=[kept[id(ws)] for ws in s.worksheets])
                     for s in self.sequences]
        return replace(self, worksheets=[kept[id(ws)] for ws in self.worksheets], sequences=sequences)

    @property
    def unsequenced(self) -> list[Worksheet]:
        """The worksheets no sequence names."""
        named = {id(ws) for s in self.sequences for ws in s.worksheets}
        return [ws for ws in self.worksheets if id(ws) not in named]


def title_key(title: str) -> list:
    """How titles are ordered: "Unit 2" before "Unit 10", whatever the case."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", title)]


def load_library(docs: Path, language: str = DEFAULT) -> Library:
    """Every worksheet and sequence of ``docs``; ``language``: the site's
    default language for a text (a worksheet's index.md may give its own)."""
    docs = Path(docs)
    worksheets, problems, unreadable = [], [], set()
    for article in sorted(docs.rglob(ARTICLE)):
        folder = article.parent
        slug = folder.relative_to(docs).as_posix()
        try:
            worksheets.append(load_worksheet(folder, "" if slug == "." else slug, language))
        except WorksheetError as error:
            problems.append(error.problem)
            unreadable.add(slug)
    by_slug = {ws.slug: ws for ws in worksheets}
    pages = _other_pages(docs, problems)
    sequences = []
    for path in sorted((docs / SEQUENCES).glob("*.md")):
        label = _label(path)
        try:
            text = read_text(path, label)
            page = parse_questions(text, label)
        except WorksheetError as error:
            problems.append(error.problem)
            continue
        sequence = Sequence(path.stem, f"{SEQUENCES}/{path.name}", page)
        named = page.meta.get("worksheets")
        if not isinstance(named, list) or not named:
            problems.append(Problem(label, 1, "a sequence lists its worksheets in its front matter: "
                                              "'worksheets: [first-folder, second-folder]'"))
            named = []
        for slug in map(str, named):
            if slug in by_slug:
                sequence.worksheets.append(by_slug[slug])
            elif slug not in unreadable:  # an unreadable one is reported already
                sequence.missing.append(slug)
                guess = difflib.get_close_matches(slug.lower().replace("_", "-"), list(by_slug), n=1, cutoff=0.6)
                known = ", ".join(sorted(by_slug)) or "none yet"
                hint = f": did you mean '{guess[0]}'?" if guess else f" (a folder of docs/ with an article.md; there are: {known})"
                problems.append(Problem(label, _line_naming(text, slug), f"no worksheet '{slug}'{hint}"))
        sequences.append(sequence)
    sequences.sort(key=lambda s: (s.order, title_key(s.title)))
    ordered = list(dict.fromkeys([ws.slug for s in sequences for ws in s.worksheets] +
                                 [ws.slug for ws in sorted(worksheets, key=lambda w: title_key(w.title))]))
    return Library([by_slug[slug] for slug in ordered], sequences, problems, unreadable, pages, language)


#: What makes a folder without an article.md look like a worksheet all the same.
WORKSHEET_FILES = ("questions.md", "glossary.yml", "notes.yml")
WORKSHEET_FACTS = ("level", "theme", "time")


def _other_pages(docs: Path, problems: list[Problem]) -> list[Page]:
    """The Markdown pages of no worksheet and no sequence, as prose (their
    ``src``: the path in the docs folder). A folder that holds a worksheet's
    files, or an index.md with a worksheet's facts, but no article.md, is a
    problem: MkDocs would leave it out of the menu without a word."""
    worksheets = {path.parent for path in docs.rglob(ARTICLE)}
    pages = []
    for path in sorted(docs.rglob("*.md")):
        if path.parent in worksheets or path.parent == docs / SEQUENCES:
            continue
        label = _label(path)
        try:
            page = parse_page(read_text(path, label), label)
        except WorksheetError as error:
            problems.append(error.problem)
            continue
        page.src = path.relative_to(docs).as_posix()
        pages.append(page)
    for folder in sorted({path.parent for path in docs.rglob("*")} - worksheets - {docs, docs / SEQUENCES}):
        index = next((page for page in pages if page.src == (folder / "index.md").relative_to(docs).as_posix()), None)
        held = [name for name in WORKSHEET_FILES if (folder / name).is_file()]
        if held or (index is not None and any(key in index.meta for key in WORKSHEET_FACTS)):
            where = index.path if index is not None else _label(folder / held[0])
            problems.append(Problem(where, 0, f"this folder has no {ARTICLE}, so it is no worksheet: add its "
                                              f"{ARTICLE} (the text, in a ```article block), questions.md and glossary.yml"))
    return pages


def _line_naming(text: str, slug: str) -> int:
    """The file line naming ``slug`` in a sequence's front matter (1 when not found)."""
    rows = text.split("\n")
    return next((i for i, row in enumerate(rows, start=1) if row.strip().lstrip("- ").strip("'\"") == slug), 1)
