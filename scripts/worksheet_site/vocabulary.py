"""The site-wide vocabulary: every term of every worksheet, with its meanings,
its French and the lines where it occurs.

A small library has it on one page (``glossary.md``), with an A–Z bar of
links to the first term of each letter. Beyond ``vocabulary_per_page`` terms
(the plugin's setting), a phone would lay out thousands of elements before
showing the page: the terms then go on a page per first letter
(``glossary/a.md``…, generated unless the docs folder has one), and the
vocabulary page becomes their index: the A–Z bar, and every term as a link
to its entry. The letter pages are not in the menu: the index leads to them.
"""

from __future__ import annotations

from typing import Callable

from mkdocs.structure.files import File, Files, InclusionLevel

from worksheet import Worksheet

from . import views

#: The vocabulary page, and its source when the docs folder has no glossary.md of its own.
PAGE = ("glossary.md", "---\ntitle: \"{title}\"\nhide: [navigation, toc]\nsearch: {{exclude: true}}\n---\n")
#: The flashcards of every worksheet's terms (out of the menu: the vocabulary page
#: leads to it), and their source when the docs folder has none.
PRACTICE = ("glossary/practice.md",
            "---\ntitle: \"{title}\"\nhide: [navigation, toc]\nsearch: {{exclude: true}}\n---\n")
#: The source of a letter's page. Out of the search index, as the vocabulary
#: page is: searching finds the terms where they stand in the articles.
LETTER_PAGE = "---\ntitle: \"{title}: {letter}\"\nhide: [navigation, toc]\nsearch: {{exclude: true}}\n---\n"


def letter_page(letter: str) -> str:
    """The source path of the page of the terms filed under ``letter``."""
    return f"glossary/{'other' if letter == '#' else letter.lower()}.md"


class Vocabulary:
    """The vocabulary of ``worksheets``: its pages and their HTML."""

    def __init__(self, worksheets: list[Worksheet], per_page: int, t=None):
        self.worksheets = worksheets
        self.title = t("pages.vocabulary") if t else "Vocabulary"
        self.practice_title = t("pages.vocabulary_practice") if t else "Vocabulary: practice"
        terms = views.vocabulary_terms(worksheets)
        initials = dict.fromkeys(views.initial(term) for term in terms)
        #: {source path: letter} of the letter pages; empty when one page holds every term.
        self.letter_pages: dict[str, str] = (
            {letter_page(letter): letter for letter in initials} if len(terms) > per_page else {})

    def files(self, config, files: Files) -> list[File]:
        """The pages the docs folder does not have."""
        wanted = {PAGE[0]: PAGE[1].format(title=self.title),
                  PRACTICE[0]: PRACTICE[1].format(title=self.practice_title),
                  **{src: LETTER_PAGE.format(title=self.title, letter=letter)
                                       for src, letter in self.letter_pages.items()}}
        return [File.generated(config, src, content=source,
                               inclusion=InclusionLevel.UNDEFINED if src == PAGE[0] else InclusionLevel.NOT_IN_NAV)
                for src, source in wanted.items() if files.get_file_from_path(src) is None]

    def letter_of(self, src: str) -> str | None:
        """The letter whose page ``src`` is; None for another page."""
        return self.letter_pages.get(src)

    def html(self, src: str, href: Callable[..., str], partial: Callable[..., str]) -> tuple[str, set[str]]:
        """The HTML the page ``src`` (the vocabulary or a letter's page) adds to
        its content, and the anchors it holds. ``href(src, anchor="")`` is an
        address from that page; ``partial(name, **context)`` renders a template."""
        line_href = (lambda ws, n: href(ws.src("article.md"), f"L{n}"))
        letter = self.letter_of(src)
        if not self.letter_pages:
            entries = views.vocabulary(self.worksheets, line_href)
            bar = [(initial, f"#{slug}", False) for initial, slug in views.letters(entries)]
            return partial("vocabulary.html", entries=entries, letters=bar), {e.slug for e in entries}
        bar = [(initial, href(page), initial == letter) for page, initial in self.letter_pages.items()]
        if letter is None:
            entries = views.vocabulary(self.worksheets, line_href)
            index = [(initial, href(page), [(e.term, href(page, e.slug)) for e in entries
                                            if views.initial(e.term) == initial])
                     for page, initial in self.letter_pages.items()]
            return partial("vocabulary-index.html", letters=bar, index=index, terms=len(entries),
                           worksheets=len(self.worksheets)), set()
        entries = views.vocabulary(self.worksheets, line_href, letter=letter)
        return partial("vocabulary.html", entries=entries, letters=bar), {e.slug for e in entries}
