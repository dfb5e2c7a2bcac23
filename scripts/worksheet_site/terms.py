"""Glossary terms marked in rendered text, for their pop-ups."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from worksheet.glossary import Glossary

#: Elements whose text is never marked.
SKIPPED = {"a", "abbr", "code", "pre", "script", "style"}


def term_element(text: str, slug: str) -> etree.Element:
    """A term, naming its glossary entry; focusable so the keyboard reaches it.
    The site's pop-up script shows the entry on hover, tap and focus."""
    element = etree.Element("abbr", {"class": "term", "tabindex": "0", "data-term": slug})
    element.text = text
    return element


def mark_terms(root: etree.Element, glossary: Glossary) -> None:
    """Every glossary term in the text below ``root`` wrapped as a term."""
    wrap_spans(root, lambda text: [(m.start, m.end, term_element(text[m.start:m.end], m.entry.slug))
                                   for m in glossary.find(text)])


#: What finds the spans of a text to wrap: (start, end, the element to hold them).
Spans = Callable[[str], list[tuple[int, int, etree.Element]]]


def wrap_spans(root: etree.Element, spans: Spans, skipped: set[etree.Element] = frozenset()) -> None:
    """Each span of the text below ``root`` that ``spans`` finds, moved into
    the element it gives; not in the elements of ``SKIPPED``, nor in those
    of ``skipped``."""
    for element in list(root.iter()):
        if element.tag in SKIPPED or element in skipped:
            continue
        pieces = _pieces(element.text, spans) if element.text else []
        if len(pieces) > 1:
            element.text = pieces[0]
            _insert(element, 0, pieces[1:])
        for child in list(element):
            pieces = _pieces(child.tail, spans) if child.tail else []
            if len(pieces) > 1:
                child.tail = pieces[0]
                _insert(element, list(element).index(child) + 1, pieces[1:])


def _pieces(text: str, spans: Spans) -> list[str | etree.Element]:
    out: list[str | etree.Element] = []
    position = 0
    for start, end, element in spans(text):
        out.append(text[position:start])
        out.append(element)
        position = end
    out.append(text[position:])
    return out


def _insert(parent: etree.Element, index: int, pieces: list) -> None:
    """Inserts (element, text after it) pairs at ``index`` of ``parent``."""
    for element, after in zip(pieces[0::2], pieces[1::2]):
        element.tail = after
        parent.insert(index, element)
        index += 1
