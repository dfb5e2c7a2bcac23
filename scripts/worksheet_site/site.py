"""What the pages of one build need, made once per build and handed down.

The plugin loads and checks the library (``load``) when MkDocs reads its
configuration, and makes the ``Site`` once it knows the files: the library
as the edition has it, the files, the fragment renderer, the partials, the
options. It hands the site to the pages' Markdown (pages.PageExtension) and
to the page builders (builders.py); nothing handed down calls back into the
plugin. What cannot be rendered goes to the build's ``Problems``, which the
plugin reads.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from worksheet.interface_text import InterfaceText
from worksheet.library import Library, load_library
from worksheet.library_checks import check_library, worksheet_todos
from worksheet.problems import Problem

from .config import WorksheetConfig
from .editions import without_classroom_only
from .rendering import Renderer
from .vocabulary import Vocabulary

log = get_plugin_logger("worksheet")
SERVING = "(every page shows the problems until they are fixed)"
TODOS_SERVING = ("{path}: {count} TODO(s) still to write, listed at the top of its pages; "
                 "a build refuses the site until none is left")
TODOS_BUILD = ("{count} of them are TODOs still to write: `./run.sh serve` lists them at the top of "
               "their worksheet's pages, where a draft can be checked meanwhile")


class RenderError(PluginError):
    """Something a page holds cannot be rendered: its file and line, and what to do."""


class Problems:
    """What stops this build. ``content``: what the checks found in the
    library (only kept while serving: a build stops at once). ``rendering``:
    what could not be rendered, added as the pages render; a build stops at
    the end of the page that met it (``check``). While serving, every page
    shows both lists instead, until a save fixes them. ``todos``: while
    serving, the TODOs left in each worksheet (by folder), kept apart from the
    rest: its own pages list them at their top, and show themselves."""

    def __init__(self, *, serving: bool):
        self.serving = serving
        self.content: list[Problem] = []
        self.rendering: list[str] = []
        self.todos: dict[str, list[Problem]] = {}
        self._checked = 0

    def __bool__(self) -> bool:
        return bool(self.content or self.rendering)

    def add(self, error: RenderError) -> None:
        for line in str(error).splitlines():
            if line not in self.rendering:  # a note shows on the article and on the sheet: said once
                self.rendering.append(line)
                if self.serving:
                    log.error(f"{line} {SERVING}")

    @property
    def pending(self) -> bool:
        """Whether the page rendering now has met a problem."""
        return len(self.rendering) > self._checked

    def check(self) -> None:
        """At the end of a page: a build stops with what the page met."""
        met, self._checked = self.rendering[self._checked:], len(self.rendering)
        if met and not self.serving:
            raise RenderError("\n".join(met))

    def all(self) -> list:
        return [*self.content, *self.rendering]


def load(docs_dir: str, *, student: bool, problems: Problems, language: str) -> Library:
    """The library of ``docs_dir``, checked whole, as the edition has it;
    ``language``: the site's default for a text. A problem stops the build;
    while serving, it is kept for the pages to show."""
    library = load_library(Path(docs_dir), language)
    found = check_library(library)
    for problem in found:
        if problem.warning:
            log.warning(str(problem))
    errors = [p for p in found if not p.warning]
    todos = {ws.slug: sorted(set(worksheet_todos(ws)) & set(errors)) for ws in library.worksheets}
    todos = {slug: listed for slug, listed in todos.items() if listed}
    if errors and not problems.serving:
        listing = "\n".join(f"  {p}" for p in errors)
        left = sum(len(listed) for listed in todos.values())
        closing = "\n" + TODOS_BUILD.format(count=left) if left else ""
        raise PluginError(f"The worksheets have {len(errors)} problem(s):\n{listing}{closing}")
    # While serving, a worksheet's TODOs do not hide the site: its pages list them.
    problems.todos = todos
    kept_apart = {p for listed in todos.values() for p in listed}
    problems.content = [p for p in errors if p not in kept_apart]
    for problem in problems.content:
        log.error(f"{problem} {SERVING}")
    folders = {ws.slug: posixpath.dirname(ws.article.path) for ws in library.worksheets}
    for slug, listed in todos.items():
        log.warning(TODOS_SERVING.format(path=folders[slug], count=len(listed)))
    return library.edition(student=student)


@dataclass
class Site:
    """One build of the site, as its pages see it."""

    library: Library  # as the edition has it
    files: Files
    renderer: Renderer
    env: jinja2.Environment  # the theme's templates: partials/worksheet/*.html
    options: WorksheetConfig
    vocabulary: Vocabulary
    problems: Problems
    making_pdfs: bool  # this build prints each worksheet's PDFs
    interface: InterfaceText  # the site's own words, in the interface's language

    def t(self, key: str, **values) -> str:
        """The interface's text ``key`` (worksheet/interface/en.yml), filled in."""
        return self.interface.t(key, **values)

    @property
    def student(self) -> bool:
        return self.options.edition == "student"

    @property
    def blocked(self) -> bool:
        """The library has problems: the pages show them instead of themselves."""
        return bool(self.problems.content)

    def partial(self, name: str, **context) -> str:
        return self.env.get_template(f"partials/worksheet/{name}").render(**context)

    def edition_html(self, html: str) -> str:
        """Rendered HTML as the edition has it: the student edition without
        anything classroom-only (the rule of editions.py)."""
        return without_classroom_only(html) if self.student else html
