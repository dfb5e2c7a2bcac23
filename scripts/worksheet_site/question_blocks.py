"""Questions as Markdown blocks (pymdownx.blocks).

``//// question`` renders one question: its heading, its short title if it
has one (then its text is body text), its text, the lines it
draws on (links MkDocs resolves and validates), the cited lines to reread,
the space to write in, and inside that space the student's answer box and
the ``/// model-answer``; then the ``/// teacher-notes``. Both parts are classroom-only (see editions.py).

What a question cites, its number and its id come from the checked
worksheet (``worksheet.questions``), read from the same file: the block and
the checker cannot disagree.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Protocol

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_integer, type_string

from worksheet.questions import Question

from .editions import CLASSROOM_ONLY, TEACHER_ONLY
from .terms import mark_terms


class Pages(Protocol):
    """What a block asks of the plugin about the page being rendered."""

    def next_question(self, options: dict) -> Question: ...
    def question_links(self, question: Question) -> list[tuple[str, str]]: ...  # (label, Markdown link target)
    def excerpt_html(self, question: Question) -> str: ...
    def writing_space_html(self, question: Question) -> str: ...
    def answer_box_html(self, question: Question) -> str: ...
    def glossary(self): ...
    def tips(self) -> tuple[str, str]: ...
    def before_question(self, question: Question) -> str: ...


class QuestionBlock(Block):
    NAME = "question"
    ARGUMENT = None
    OPTIONS = {"lines": ["", type_string], "writing-space": [0, type_integer], "id": ["", type_string],
               "title": ["", type_string]}

    def on_create(self, parent: etree.Element) -> etree.Element:
        pages: Pages = self.config["pages"]
        self.question = pages.next_question(self.options)
        before = pages.before_question(self.question)
        if before:
            etree.SubElement(parent, "div").text = self.md.htmlStash.store(before)
        worksheet, tips = pages.tips()
        attributes = {"class": "question", "data-question": self.question.id}
        if tips:
            attributes.update({"data-worksheet": worksheet, "data-tips": tips})
        section = etree.SubElement(parent, "section", attributes)
        heading = etree.SubElement(section, "h2", {"id": self.question.id})
        heading.text = self.question.title
        if self.question.short_title:
            etree.SubElement(section, "p", {"class": "question-title"}).text = self.question.short_title
        self.text = etree.SubElement(section, "div", {"class": "question-text"})
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.text

    def on_end(self, block: etree.Element) -> None:
        pages: Pages = self.config["pages"]
        parts = {}
        for child in list(self.text):
            for kind in ("model-answer", "teacher-note"):
                if kind in (child.get("class") or "").split():
                    parts[kind] = child
                    self.text.remove(child)
        links = pages.question_links(self.question)
        if links:
            paragraph = etree.SubElement(block, "p", {"class": "question-lines"})
            paragraph.text = "Lines: "
            for i, (label, target) in enumerate(links):
                link = etree.SubElement(paragraph, "a", {"href": target, "class": "line-link"})
                link.text = label
                link.tail = ", " if i < len(links) - 1 else ""
        excerpt = pages.excerpt_html(self.question)
        if excerpt:
            etree.SubElement(block, "div", {"class": "excerpt-slot"}).text = self.md.htmlStash.store(excerpt)
        space = etree.SubElement(block, "div", {"class": "answer-space",
                                                "style": f"--writing-lines: {self.question.writing_lines}"})
        space.text = self.md.htmlStash.store(pages.writing_space_html(self.question)
                                             + pages.answer_box_html(self.question))
        if "model-answer" in parts:
            space.append(parts["model-answer"])
        if "teacher-note" in parts:
            block.append(parts["teacher-note"])

    def on_inline_end(self, block: etree.Element) -> None:
        glossary = self.config["pages"].glossary()
        if glossary is not None:
            mark_terms(self.text, glossary)


class _Part(Block):
    """A collapsed, classroom-only part of a question, kept out of the search index."""

    KIND = ""
    SUMMARY = ""

    def on_create(self, parent: etree.Element) -> etree.Element:
        details = etree.SubElement(parent, "details", {
            "class": f"{self.KIND} {CLASSROOM_ONLY} {TEACHER_ONLY}", "data-search-exclude": ""})
        etree.SubElement(details, "summary").text = self.SUMMARY
        return details


class ModelAnswerBlock(_Part):
    NAME = "model-answer"
    KIND = "model-answer"
    SUMMARY = "Model answer"


class TeacherNotesBlock(_Part):
    NAME = "teacher-notes"
    KIND = "teacher-note"
    SUMMARY = "Teacher notes"


class QuestionsExtension(BlocksExtension):
    """The question blocks; ``pages`` answers what they ask about the page being rendered."""

    def __init__(self, pages: Pages, **kwargs):
        self.pages = pages
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        config = {"pages": self.pages}
        for block in (QuestionBlock, ModelAnswerBlock, TeacherNotesBlock):
            block_mgr.register(block, config)
