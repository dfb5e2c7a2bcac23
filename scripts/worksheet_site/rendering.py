"""Markdown fragments rendered as part of a page: notes, and on the printed
sheet the questions, model answers and teacher notes.

A fragment is a ``Page`` of its own, rendered by MkDocs' page machinery
(``Page.render``) with the site's Markdown extensions and their settings,
for the page it appears on (as Material's blog plugin renders its
excerpts). Its links are resolved from that page, and its classroom-only
parts go as the page's do. What MkDocs says of a link while rendering it
(a page that does not exist…) is said again at the fragment's own file and
line, where the teacher must act.
"""

from __future__ import annotations

import logging
import re
from copy import copy

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("worksheet")
#: The logger MkDocs' page machinery reports links through.
PAGES_LOGGER = logging.getLogger("mkdocs.structure.pages")
DOC_FILE = re.compile(r"^Doc file '[^']*' ")


class Fragment(Page):
    """``markdown``, from ``where`` (``path:line``), rendered for ``host``."""

    def __init__(self, markdown: str, host: Page, where: str):
        # Not Page.__init__: that would make this fragment the page of the host's file.
        self.file = copy(host.file)
        self.file.fragment = where
        self.markdown = markdown
        self.meta = {}
        self.where = where
        self.content = None
        self.present_anchor_ids = None
        self.links_to_anchors = None


def fragment_source(file: File) -> str | None:
    """Where the fragment a Markdown instance renders for ``file`` comes from;
    None when ``file`` is a page's own."""
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

    def html(self, markdown: str, host: Page, where: str) -> Markup:
        fragment = Fragment(markdown, host, where)
        said = _Said()
        PAGES_LOGGER.addFilter(said)
        try:
            Page.render(fragment, self.config, self.files)
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

    def inline(self, markdown: str, host: Page, where: str) -> Markup:
        """A fragment of one paragraph, without its ``<p>``."""
        html = str(self.html(markdown, host, where))
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
