"""The review page, ``/review/``: where a teacher reads a class's hand-in
files, question by question, and marks them. Classroom edition only: the
student edition has no such page, in its menu or its search index.

The page is built here: what the browser needs to read a hand-in file of any
worksheet or sequence of the library (its questions, their points and
expected length, the fingerprint of its text, where its article's lines
are), as JSON in the page, and each question's text, model answer and
teacher notes, rendered like the rest of the site, in a ``<template>`` the
script shows beside the answers. The files themselves are read in the
browser, never sent (overrides/assets/js/review.js).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from worksheet.fingerprint import text_fingerprint
from worksheet.questions import Question, expected_words, total_points

from .exercise_views import salt_of, spec

#: The page, generated unless the docs folder holds its own.
PAGE = ("review.md", "---\ntitle: {title}\nhide: [navigation, toc]\nsearch: {{exclude: true}}\n---\n\n# {title}\n")
#: Its name in the classroom edition's menu: an interface text.
LABEL = "pages.review"


def page_source(t) -> str:
    """The generated page's source, titled in the interface's language."""
    return PAGE[1].format(title=t("pages.review_title"))
#: Its script and stylesheet, which the student edition does not ship.
ASSETS = {"assets/js/review.js", "assets/css/review.css"}


@dataclass
class ReviewQuestion:
    id: str
    title: str
    points: float | None
    words: tuple[int, int]  # the length its writing space asks for
    exercise: dict | None = None  # an exercise as its page holds it (exercise_views.spec): its mark is computed again


@dataclass
class ReviewSheet:
    """A page of questions a hand-in file can answer: a worksheet's, or a sequence's final task."""

    key: str  # what the hand-in file names as its worksheet (answers.js's storage key)
    title: str
    text: str  # the fingerprint of its article(s)
    total: float | None
    sources: list[dict]  # the articles its quotations are checked against: {worksheet, src, title, language}
    questions: list[ReviewQuestion] = field(default_factory=list)


def sheet(key: str, title: str, worksheets, questions: list[Question], lines_src) -> ReviewSheet:
    """``lines_src(ws)``: the address of a worksheet's article lines from the review page."""
    fingerprint = text_fingerprint([ws.article for ws in worksheets])
    salt = salt_of(key, fingerprint)
    return ReviewSheet(
        key=key, title=title, text=fingerprint,
        total=total_points(questions),
        sources=[{"worksheet": ws.slug, "src": lines_src(ws), "title": ws.title, "language": ws.language}
                 for ws in worksheets],
        questions=[ReviewQuestion(q.id, q.title, q.points, expected_words(q.writing_lines),
                                  spec(q, salt) if q.exercise is not None else None) for q in questions])


def sheets(library, lines_src) -> list[tuple[ReviewSheet, list[Question]]]:
    """Every page of questions of the library, worksheets first, with its questions."""
    out = [(sheet(ws.slug, ws.title, [ws], ws.questions.questions, lines_src), ws.questions.questions)
           for ws in library.worksheets if ws.questions.questions]
    out += [(sheet(s.src.removesuffix(".md"), s.title, s.worksheets, s.page.questions, lines_src), s.page.questions)
            for s in library.sequences if s.page.questions]
    return out


def page_data(found: list[tuple[ReviewSheet, list[Question]]]) -> dict:
    """The JSON the script reads: each sheet by its key."""
    return {"sheets": {review.key: asdict(review) for review, _ in found}}
