"""One page as it renders: which worksheet or sequence it belongs to, what
kind of page it is, its questions, and what its fences, blocks and builders
ask about it (addresses, fragments, cited lines, cards, answer boxes).

A ``PageRendering`` is a view of a page of the build's site, made where it
is needed: by the page's Markdown instance, which keeps it until its
``reset()`` (``PageExtension``: ``page_of(md)``), and by the plugin for the
builders once Markdown is done. Nothing of one page is kept for the next.
"""

from __future__ import annotations

import posixpath

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from worksheet import Worksheet
from worksheet.fingerprint import text_fingerprint
from worksheet.notes import Note
from worksheet.questions import Question, expected_words, total_points

from . import review, views, vocabulary
from .editions import edition_problems
from .quotations import QuotationLanguage
from .rendering import Fragment, fragment_of
from .exercise_views import item_views, salt_of
from .site import RenderError, Site
from .slots import slots

#: What each page of a worksheet folder is, by its file name, and its name in menus.
PAGE_KINDS = {"index.md": ("overview", "pages.about"), "article.md": ("article", "pages.article"),
              "questions.md": ("questions", "pages.questions"), "glossary.md": ("glossary", "pages.glossary"),
              "worksheet.md": ("sheet", "pages.sheet"), "practice.md": ("practice", "pages.practice")}
#: Pages of a worksheet folder that its menu and bar leave out: the glossary page links to them.
LINKED_KINDS = {"vocabulary-test.md": ("vocabulary-test", "pages.vocabulary_test")}
TIPS = "glossary-tips.js"
LINES = "article-lines.js"
#: A worksheet page's description for search engines (an interface text), unless its front matter gives one.
DESCRIPTIONS = {kind: f"pages.description_{kind.replace('-', '_')}"
                for kind in ("overview", "article", "questions", "glossary", "sheet", "practice", "vocabulary-test")}


