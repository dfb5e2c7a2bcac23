"""Links to a line of an article: ``[the vote](article.md#L8)``,
``[see](../ai-act/article.md#L19)``.

Each article line has its anchor, ``#L8``, so MkDocs only knows that an
anchor is missing; here a link to a line names the article and the line it
lacks, at the line of the link, in any Markdown page of the library: a
worksheet's pages (its questions, their answers and notes among them), a
sequence, the home page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from .citations import range_problem
from .library import Library
from .model import ARTICLE
from .problems import Problem
from .prose import Block
from .refs import LineRange

#: A link's target, inline ``[text](target "title")`` or by reference ``[label]: target``.
LINK = re.compile(r"\]\(\s*<?(?P<inline>[^)\s>]+)>?[^)\n]*\)|^[^\S\n]{0,3}\[[^\]\n]+\]:[^\S\n]*<?(?P<ref>[^\s>]+)",
                  re.MULTILINE)
#: A target into a line: "article.md#L25", "../ai-act/article.md#L8", "#L3".
LINE_TARGET = re.compile(r"^(?P<page>[^#?]*)#L(?P<line>[0-9]{1,6})$")


def _blocks(library: Library) -> Iterator[tuple[str, str, Block]]:
    """Every piece of Markdown prose of the library: (its page's path in the
    docs folder, its path as messages name it, the prose)."""
    for ws in library.worksheets:
        for page in ws.pages:
            yield ws.src(posixpath.basename(page.path)), page.path, page.prose
        questions = ws.questions
        src = ws.src(posixpath.basename(questions.path))
        for q in questions.questions:
            for block in [*q.paragraphs, q.answer, q.notes, *q.asides]:
                if block is not None:
                    yield src, questions.path, block
        for block in questions.prose:
            yield src, questions.path, block
    for sequence in library.sequences:
        for q in sequence.page.questions:
            for block in [*q.paragraphs, q.answer, q.notes, *q.asides]:
                if block is not None:
                    yield sequence.src, sequence.page.path, block
        for block in sequence.page.prose:
            yield sequence.src, sequence.page.path, block
    for page in library.pages:
        yield page.src, page.path, page.prose


def check_line_links(library: Library) -> list[Problem]:
    problems = []
    for src, path, block in _blocks(library):
        for m in LINK.finditer(block.text):
            target = m.group("inline") or m.group("ref")
            line_target = LINE_TARGET.match(target)
            if not line_target:
                continue
            page = line_target.group("page")
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(src), page)) if page else src
            if posixpath.basename(linked) != ARTICLE:
                continue
            ws = library.worksheet(posixpath.dirname(linked) if "/" in linked else "")
            if ws is None:
                continue  # no such article: MkDocs' own link check names it
            number = int(line_target.group("line"))
            bad = range_problem(ws, LineRange(number, number))
            if bad:
                line = block.line + block.text.count("\n", 0, m.start())
                problems.append(Problem(path, line, f"the link to '{target}': {bad}"))
    return problems
