"""Markdown fragments rendered as part of a page: notes, and on the printed
sheet the questions, model answers and teacher notes.

A fragment is a ``Page`` of its own, rendered as Material's blog plugin
renders its excerpts: by a Markdown instance with the site's extensions and
their settings, and MkDocs' relative-path treeprocessor, for the page it
appears on. Its links are resolved (and checked) from that page, and its
classroom-only parts go as the page's do. One Markdown instance renders
every fragment of a build, reset between two. What MkDocs says of a link
while rendering it (a page that does not exist…), and what the student
edition cannot cut, is said at the fragment's own file and line, where the
teacher must act.
"""

from __future__ import annotations

import logging
import re
from copy import copy

from markdown import Markdown
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor

log = get_plugin_logger("worksheet")
#: The logger MkDocs' page machinery reports links through (ProperDocs' has its own name).
PAGES_LOGGER = logging.getLogger(Page.__module__)
DOC_FILE = re.compile(r"^Doc file '[^']*' ")


class Fragment(Page):
    """``markdown``, from line ``line`` of ``path``, rendered for ``host``. Its
    links are written from ``source`` (the docs file it comes from, by
    default the host's) and lead there from the host's address."""

    def __init__(self, markdown: str, host: Page, path: str, line: int, source: str | None = None):
        # Not Page.__init__: that would make this fragment the page of the host's file.
        self.file = copy(host.file)
        if source is not None and source != host.file.src_uri:
            self.file.url, self.file.dest_uri = host.file.url, host.file.dest_uri  # kept: the links start here
            self.file.src_uri = source  # and are resolved from there
        self.file.fragment = self
        self.markdown = markdown
        self.meta = {}
        self.path, self.line = path, line
        self.content = None
        self.present_anchor_ids = None
        self.links_to_anchors = None

    @property
    def start(self) -> str:
        """``path:line`` of its first row, as messages name it."""
        return f"{self.path}:{self.line}"

    def where(self, needle: str) -> str:
        """``path:line`` of its first row that holds ``needle``; of its first row if none does."""
        rows = self.markdown.split("\n")
        offset = next((n for n, row in enumerate(rows) if needle in row), 0)
        return f"{self.path}:{self.line + offset}"


def fragment_of(file: File) -> Fragment | None:
    """The fragment a Markdown instance renders for ``file``; None when
    ``file`` is a page's own."""
    return getattr(file, "fragment", None)


class _Said(logging.Filter):
    """Keeps what MkDocs says while a fragment renders, instead of letting it through."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append(record)
        return False


class Renderer:
    """Renders fragments with the site's configuration and files. Their links
    to anchors are checked once every page is rendered (``check_anchors``),
    as MkDocs checks the pages' own."""

    def __init__(self, config, files: Files):
        self.config = config
        self.files = files
        #: (where, page linked to, anchor, the link as written)
        self.anchor_links: set[tuple[str, File, str, str]] = set()
        self._said: set[str] = set()
        self._md: Markdown | None = None
        self._relpath: _RelativePathTreeprocessor | None = None

    def _markdown(self) -> tuple[Markdown, _RelativePathTreeprocessor]:
        """The Markdown instance of the fragments, made at the first (once
        every plugin has set the extensions)."""
        if self._md is None:
            self._md = Markdown(extensions=self.config.markdown_extensions,
                                extension_configs=self.config.mdx_configs or {})
            self._relpath = _RelativePathTreeprocessor(None, self.files, self.config)
            self._relpath._register(self._md)
        return self._md, self._relpath

    def html(self, markdown: str, host: Page, path: str, line: int, source: str | None = None) -> Markup:
        fragment = Fragment(markdown, host, path, line, source)
        where = fragment.start
        said = _Said()
        PAGES_LOGGER.addFilter(said)
        md, relpath = self._markdown()
        relpath.file, relpath.links_to_anchors = fragment.file, {}
        try:
            fragment.content = md.reset().convert(markdown)
            fragment.links_to_anchors = relpath.links_to_anchors
        finally:
            PAGES_LOGGER.removeFilter(said)
        for record in said.records:
            self._say(record.levelno, f"{where}: {DOC_FILE.sub('', record.getMessage())}")
        for target, anchors in (fragment.links_to_anchors or {}).items():
            self.anchor_links |= {(where, target, anchor, link) for anchor, link in anchors.items()}
        return Markup(fragment.content)

    def _say(self, level: int, message: str) -> None:
        if message not in self._said:  # a note shows on the article and on the sheet
            self._said.add(message)
            log.log(level, message)

    def inline(self, markdown: str, host: Page, path: str, line: int) -> Markup:
        """A fragment of one paragraph, without its ``<p>``."""
        html = str(self.html(markdown, host, path, line))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)

    def check_anchors(self) -> None:
        """Each fragment's link to an anchor that its page does not hold,
        said at the fragment's file and line."""
        level = self.config.validation.links.anchors
        for where, target, anchor, link in sorted(self.anchor_links, key=lambda a: (a[0], a[3])):
            page = target.page
            if page is None or page.present_anchor_ids is None or anchor in page.present_anchor_ids:
                continue
            self._say(level, f"{where}: contains a link '{link}', but the doc '{target.src_uri}' "
                             f"does not contain an anchor '#{anchor}'.")