class PageRendering:
    """The page ``page`` of the build ``site``, as it renders."""

    def __init__(self, site: Site, page):
        self.site = site
        self.page = page
        self.src = src = page.file.src_uri
        library = site.library
        self.worksheet: Worksheet | None = library.worksheet_of(src)
        self.sequence = library.sequence_of(src)
        name = src.rsplit("/", 1)[-1]
        self.kind = {**PAGE_KINDS, **LINKED_KINDS}.get(name, (None,))[0] if self.worksheet else None
        if self.sequence:
            self.kind = "sequence"
        elif self.worksheet is None:
            if src == "index.md":
                self.kind = "home"
            elif src == vocabulary.PAGE[0]:
                self.kind = "vocabulary"
            elif src == vocabulary.PRACTICE[0]:
                self.kind = "vocabulary-practice"
            elif site.vocabulary.letter_of(src):
                self.kind = "vocabulary-letter"
            elif src == review.PAGE[0] and not site.student:
                self.kind = "review"
        if self.kind == "questions":
            self.question_page = self.worksheet.questions
        elif self.kind == "sequence":
            self.question_page = self.sequence.page
        else:
            self.question_page = None
        self.questions: list[Question] = self.question_page.questions if self.question_page else []
        self.first_question = self.questions[0] if self.questions else None

    @property
    def path(self) -> str:
        """The page's file as messages name it."""
        return self.question_page.path if self.question_page else f"docs/{self.src}"

    def where(self, needle: str) -> str:
        """``path:line`` of the first row of the page's file that holds
        ``needle``, for a message about it; the path alone if none does."""
        try:
            rows = self.page.file.content_string.splitlines()
        except (OSError, UnicodeDecodeError):
            rows = []
        number = next((n for n, row in enumerate(rows, 1) if needle in row), None)
        return f"{self.path}:{number}" if number else self.path

    def meta(self) -> dict[str, str]:
        """A worksheet page's title (the worksheet's name in the browser's
        tab, the header and each search result) and description, unless its
        front matter gives them."""
        ws = self.worksheet
        if ws is None or self.kind is None:
            return {}
        label = self.site.t({**PAGE_KINDS, **LINKED_KINDS}[self.src.rsplit("/", 1)[-1]][1])
        return {"title": ws.title if self.kind == "overview" else f"{label} · {ws.title}",
                "description": self.site.t(
                    DESCRIPTIONS[self.kind], title=ws.title, headline=ws.article.meta.get("headline", ws.title))}

    # -- addresses ------------------------------------------------------------

    def has(self, src_uri: str) -> bool:
        """Whether the site has the page ``src_uri``."""
        return self.site.files.get_file_from_path(src_uri) is not None

    def href(self, src_uri: str, anchor: str = "") -> str:
        """The address of a page of the site from this page."""
        target = self.site.files.get_file_from_path(src_uri)
        if target is None:
            raise RenderError(f"{self.path}: links to {src_uri}, which is not in the site")
        url = target.url_relative_to(self.page.file)
        return f"{url}#{anchor}" if anchor else url

    def markdown_target(self, src_uri: str) -> str:
        """``src_uri`` as a Markdown link target from this page, for MkDocs to resolve and validate."""
        here = posixpath.dirname(self.src) or "."
        return posixpath.relpath(src_uri, here)

    # -- fragments ------------------------------------------------------------

    def fragment(self, markdown: str, path: str, line: int, source: str | None = None) -> Markup:
        """``markdown`` from ``path:line`` as HTML on this page; its links are
        written from the docs file ``source`` (by default, this page's)."""
        return self.site.renderer.html(markdown, self.page, path, line, source)

    def note_html(self, note: Note) -> Markup:
        return self.site.renderer.inline(note.text, self.page, self.worksheet.notes_path,
                                         note.text_source.line or note.source_line)

    # -- worksheets as cards, sequences as shelves ------------------------------

    def card(self, ws: Worksheet) -> views.Card:
        return views.card(ws, {kind: self.href(ws.src(name)) for name, (kind, _) in PAGE_KINDS.items()
                               if self.has(ws.src(name))})

    def shelves(self, sequences) -> list[views.Shelf]:
        return [views.Shelf(s.title, [self.card(ws) for ws in s.worksheets], str(s.meta.get("axis") or ""),
                            self.href(s.src)) for s in sequences]

    def sequence_documents(self) -> str:
        """A sequence's worksheets, in order, on its page."""
        return self.site.partial("sequence.html", shelf=self.shelves([self.sequence])[0])

    # -- what the question blocks ask -----------------------------------------

    def cited(self, question: Question) -> list[tuple[Worksheet, list]]:
        """The worksheets a question cites, each with the ranges it cites there."""
        out: dict[str, tuple[Worksheet, list]] = {}
        for ref in question.refs:
            ws = self.worksheet if ref.worksheet is None else self.site.library.worksheet(ref.worksheet)
            out.setdefault(ws.slug, (ws, []))[1].append(ref.range)
        return list(out.values())

    def text_language(self, question: Question) -> str:
        """The language a question and its model answer are written in: that
        of the text it cites first (its worksheet's)."""
        cited = self.cited(question)
        return cited[0][0].language if cited else self.site.library.language

    def question_links(self, question: Question) -> list[tuple[str, str]]:
        """(label, Markdown link target) of each range the question cites."""
        links = []
        cited = self.cited(question)
        several = len(cited) > 1 or self.kind == "sequence"
        for ws, ranges in cited:
            target = self.markdown_target(ws.src("article.md"))
            for r in ranges:
                named = (self.site.t("check.line", line=r.first) if r.first == r.last
                         else self.site.t("check.lines", first=r.first, last=r.last))
                label = f"{ws.title}, {named}" if several else named
                links.append((label, f"{target}?lines={r.first}-{r.last}#L{r.first}"))
        return links

    def excerpt_html(self, question: Question) -> str:
        cited = self.cited(question)
        if not cited:
            return ""
        several = len(cited) > 1 or self.kind == "sequence"
        groups = [(ws.title if several else "", views.excerpts(ws, ranges), ws.language) for ws, ranges in cited]
        label = self.site.t("questions.lines_cited") if several else views.ranges_label(cited[0][1], self.site.t)
        return self.site.partial("excerpt.html", groups=groups, label=label)

    def before_question(self, question: Question) -> str:
        """Before the first question: on a sequence's page, its worksheets;
        on every page, how the answer boxes work."""
        if question is not self.first_question:
            return ""
        documents = self.sequence_documents() if self.kind == "sequence" else ""
        return documents + self.site.partial("answers-intro.html", total=total_points(self.questions))

    def writing_space_html(self, question: Question) -> str:
        return self.site.partial("writing-space.html", lines=question.writing_lines)

    def glossary(self):
        return self.worksheet.glossary if self.worksheet else None

    def tips(self) -> tuple[str, str]:
        """(worksheet, address of its pop-up texts) for the terms of this page;
        empty on a page of no worksheet."""
        ws = self.worksheet
        return (ws.slug, self.href(ws.src(TIPS))) if ws else ("", "")

    # -- the student's answers (overrides/assets/js/answers.js) -------------

    def answers_key(self) -> str:
        """Where this page's answers are saved on the device: under its
        worksheet's folder, or its sequence's page."""
        if self.sequence:
            return self.sequence.src.removesuffix(".md")
        return self.worksheet.slug or "worksheet"

    def answer_box_html(self, question: Question) -> str:
        """The box a student writes their answer in, under the question. Its
        quotations are looked for in the page's article, or in each article
        of the sequence (by their line scripts)."""
        sources = self.sources()
        lines = question.writing_lines
        return self.site.partial("answer-box.html", question=question, key=self.answers_key(), sources=sources,
                                 lines=lines, words=expected_words(lines))

    def sources(self) -> list[dict[str, str]]:
        """The texts this page's answers quote: its article, or each article
        of its sequence, with their line scripts and languages."""
        worksheets = self.sequence.worksheets if self.sequence else [self.worksheet]
        return [{"worksheet": ws.slug, "src": self.href(ws.src(LINES)), "title": ws.title, "language": ws.language}
                for ws in worksheets]

    def exercise_html(self, question: Question) -> str:
        """An exercise's controls, in place of its answer box (exercise_views.py)."""
        worksheets = self.sequence.worksheets if self.sequence else [self.worksheet]
        sources = self.sources()
        key = self.answers_key()
        salt = salt_of(key, text_fingerprint([w.article for w in worksheets]))
        points = question.points or 0
        return self.site.partial("exercise.html", question=question, kind=question.exercise_kind,
                                 items=item_views(question, salt), meanings=question.exercise.meanings,
                                 salt=salt, points=f"{points:g}", key=key, sources=sources)

    def hand_in_html(self) -> str:
        """After the last question: the name and class, and handing the answers in."""
        ws = self.worksheet
        sheet = ws and self.has(ws.src("worksheet.md"))
        key = self.answers_key()
        worksheets = self.sequence.worksheets if self.sequence else [ws]
        return self.site.partial(
            "hand-in.html", key=key, title=self.sequence.title if self.sequence else ws.title,
            fingerprint=text_fingerprint([w.article for w in worksheets]),
            file=f"{posixpath.basename(key)}-answers",
            print_href=f"{self.href(ws.src('worksheet.md'))}?mine=1&print=1" if sheet else "")


