"""The site's own stylesheets and scripts: each page gets those it uses, as
few files as possible.

The theme's CSS and JS stay in ``overrides/assets/``, one file per concern,
listed in ``mkdocs.yml`` under ``extra_css`` and ``extra_javascript`` as
usual. Every stylesheet in a page's head holds back its first paint, and on a
phone each request costs a round trip, so the plugin joins the listed files
(in their order, each part marked with its source) into bundles named after
a hash of their contents, so that a browser never keeps an old copy:

- what every page uses: one stylesheet and one script;
- what only some pages use (``PARTS``): the answer boxes' code and styles,
  on pages with answer boxes; the pop-ups', on pages with pop-ups; the flashcards', on practice pages; the
  review page's, on the review page. A page
  says it has them by a mark in its HTML. Its styles are written in its
  head (a few KB: cheaper than one more request before the first paint);
  its script is named in a ``<meta name="page-scripts">`` that
  ``assets/js/scripts.js``, the site's one script loader, reads on every
  page Material shows (instant navigation included), loading each script
  once a visit;
- the paper's stylesheets (``PRINT``): linked with ``media="print"``, so
  that a screen never waits for them.

Material's own files are left alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

#: What only some pages use: {name: (the mark in a page's HTML that says it uses them, the files)}.
PARTS = {
    "answers": ("data-answers=", ["assets/css/answers.css", "assets/css/exercises.css", "assets/js/answer-check.js", "assets/js/hand-in-file.js",
                                  "assets/js/answers.js", "assets/js/exercises.js"]),
    "popups": ("data-tips=", ["assets/css/popups.css", "assets/js/popups.js"]),
    "practice": ("data-practice=", ["assets/css/practice.css", "assets/js/practice.js"]),
    "review": ('class="review-data"', ["assets/css/review.css", "assets/js/answer-check.js",
                                       "assets/js/hand-in-file.js", "assets/js/exercises.js", "assets/js/review.js"]),
}
#: Stylesheets for paper only.
PRINT = ["assets/css/print.css"]


def source(dirs: list[str], uri: str) -> Path:
    """The file behind an ``extra_css``/``extra_javascript`` entry, where MkDocs
    finds it: in the theme's folders, then the docs."""
    for folder in dirs:
        path = Path(folder) / uri
        if path.is_file():
            return path
    raise PluginError(f"mkdocs.yml: {uri} is listed but no such file is in the theme or the docs")


def joined(dirs: list[str], uris: list[str], separator: str) -> str:
    return separator.join(f"/* {uri} */\n{source(dirs, uri).read_text(encoding='utf-8').rstrip()}\n"
                          for uri in uris)


def bundle_name(stem: str, text: str, suffix: str) -> str:
    return f"assets/{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.{suffix}"


@dataclass
class PageAssets:
    """What a page links besides the bundles every page has."""

    styles: str = ""  # written in the page's head
    print_css: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


@dataclass
class SiteAssets:
    files: dict[str, str] = field(default_factory=dict)  # {path in the site: text}
    css: list[str] = field(default_factory=list)  # every page's
    js: list[str] = field(default_factory=list)
    print_css: list[str] = field(default_factory=list)
    parts: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (mark, styles, scripts)

    def add(self, stem: str, uris: list[str], dirs: list[str], suffix: str, head: str = "") -> list[str]:
        if not uris and not head:
            return []
        text = head + joined(dirs, uris, "\n" if suffix == "css" else "\n;")
        name = bundle_name(stem, text, suffix)
        self.files[name] = text
        return [name]

    def for_page(self, html: str) -> PageAssets:
        page = PageAssets(print_css=list(self.print_css))
        for mark, styles, js in self.parts:
            if mark in html:
                page.styles += styles
                page.scripts += js
        return page


def site_assets(dirs: list[str], css: list[str], js: list[str], head: str = "") -> SiteAssets:
    """The bundles that replace the listed files. Scripts are plain classic
    scripts; each part starts a new statement. A file of a part or of paper
    that is not listed is left out. ``head`` opens every page's script: the
    interface's texts, there before any script asks for one."""
    out = SiteAssets()
    apart = {uri for _, uris in PARTS.values() for uri in uris} | set(PRINT)
    out.css = out.add("site", [u for u in css if u not in apart], dirs, "css")
    out.js = out.add("site", [u for u in js if u not in apart], dirs, "js", head)
    out.print_css = out.add("print", [u for u in css if u in PRINT], dirs, "css")
    for name, (mark, uris) in PARTS.items():
        styles = [u for u in css if u in uris]
        if any("</style" in source(dirs, u).read_text(encoding="utf-8").lower() for u in styles):
            raise PluginError(f"{', '.join(styles)}: '</style' would end the page's <style> element")
        out.parts.append((mark, joined(dirs, styles, "\n") if styles else "",
                          out.add(name, [u for u in js if u in uris], dirs, "js")))
    return out
