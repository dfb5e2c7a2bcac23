"""The questions page: each question, the lines it cites, its answer and notes.

``questions.md`` is ordinary Markdown in a fixed shape::

    ## Question 2 { #q2 }

    What is a « social credit »?

    Lines: [lines 1–7](article.md#L1), [lines 15–24](article.md#L15)

    Writing space: 4 lines

    ### Model answer

    A social credit is ...

    ### Teacher notes

    - Check that ...

Text before the first question is the page's introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem
from .prose import Block
from .refs import TARGET, LineRange, parse_link_text
from .source import split_front_matter

HEADING = re.compile(r"^##\s+(?P<title>[^{#]*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+)\)")
LINES_PARAGRAPH = re.compile(r"^lines?\s*:", re.IGNORECASE)
SPACE = re.compile(r"^writing space\s*:\s*(?P<n>\d+)\s*lines?\s*$", re.IGNORECASE)
PARTS = {"model answer": "answer", "teacher notes": "notes", "teacher note": "notes"}


@dataclass
class LineLink:
    """A link whose text names lines, or whose target is a line (``#L25``)."""

    text: str
    target: str
    range: LineRange | None  # what the text names
    anchor: int | None  # the line the target points to
    line: int  # file line
    page: str = ""  # the page the target points to


@dataclass
class Question:
    id: str
    number: int
    line: int  # file line of the heading
    title: str
    text: Block = field(default_factory=Block)  # all its paragraphs
    paragraphs: list[Block] = field(default_factory=list)  # the same, one by one
    lines_paragraph: Block = field(default_factory=Block)
    links: list[LineLink] = field(default_factory=list)
    writing_space: int | None = None
    answer: Block | None = None
    notes: Block | None = None

    @property
    def name(self) -> str:
        """How messages call it: its id, or its place when it has none."""
        return self.id or f"question {self.number}"

    @property
    def ranges(self) -> list[LineRange]:
        return [link.range for link in self.links if link.range is not None]


@dataclass
class QuestionPage:
    path: str
    meta: dict
    intro: str
    questions: list[Question]
    problems: list[Problem]
    intro_line: int = 1  # file line where the introduction starts


def _paragraphs(rows: list[tuple[int, str]]) -> list[Block]:
    blocks, current = [], None
    for number, row in rows:
        if row.strip():
            if current is None:
                current = Block(row, number)
                blocks.append(current)
            else:
                current.text += "\n" + row
        else:
            current = None
    return blocks


def _block(rows: list[tuple[int, str]]) -> Block:
    while rows and not rows[0][1].strip():
        rows = rows[1:]
    while rows and not rows[-1][1].strip():
        rows = rows[:-1]
    if not rows:
        return Block("", 0)
    return Block("\n".join(r for _, r in rows), rows[0][0])


def _links(block: Block) -> list[LineLink]:
    links = []
    for i, row in enumerate(block.text.split("\n")):
        for m in LINK.finditer(row):
            target = TARGET.match(m.group("target"))
            named = parse_link_text(m.group("text"))
            if target is None and named is None:
                continue  # an ordinary link
            page = target.group("page") if target else m.group("target").split("#")[0]
            anchor = int(target.group("line")) if target else None
            links.append(LineLink(m.group("text"), m.group("target"), named, anchor, block.line + i, page))
    return links


def parse_questions(text: str, path: str) -> QuestionPage:
    meta, body, body_line = split_front_matter(text, path)
    rows = list(enumerate(body.split("\n"), start=body_line))
    problems: list[Problem] = []
    starts = [i for i, (_, row) in enumerate(rows) if row.startswith("## ")]
    intro = "\n".join(r for _, r in rows[: starts[0]]) if starts else body
    questions = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(rows)
        number, heading = rows[start]
        m = HEADING.match(heading)
        title = m.group("title").strip() if m else heading[3:].strip()
        attrs = (m.group("attrs") or "") if m else ""
        qid = next((a[1:] for a in attrs.split() if a.startswith("#")), "")
        if not qid:
            problems.append(Problem(path, number, f"question heading '{title}' has no id: add {{ #q{k + 1} }}"))
        question = Question(id=qid, number=k + 1, line=number, title=title)
        section = rows[start + 1 : end]
        cuts = [i for i, (_, row) in enumerate(section) if row.startswith("### ")]
        head = section[: cuts[0]] if cuts else section
        text_blocks = []
        for para in _paragraphs(head):
            first = para.text.split("\n")[0].strip()
            if LINES_PARAGRAPH.match(first):
                question.lines_paragraph = para
            elif first.lower().startswith("writing space"):
                space = SPACE.match(" ".join(para.text.split()))
                if space:
                    question.writing_space = int(space.group("n"))
                else:
                    problems.append(Problem(path, para.line, "write the writing space as 'Writing space: 6 lines'"))
            else:
                text_blocks.append(para)
        question.paragraphs = text_blocks
        if text_blocks:
            question.text = Block("\n\n".join(b.text for b in text_blocks), text_blocks[0].line)
        question.links = [link for b in [*text_blocks, question.lines_paragraph] for link in _links(b)]
        seen: dict[str, int] = {}
        for j, cut in enumerate(cuts):
            part_end = cuts[j + 1] if j + 1 < len(cuts) else len(section)
            sub_line, sub_row = section[cut]
            name = " ".join(sub_row[4:].split())
            kind = PARTS.get(name.lower())
            if kind is None:
                problems.append(
                    Problem(path, sub_line, f"unknown part '### {name}': use '### Model answer' or '### Teacher notes'")
                )
                continue
            if kind in seen:
                problems.append(
                    Problem(path, sub_line, f"{question.name}: a second '### {name}' section (the first is at line {seen[kind]})")
                )
                continue
            seen[kind] = sub_line
            block = _block(section[cut + 1 : part_end])
            if not block.line:
                block.line = sub_line
            setattr(question, kind, block)
        questions.append(question)
    return QuestionPage(path, meta, intro, questions, problems, body_line)
