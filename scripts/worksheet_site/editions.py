"""Who sees what: the one rule of the two editions.

Anything marked ``classroom-only`` is for the classroom edition only: the
student edition removes it from the page while Markdown renders it, before
the table of contents, the search index or any file is made. The blocks
(``/// classroom-only``, ``/// model-answer``, ``/// teacher-notes``, and a
``<div class="classroom-only" markdown>`` on rows of its own) go from the
page's rows before any other extension reads them, wherever they are nested
(list items, admonitions, blocks, quotes): an abbreviation or a footnote
defined there defines nothing. It may be marked

- with a block: ``/// classroom-only`` … ``///``;
- with the class on any element: ``{ .classroom-only }`` (attr_list), or
  ``<div class="classroom-only" markdown>`` (md_in_html), or plain HTML;
- by what it is: model answers and teacher notes are classroom-only.

``classroom-only`` says *who has it*. Within the classroom edition,
``teacher-only`` says *when it shows*: only while teacher mode is on.

HTML comments are the writer's: no edition publishes them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from worksheet.questions import CLASSROOM_ONLY, FENCE, PARTS, QUESTION

from .slots import slots

TEACHER_ONLY = "teacher-only"
#: The blocks that are classroom-only by what they are.
CLASSROOM_BLOCKS = (CLASSROOM_ONLY, *PARTS)
#: What stands before a nested block's fence: indentation, and quote markers.
_PREFIX = r"(?P<prefix>[ \t>]*)"
_BLOCK = re.compile(rf"^{_PREFIX}(?P<fence>{FENCE})\s*(?P<name>{'|'.join(CLASSROOM_BLOCKS)})\b.*$")
_DIV = re.compile(rf"^{_PREFIX}<(?P<tag>[a-z]+)\b[^>]*\bclass=(?P<q>[\"'])(?:[^\"']*\s)?{CLASSROOM_ONLY}[\s\"'][^>]*>\s*$")
_CODE_FENCE = re.compile(r"^[ \t>]*(?P<marker>`{3,}|~{3,})")
#: A part of a question left as text: its block was not read.
_LEFTOVER = re.compile(rf"{FENCE}[ \t]*(?:{'|'.join([QUESTION, *PARTS])})\b")
#: A block's opening row that no extension knew, left as the start of a paragraph.
_UNKNOWN_BLOCK = re.compile(rf"<p>({FENCE}[ \t]*[A-Za-z][\w-]*)")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


def without_classroom_blocks(lines: list[str]) -> list[str]:
    """The rows of a page without its classroom-only blocks, at any depth;
    fenced code is left as it is."""
    out: list[str] = []
    i, code = 0, None
    while i < len(lines):
        row = lines[i]
        fence = _CODE_FENCE.match(row)
        if code is not None:
            if fence and fence.group("marker")[0] == code[0] and len(fence.group("marker")) >= len(code) \
                    and not row[fence.end():].strip():
                code = None
            out.append(row)
            i += 1
            continue
        if fence:
            code = fence.group("marker")
            out.append(row)
            i += 1
            continue
        end = _block_end(lines, i)
        if end is None:
            out.append(row)
            i += 1
        else:
            out.append("")  # the rows around stay apart
            i = end + 1
    return out


def _block_end(lines: list[str], start: int) -> int | None:
    """The row closing the classroom-only block opened at ``lines[start]``
    (the last row when it is never closed); None when no such block opens there."""
    block = _BLOCK.match(lines[start])
    if block:
        prefix, fence = block.group("prefix"), block.group("fence")
        closing = prefix.rstrip() + fence if prefix.strip() else prefix + fence
        for i in range(start + 1, len(lines)):
            if lines[i].rstrip() in (prefix + fence, closing):
                return i
        return len(lines) - 1
    div = _DIV.match(lines[start])
    if div:
        tag = div.group("tag")
        opening, closing, depth = re.compile(rf"<{tag}\b"), re.compile(rf"</{tag}\s*>"), 0
        for i in range(start, len(lines)):
            depth += len(opening.findall(lines[i])) - len(closing.findall(lines[i]))
            if depth <= 0:
                return i
        return len(lines) - 1
    return None


def left_as_text(html: str) -> tuple[str, str] | None:
    """A block's row left as text in rendered HTML (outside code), if any:
    ("part", "/// model-answer") for a question's part out of its block,
    ("block", "/// html") for a block of a kind no extension knows."""
    prose = _CODE.sub("", html)
    found = _LEFTOVER.search(prose)
    if found:
        return "part", found.group(0)
    found = _UNKNOWN_BLOCK.search(prose)
    return ("block", found.group(1)) if found else None


def without_comments(html: str) -> str:
    return _COMMENT.sub("", html) if "<!--" in html else html


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


class ClassroomBlocksPreprocessor(Preprocessor):
    """Student edition: the classroom-only blocks go from the page's rows,
    before any other extension reads them."""

    def run(self, lines: list[str]) -> list[str]:
        return without_classroom_blocks(lines)


class CommentsTreeprocessor(Treeprocessor):
    """The HTML comments of the page's raw HTML, removed."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, str):
                stash[i] = without_comments(block)
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag is etree.Comment:
                    _remove(parent, child)


class StudentEditionTreeprocessor(Treeprocessor):
    """Removes every classroom-only element, and classroom-only raw HTML.

    Runs after the inline patterns and attr_list have given elements their
    classes, and before the table of contents is made. Raw HTML that cannot
    be cut whole is listed on the Markdown instance (``edition_problems``)."""

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
                    self.md.edition_problems.append((str(error), f"{error} is classroom-only but not closed in the "
                                                     "same piece of HTML: mark a few words with attr_list instead "
                                                     "(*words*{ .classroom-only })"))


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


def edition_problems(md: Markdown) -> list[tuple[str, str]]:
    """What the student edition could not cut whole in what ``md`` rendered
    last, as (the HTML's opening tag, the message)."""
    return getattr(md, "edition_problems", [])


class EditionsExtension(BlocksExtension):
    """The ``classroom-only`` block, and in the student edition the removal of
    everything classroom-only."""

    def __init__(self, **kwargs):
        self.config = {"student": [False, "Build the student edition: remove everything classroom-only"]}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        slots(md, edition_problems=list)
        block_mgr.register(ClassroomOnlyBlock, {})
        md.treeprocessors.register(CommentsTreeprocessor(md), "without_comments", 6.1)
        if self.getConfig("student"):
            # Before every other preprocessor (normalize_whitespace is 30, the question binding 200).
            md.preprocessors.register(ClassroomBlocksPreprocessor(md), "student_edition_blocks", 300)
            # After inline patterns (20) and attr_list (8); before the table of contents (5).
            md.treeprocessors.register(StudentEditionTreeprocessor(md), "student_edition", 6)


__all__ = ["CLASSROOM_ONLY", "TEACHER_ONLY", "EditionsExtension", "RawHtmlError", "edition_problems",
           "is_classroom_only", "left_as_text", "without_classroom_blocks", "without_classroom_only", "without_comments"]
