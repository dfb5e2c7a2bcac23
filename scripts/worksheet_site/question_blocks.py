"""Questions as Markdown blocks (pymdownx.blocks).

``//// question`` renders one question: its heading, its short title if it
has one (then its text is body text), its text, the lines it
draws on (links MkDocs resolves and validates), the cited lines to reread,
the space to write in, and inside that space the student's answer box and
the ``/// model-answer``; then the ``/// teacher-notes``. Both parts are classroom-only (see editions.py).

The questions are read once, by the checker (``worksheet.questions``):
before the blocks are parsed, each question's opening fence, found in the
page's rows as the checker finds it, is bound to the question read there
(``//// question | 3``); the block renders that question's number, title,
id and lines. A question block the checker did not read, or a question no
block rendered, stops the build at its line.

The page being rendered is the Markdown instance's (pages.page_of); so are
its questions and which of them a block rendered (``md.worksheet_questions``),
dropped on ``reset()``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from worksheet.questions import ITEMS, MODEL_ANSWER, OPENER, OPTIONS, QUESTION, TEACHER_NOTES, Question

from .editions import CLASSROOM_ONLY, TEACHER_ONLY
from .exercise_views import key_lines
from .pages import PageRendering, page_of, site_of
from .site import RenderError
from .slots import slots
from .terms import mark_terms


class PageQuestions:
    """The questions the checker read on the page ``page``, and which of
    them a block has rendered."""

    def __init__(self, page: PageRendering | None):
        self.page = page
        self.questions: list[Question] = page.questions if page else []
        self.rendered: set[int] = set()
        self.last: Question | None = None  # the question a block last opened

    def question(self, index: int | None) -> Question:
        """The question the checker read at the ``index``-th question block of the page."""
        if self.page is None:
            raise RenderError("a '//// question' block stands in a note or a question: questions belong in "
                              "a worksheet's questions.md, or a sequence's page")
        if index is None or not 0 <= index < len(self.questions):
            raise RenderError(f"{self.page.where('//// question')}: a '//// question' block stands where no "
                              "question is expected (questions belong in a worksheet's questions.md, or a "
                              "sequence's page)")
        self.rendered.add(index)
        self.last = self.questions[index]
        return self.last

    def unrendered(self) -> list[Question]:
        """The questions the checker read that no block rendered."""
        return [q for i, q in enumerate(self.questions) if i not in self.rendered]


def points_label(points: float) -> str:
    """"4 points", "1 point", "2.5 points"."""
    number = f"{points:g}"
    return f"{number} point" if points == 1 else f"{number} points"


class QuestionBlock(Block):
    NAME = QUESTION
    ARGUMENT = None
    #: The options the checker reads and checks (worksheet.questions): taken here as they are.
    OPTIONS = {name: [None, type_any] for name in OPTIONS}

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.page = page = page_of(self.md)
        index = self.argument if self.argument and self.argument.isdigit() else None
        try:
            self.question = self.md.worksheet_questions.question(int(index) if index is not None else None)
        except RenderError as error:
            site_of(self.md).problems.add(error)
            self.question = None
            return etree.SubElement(parent, "div")
        before = page.before_question(self.question)
        if before:
            etree.SubElement(parent, "div").text = self.md.htmlStash.store(before)
        worksheet, tips = page.tips()
        attributes = {"class": "question", "data-question": self.question.id}
        if tips:
            attributes.update({"data-worksheet": worksheet, "data-tips": tips})
        section = etree.SubElement(parent, "section", attributes)
        heading = etree.SubElement(section, "h2", {"id": self.question.id})
        heading.text = self.question.title
        if self.question.short_title:
            etree.SubElement(section, "p", {"class": "question-title"}).text = self.question.short_title
        if self.question.points is not None:
            etree.SubElement(section, "p", {"class": "question-points"}).text = points_label(self.question.points)
        self.text = etree.SubElement(section, "div", {"class": "question-text", "lang": page.text_language(self.question)})
        return section

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.text if self.question is not None else block

    def on_end(self, block: etree.Element) -> None:
        page = self.page
        if self.question is None:
            return
        parts = {}
        for child in list(self.text):
            for kind in ("model-answer", "teacher-note"):
                if kind in (child.get("class") or "").split():
                    parts[kind] = child
                    self.text.remove(child)
        links = page.question_links(self.question)
        if links:
            paragraph = etree.SubElement(block, "p", {"class": "question-lines"})
            paragraph.text = page.site.t("questions.lines", lines="")
            for i, (label, target) in enumerate(links):
                link = etree.SubElement(paragraph, "a", {"href": target, "class": "line-link"})
                link.text = label
                link.tail = ", " if i < len(links) - 1 else ""
        excerpt = page.excerpt_html(self.question)
        if excerpt:
            etree.SubElement(block, "div", {"class": "excerpt-slot"}).text = self.md.htmlStash.store(excerpt)
        if self.question.exercise is not None:
            space = etree.SubElement(block, "div", {"class": "answer-space exercise-space"})
            space.text = self.md.htmlStash.store(page.exercise_html(self.question))
        else:
            space = etree.SubElement(block, "div", {"class": "answer-space",
                                                    "style": f"--writing-lines: {self.question.writing_lines}"})
            space.text = self.md.htmlStash.store(page.writing_space_html(self.question)
                                                 + page.answer_box_html(self.question))
        if "model-answer" in parts:
            for child in parts["model-answer"]:
                if child.tag != "summary":  # the site's word stays in the page's language
                    child.set("lang", self.text.get("lang"))
            space.append(parts["model-answer"])
        if "teacher-note" in parts:
            block.append(parts["teacher-note"])

    def on_inline_end(self, block: etree.Element) -> None:
        if self.question is None:
            return
        glossary = self.page.glossary()
        if glossary is not None:
            mark_terms(self.text, glossary)


class _Part(Block):
    """A collapsed, classroom-only part of a question, kept out of the search index."""

    KIND = ""
    SUMMARY = ""

    def on_create(self, parent: etree.Element) -> etree.Element:
        details = etree.SubElement(parent, "details", {
            "class": f"{self.KIND} {CLASSROOM_ONLY} {TEACHER_ONLY}", "data-search-exclude": ""})
        etree.SubElement(details, "summary").text = site_of(self.md).t(self.SUMMARY)
        return details


class ModelAnswerBlock(_Part):
    NAME = MODEL_ANSWER
    KIND = "model-answer"
    SUMMARY = "questions.model_answer"


class ItemsBlock(_Part):
    """An exercise's items: in the classroom edition, its key, written from
    the items as the checker read them (exercise_views.key_lines)."""

    NAME = ITEMS
    KIND = "model-answer exercise-key"
    SUMMARY = "questions.exercise_key"

    def on_end(self, block: etree.Element) -> None:
        question = getattr(self.md.worksheet_questions, "last", None)
        for child in list(block)[1:]:
            block.remove(child)
        if question is None or question.exercise is None:
            return
        listing = etree.SubElement(block, "ul", {"class": "exercise-key-list"})
        for said in key_lines(question):
            etree.SubElement(listing, "li").text = said


class TeacherNotesBlock(_Part):
    NAME = TEACHER_NOTES
    KIND = "teacher-note"
    SUMMARY = "questions.teacher_notes"


def bind_questions(lines: list[str]) -> list[str]:
    """The rows, each question's opening fence (as the checker finds it: a
    row of its own, from the first column) naming its question's index."""
    out, index = [], 0
    for row in lines:
        opener = OPENER.match(row)
        if opener and opener.group("name") == QUESTION:
            row = f"{opener.group('fence')} {QUESTION} | {index}"
            index += 1
        out.append(row)
    return out


