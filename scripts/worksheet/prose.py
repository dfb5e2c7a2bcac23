"""Prose that may quote the article, with the file line where it starts.

Model answers, teacher notes, note texts, glossary definitions and whole
Markdown pages all reach the checks as a ``Block``. A Markdown page is read
as prose without its front matter and its code (fenced blocks, the
```` ```article ```` block among them, and `inline code`): code shows
examples, not quotations. What is left out is blanked, so every line keeps
its number. Before quotations are looked for, admonition titles are blanked
too (``quotable``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import split_front_matter

FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?P<ticks>`+)(?:(?!\n[^\S\n]*\n).)+?(?P=ticks)", re.DOTALL)


@dataclass
class Block:
    """Some text from a file, with the file line of its first row."""

    text: str = ""
    line: int = 0


@dataclass
class Page:
    """A Markdown page of the worksheet, as the prose a check reads."""

    path: str
    prose: Block
    meta: dict = field(default_factory=dict)  # its front matter
    src: str = ""  # its path in the docs folder, when known


def _blank(text: str) -> str:
    """The same rows, emptied: line breaks stay where they are."""
    return re.sub(r"[^\n]", " ", text)


def without_code(markdown: str) -> str:
    """``markdown`` with its fenced blocks and code spans blanked."""
    rows, fence = markdown.split("\n"), None
    for i, row in enumerate(rows):
        m = FENCE.match(row)
        if fence is None and m:
            fence = m.group("fence")
        elif fence is not None and m and m.group("fence")[0] == fence[0] and len(m.group("fence")) >= len(fence) \
                and not row.strip().strip(fence[0]):
            fence, rows[i] = None, ""
            continue
        if fence is not None:
            rows[i] = ""
    return CODE_SPAN.sub(lambda m: _blank(m.group()), "\n".join(rows))


#: An admonition's title: ``!!! tip "Hint"``, ``???+ note "More"``: a heading, not a quotation.
ADMONITION_TITLE = re.compile(r'^([^\S\n]*(?:!!!|\?\?\?\+?)[^\S\n]*[\w-]+(?:[^\S\n]+[\w-]+)*[^\S\n]*)("[^"\n]*")',
                              re.MULTILINE)


def quotable(markdown: str) -> str:
    """``markdown`` as its quotations are looked for: admonition titles
    blanked (same length, same rows)."""
    return ADMONITION_TITLE.sub(lambda m: m.group(1) + _blank(m.group(2)), markdown)


def parse_page(text: str, path: str) -> Page:
    meta, body, body_line = split_front_matter(text, path)
    return Page(path, Block(without_code(body), body_line), meta)
