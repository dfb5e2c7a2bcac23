"""Teacher-only parts of a page kept out of its HTML, in one script file
that teacher mode loads.

The whole sheet (``/worksheet/``) needs the seven model answers and all the
teacher notes for its printed answer key, and the questions page needs the
notes gathered after the last question for the same reason. A student never
sees them, yet every visit would download them: about 6 KB (gzip) a page, half
of what a page may weigh. So the renderer marks such a part (``marked``), and
once the page is HTML ``take_apart`` leaves in its place an empty slot naming
it. Every part goes into one small script (``script``); in teacher mode,
``overrides/assets/js/teacher.js`` loads it once and puts each part back in
its slot, before anything is shown or printed.
"""

from __future__ import annotations

import re

from .data_script import data_script
from .data_script import file_name as data_file_name

#: Stands for the script's address, relative to the page, until the page is written.
SOURCE_TOKEN = "{answer-key-source}"

_OPEN = "<!-- answer-key:{} -->"
_CLOSE = "<!-- /answer-key -->"
_PART = re.compile(r"<!-- answer-key:([a-z0-9-]+) -->(.*?)<!-- /answer-key -->", re.DOTALL)
_ANY_MARK = re.compile(r"<!-- /?answer-key\b")


class AnswerKeyError(ValueError):
    """The marks of a page do not pair up."""


def marked(part: str, markdown: str) -> str:
    """``markdown`` marked as the teacher-only part named ``part``."""
    return f"\n{_OPEN.format(part)}\n\n{markdown.strip()}\n\n{_CLOSE}\n"


def slot(part: str) -> str:
    return f'<div class="answer-key-slot" data-answer-key="{part}" data-src="{SOURCE_TOKEN}"></div>'


def take_apart(html: str, page: str) -> tuple[str, dict[str, str]]:
    """``html`` with each marked part replaced by its slot, and the parts by name.

    A mark left over (one not closed, or nested) is an error naming the page:
    the page would otherwise publish the answers, or lose them."""
    parts: dict[str, str] = {}

    def take(match: re.Match) -> str:
        name, body = match.group(1), match.group(2).strip()
        if _ANY_MARK.search(body):
            raise AnswerKeyError(f"{page}: answer-key part {name!r} holds another answer-key mark")
        if name in parts:
            raise AnswerKeyError(f"{page}: answer-key part {name!r} appears twice")
        parts[name] = body
        return slot(name)

    rest = _PART.sub(take, html)
    if _ANY_MARK.search(rest):
        raise AnswerKeyError(f"{page}: an answer-key mark is not closed")
    return rest, parts


def script(parts: dict[str, str]) -> str:
    """The script holding every part."""
    return data_script("__answerKey", parts)


def file_name(text: str) -> str:
    return data_file_name("answer-key", text)