class _BindQuestions(Preprocessor):
    """Before the blocks are read: binds the page's question blocks to its questions."""

    def run(self, lines: list[str]) -> list[str]:
        questions = self.md.worksheet_questions = PageQuestions(page_of(self.md))
        return bind_questions(lines) if questions.questions else lines


class _Unrendered(Postprocessor):
    """Once the page is rendered: a question the checker read that no block
    rendered stops the build at its line."""

    def run(self, text: str) -> str:
        questions, site = self.md.worksheet_questions, site_of(self.md)
        unrendered = questions.unrendered() if questions and not site.blocked else []
        if unrendered:
            site.problems.add(RenderError("\n".join(
                f"{questions.page.path}:{q.line}: {q.id}: this question block was read by the checker but not "
                "rendered; check that its options are indented by four spaces" for q in unrendered)))
        return text


class QuestionsExtension(BlocksExtension):
    """The question blocks, on the page each Markdown instance renders (pages.PageExtension)."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        slots(md, worksheet_questions=lambda: None)
        md.preprocessors.register(_BindQuestions(md), "worksheet_questions", 200)
        md.postprocessors.register(_Unrendered(md), "worksheet_unrendered", 1)
        for block in (QuestionBlock, ModelAnswerBlock, ItemsBlock, TeacherNotesBlock):
            block_mgr.register(block, {})

