"""Who sees what: the one rule of the two editions.

Anything marked ``classroom-only`` is for the classroom edition only: the
student edition removes it from the page while Markdown renders it, before
the table of contents, the search index or any file is made. It may be
marked

- with a block: ``/// classroom-only`` … ``///``;
- with the class on any element: ``{ .classroom-only }`` (attr_list), or
  ``<div class="classroom-only" markdown>`` (md_in_html), or plain HTML;
- by what it is: model answers and teacher notes are classroom-only.

``classroom-only`` says *who has it*. Within the classroom edition,
``teacher-only`` says *when it shows*: only while teacher mode is on.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

CLASSROOM_ONLY = "classroom-only"
TEACHER_ONLY = "teacher-only"


def is_classroom_only(element: etree.Element) -> bool:
    return CLASSROOM_ONLY in (element.get("class") or "").split()


class ClassroomOnlyBlock(Block):
    """``/// classroom-only``: a part of a page for the classroom edition only."""

    NAME = CLASSROOM_ONLY

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": CLASSROOM_ONLY})


class RawHtmlError(ValueError):
    """Raw HTML marks a classroom-only element it does not close."""


class _Cutter(HTMLParser):
    """Finds the classroom-only elements of a piece of raw HTML, by offset."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.starts = [0]
        for line in html.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))
        self.cuts: list[tuple[int, int]] = []
        self._open: tuple[str, int, int] | None = None  # (tag, depth, start offset)
        self._depth = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self._depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if self._open is None and CLASSROOM_ONLY in classes:
            self._open = (tag, self._depth, self._offset())

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self._open and self._open[0] == tag and self._open[1] == self._depth:
            end = self.html.index(">", self._offset()) + 1
            self.cuts.append((self._open[2], end))
            self._open = None
        self._depth -= 1

    def result(self) -> str:
        self.feed(self.html)
        self.close()
        if self._open is not None:
            raise RawHtmlError(self.html[self._open[2]:].split(">", 1)[0] + ">")
        out, position = [], 0
        for start, end in self.cuts:
            out.append(self.html[position:start])
            position = end
        out.append(self.html[position:])
        return "".join(out)


def without_classroom_only(html: str) -> str:
    """Raw HTML without its classroom-only elements. Raises ``RawHtmlError``
    when one is opened and not closed in the same piece (inline HTML that
    Markdown splits into pieces): it could not be removed whole."""
    if CLASSROOM_ONLY not in html:
        return html
    return _Cutter(html).result()


class StudentEditionTreeprocessor(Treeprocessor):
    """Removes every classroom-only element, and classroom-only raw HTML.

    Runs after the inline patterns and attr_list have given elements their
    classes, and before the table of contents is made. Raw HTML that cannot
    be cut whole is listed in ``problems``, for the plugin to report."""

    def __init__(self, md: Markdown, problems: list[str]):
        super().__init__(md)
        self.problems = problems

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if is_classroom_only(child):
                    _remove(parent, child)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, str):
                try:
                    stash[i] = without_classroom_only(block)
                except RawHtmlError as error:
                    self.problems.append(f"{error} is classroom-only but not closed in the same piece of HTML: "
                                         "mark a few words with attr_list instead (*words*{ .classroom-only })")


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Removes ``child``, keeping the text that follows it."""
    if child.tail:
        previous = None
        for element in parent:
            if element is child:
                break
            previous = element
        if previous is None:
            parent.text = (parent.text or "") + child.tail
        else:
            previous.tail = (previous.tail or "") + child.tail
    parent.remove(child)


class EditionsExtension(BlocksExtension):
    """The ``classroom-only`` block, and in the student edition the removal of
    everything classroom-only."""

    def __init__(self, **kwargs):
        self.config = {"student": [False, "Build the student edition: remove everything classroom-only"]}
        super().__init__(**kwargs)
        #: Raw HTML the last page could not cut whole (student edition).
        self.problems: list[str] = []

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(ClassroomOnlyBlock, {})
        if self.getConfig("student"):
            # After inline patterns (20) and attr_list (8); before the table of contents (5).
            md.treeprocessors.register(StudentEditionTreeprocessor(md, self.problems), "student_edition", 6)


__all__ = ["CLASSROOM_ONLY", "TEACHER_ONLY", "EditionsExtension", "RawHtmlError", "is_classroom_only",
           "without_classroom_only"]
