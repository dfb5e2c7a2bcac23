"""Quotations in an answer, checked against the article: the rule of the
build (a model answer's quotations, checks.py) and of the student's answer
box, as the student writes (overrides/assets/js/answers.js mirrors this
module; tests/fixtures/answer-checks.json holds the cases both must pass).

For each quotation of the answer (quotes.py): the lines it stands on, or
none when it is not in the text; and when a line mention follows it
("…" (l. 9), "…", lines 9–10), whether the quotation stands in those lines.
A line mention standing on its own ("in line 40") is checked too: its lines
must exist. An answer to a sequence's final task quotes several articles:
each is a source, searched in order, and a mention may name one by its
number ("…" (doc. 2, l. 9)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article, Flow
from .language import DEFAULT, LANGUAGES
from .quotes import find_in, find_quotations
from .refs import LineRange, find_mentions

#: How far after a quotation a line mention may stand to belong to it: "…" (l. 9)
MENTION_REACH = 4
#: The words of every language before a document number, longest first.
DOCUMENT_WORDS = sorted({word for lang in LANGUAGES.values() for word in lang.document_words}, key=len, reverse=True)
#: What may stand between a quotation and its line mention: "…", (doc. 2, l. 9)
GAP = re.compile(rf"[ ,(\n]*(?:(?:{'|'.join(DOCUMENT_WORDS)})\s*([0-9]{{1,3}})[ ,]*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """An article an answer may quote: its lines as ``Flow`` joins them, how
    many printed lines it has (blank ones included), and its language."""

    flow: Flow
    length: int
    language: str = DEFAULT

    @classmethod
    def of(cls, article: Article, language: str = DEFAULT) -> "Source":
        return cls(article.flow, len(article), language)

    def has(self, r: LineRange) -> bool:
        """Whether the lines of ``r`` exist, in that order."""
        return r.forward and 1 <= r.first and r.last <= self.length

    def find(self, quotation: str, within: LineRange | None = None, whole: bool = False) -> LineRange | None:
        """The lines the quotation stands on (only within ``within``, when
        given; with ``whole``, as whole words only); None when it is not there."""
        bounds = self.flow.span(within.first, within.last) if within else (0, len(self.flow.normal))
        span = find_in(quotation, self.flow.normal, *bounds, whole=whole)
        if span is None:
            return None
        lines = self.flow.span_lines(*span)
        return LineRange(lines[0], lines[-1])


@dataclass(frozen=True)
class Checked:
    """A quotation of the answer (``quotation`` None: a line mention on its own)."""

    quotation: str | None
    start: int  # offsets in the answer
    end: int
    found: tuple[int, LineRange] | None  # (source index, lines) where the quotation stands
    mention: LineRange | None  # the line mention after it
    mention_ok: bool | None  # the quotation stands in the lines it mentions; for a mention alone, they exist
    document: int | None = None  # the source the mention names ("doc. 2"), counted from 1

    def as_json(self) -> dict:
        """The form tests/fixtures/answer-checks.json and the browser use."""
        return {
            "quote": self.quotation,
            "found": [self.found[0], self.found[1].first, self.found[1].last] if self.found else None,
            "mention": [self.mention.first, self.mention.last] if self.mention else None,
            "mention_ok": self.mention_ok,
            "document": self.document,
        }


def check_answer(prose: str, sources: list[Source], language: str | None = None) -> list[Checked]:
    """Every quotation of ``prose``, and every line mention that follows no
    quotation, in the order they stand. A quotation in single quotes, British
    style, counts when a line mention follows it. Quotation marks are read as
    ``language`` writes them, by default the first source's language."""
    mentions = find_mentions(prose)
    attached: set[int] = set()
    out = []
    language = language or (sources[0].language if sources else DEFAULT)
    for quote in find_quotations(prose, single=True, language=language):
        index, r, document = _mention_after(prose, quote.end, mentions)
        if quote.single and index is None:
            continue  # words in single quotes with no line after them: not taken for a quotation
        if index is not None:
            attached.add(index)
        out.append(_check(quote.text, quote.start, quote.end, r, document, sources))
    for i, (start, end, r) in enumerate(mentions):
        # Only "l. 9", "lines 9–10": a bare "(2018)" is a line mention only after a quotation.
        if i not in attached and prose[start] != "(" and not _inside(start, out):
            out.append(Checked(None, start, end, None, r, any(s.has(r) for s in sources)))
    return sorted(out, key=lambda c: c.start)


def _check(quotation: str, start: int, end: int, r: LineRange | None, document: int | None,
           sources: list[Source]) -> Checked:
    if r is not None:
        named = range(len(sources)) if document is None else [document - 1] if 1 <= document <= len(sources) else []
        for i in named:
            lines = sources[i].find(quotation, r) if sources[i].has(r) else None
            if lines is not None:
                return Checked(quotation, start, end, (i, lines), r, True, document)
    found = next(((i, lines) for i, s in enumerate(sources) if (lines := s.find(quotation)) is not None), None)
    return Checked(quotation, start, end, found, r, None if r is None else False, document)


def _mention_after(prose: str, end: int, mentions) -> tuple[int | None, LineRange | None, int | None]:
    """The line mention standing right after a quotation, if any: its index in
    ``mentions``, its lines, and the document it names: "…" (l. 9), "…", l. 9,
    "…" (doc. 2, l. 9)."""
    for i, (start, _stop, r) in enumerate(mentions):
        gap = GAP.fullmatch(prose, end, start) if start >= end else None
        if gap and (gap.group(1) or start <= end + MENTION_REACH):
            return i, r, int(gap.group(1)) if gap.group(1) else None
    return None, None, None


def _inside(offset: int, checked: list[Checked]) -> bool:
    """Whether ``offset`` falls inside a quotation: "line 4" quoted is no mention."""
    return any(c.start <= offset < c.end for c in checked)