# -- the page of each Markdown instance ------------------------------------------


def page_of(md: Markdown) -> PageRendering | None:
    """The page ``md`` renders; None for a fragment (rendering.py)."""
    return getattr(md, "worksheet_page", None)


def site_of(md: Markdown) -> Site | None:
    """The build ``md`` renders a page or a fragment of."""
    return getattr(md, "worksheet_site", None)


def place_of(md: Markdown) -> PageRendering | Fragment | None:
    """What ``md`` renders: a page, or a fragment of one."""
    return page_of(md) or getattr(md, "worksheet_fragment", None)


class _FindPage(Preprocessor):
    """Before any extension of the site reads the rows: finds what is being
    rendered, from the file MkDocs resolves its links from."""

    def __init__(self, md: Markdown, extension: PageExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        md, site = self.md, self.extension.site
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        file = getattr(relpath, "file", None)
        md.worksheet_site = site
        md.worksheet_fragment = fragment_of(file) if file is not None else None
        page = getattr(file, "page", None)
        if site is not None and page is not None and md.worksheet_fragment is None:
            md.worksheet_page = PageRendering(site, page)
        return lines


class _Report(Postprocessor):
    """Once the page or fragment is rendered: what the editions could not
    cut whole, said at its file and line."""

    def run(self, text: str) -> str:
        problems, site, place = edition_problems(self.md), site_of(self.md), place_of(self.md)
        if problems and site is not None:
            site.problems.add(RenderError("\n".join(
                f"{place.where(needle)}: {message}" if place else message for needle, message in problems)))
        return text


def _other_language(md: Markdown) -> str | None:
    """The language of the worksheet text ``md`` renders a page (or a
    fragment) of, when it is not the site's; else None."""
    site, place = site_of(md), place_of(md)
    if site is None or place is None:
        return None
    src = place.src if isinstance(place, PageRendering) else place.file.src_uri
    ws = site.library.worksheet_of(src)
    return ws.language if ws is not None and ws.language != site.library.language else None


class PageExtension(Extension):
    """Gives each Markdown instance the page it renders (``page_of``) and the
    build (``site_of``), and reports what it met there. The plugin hands it
    each build's site (``site``) before any page renders."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.site: Site | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        slots(md, worksheet_site=lambda: None, worksheet_page=lambda: None, worksheet_fragment=lambda: None)
        # After the student edition's removal of blocks (300), before the question binding (200).
        md.preprocessors.register(_FindPage(md, self), "worksheet_page", 250)
        md.postprocessors.register(_Report(md), "worksheet_report", 0)
        # After the inline patterns (20) and the question blocks: the text as it will stand.
        md.treeprocessors.register(QuotationLanguage(md, _other_language), "worksheet_quotation_language", 5)
