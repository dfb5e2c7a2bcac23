"""Glossary terms marked in rendered text, for their pop-ups."""

from __future__ import annotations

import xml.etree.ElementTree as etree

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
    for element in list(root.iter()):
        if element.tag in SKIPPED:
            continue
        _mark_text(element, glossary)
        for child in list(element):
            _mark_tail(element, child, glossary)


def _pieces(text: str, glossary: Glossary) -> list[str | etree.Element]:
    out: list[str | etree.Element] = []
    position = 0
    for match in glossary.find(text):
        out.append(text[position:match.start])
        out.append(term_element(text[match.start:match.end], match.entry.slug))
        position = match.end
    out.append(text[position:])
    return out


def _mark_text(element: etree.Element, glossary: Glossary) -> None:
    """The terms of the text that opens ``element``."""
    pieces = _pieces(element.text, glossary) if element.text else []
    if len(pieces) > 1:
        element.text = pieces[0]
        _insert(element, 0, pieces[1:])


def _mark_tail(parent: etree.Element, child: etree.Element, glossary: Glossary) -> None:
    """The terms of the text that follows ``child``, inside ``parent``."""
    pieces = _pieces(child.tail, glossary) if child.tail else []
    if len(pieces) > 1:
        child.tail = pieces[0]
        _insert(parent, list(parent).index(child) + 1, pieces[1:])


def _insert(parent: etree.Element, index: int, pieces: list) -> None:
    """Inserts (term, text after it) pairs at ``index`` of ``parent``."""
    for term, after in zip(pieces[0::2], pieces[1::2]):
        term.tail = after
        parent.insert(index, term)
        index += 1
