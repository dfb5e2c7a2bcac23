"""Quotations of the text marked with its language where they stand in
prose of another: a teacher's note in the site's language quoting a Spanish
text gives each quotation ``lang="es"``, so that a screen reader reads it as
Spanish and print hyphenates it as Spanish. Prose already in the text's
language (an element with a ``lang``: the questions, the model answers, the
article) is left as it is.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from worksheet.quotes import find_quotations

from .terms import wrap_spans


def quotation_element(text: str, language: str) -> etree.Element:
    element = etree.Element("span", {"lang": language})
    element.text = text
    return element


def mark_quotations(root: etree.Element, language: str) -> None:
    """Each quotation below ``root``, outside elements that give a ``lang``,
    wrapped in a ``span`` of ``language``."""
    inside = {element for holder in root.iter() if holder.get("lang") for element in holder.iter()}
    wrap_spans(root, lambda text: [(q.start, q.end, quotation_element(text[q.start:q.end], language))
                                   for q in find_quotations(text, language=language)], inside)


class QuotationLanguage(Treeprocessor):
    """On a worksheet's pages (and fragments of them) whose text is in
    another language than the site's, its quotations marked with it.
    ``language_of(md)``: the text's language, or None to leave the page."""

    def __init__(self, md: Markdown, language_of):
        super().__init__(md)
        self.language_of = language_of

    def run(self, root: etree.Element) -> None:
        language = self.language_of(self.md)
        if language:
            mark_quotations(root, language)
