"""The site's search: a Pagefind index, read by a worker that speaks
Material's search protocol.

Material's header search box, its dialog, its keyboard shortcuts and its
result list stay as they are. Material lets a site give its own search
worker (the ``search`` entry of its configuration); the site's,
``assets/js/search-worker.js``, answers each query from a Pagefind index:
split into small chunks, downloaded only when someone searches, and only the
chunks the query needs. A first visit downloads no index at all: Material's
own ``search/search_index.json`` holds its settings and no page.

What is indexed: each page's content (``article.md-content__inner``), less
what is marked ``data-search-exclude`` (answer boxes, model answers, teacher
notes, lists of letters and lines) and what only print or navigation needs.
Pages whose front matter says ``search: {exclude: true}`` are left out.
Material's own index is left with its settings and no page. The
student edition's pages have no classroom-only content, so neither has its
index.

The offline copy opened from files cannot fetch Pagefind's chunks (a
browser blocks ``fetch`` on ``file://``): it keeps Material's own search,
whose index is a script.

Pagefind reads the pages from the built site: its own program (from the
``pagefind-bin`` package), run at the end of the build. The indexed pages
carry ``data-pagefind-body`` and their titles as attributes of their content.

Each worksheet's pages are indexed in the language of its text, so that a
word is found from another of its stem in that language (*prohibido* finds
*prohibir*): Pagefind stems by a page's ``lang``, and the page's own ``lang``
is the interface's, so it reads a copy that says the text's. The site's
default language has the index in ``pagefind/``, each other language one in
``pagefind/<language>/`` (``LANGUAGES`` lists them), and the worker asks
each.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

#: Where Pagefind's files go in the site.
FOLDER = "pagefind"
#: The site's search worker (overrides/assets/js/), in place of Material's.
WORKER = "assets/js/search-worker.js"
#: The element whose content is indexed; Material's page content.
ROOT = '<article class="md-content__inner md-typeset"'
#: What is left out of the index, besides what Material's own search leaves out.
EXCLUDED = ["[data-search-exclude]", ".worksheet-bar", ".print-only", ".line-number", ".line-marks",
            ".article-help", ".headerlink"]
#: The other languages' indexes, each in a folder of FOLDER named by its code.
LANGUAGES = "languages.json"
#: The interface's words the worker shows, in FOLDER.
INTERFACE = "interface.json"
#: The page's own language, in the copy Pagefind reads.
HTML_LANG = re.compile(r'(<html\b[^>]*?\blang=")[^"]*(")')
#: Pagefind's files the site's worker does not use.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js",
          "pagefind-worker.js", "wasm.unknown.pagefind")


def material_worker() -> str:
    """Material's search worker, as its configuration names it."""
    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    found = sorted(workers.glob("search.*.min.js"))
    if len(found) != 1:
        raise PluginError(f"Material's search worker was not found in {workers}")
    return f"assets/javascripts/workers/{found[0].name}"


def page_html(output: str, *, title: str, worksheet: str) -> str:
    """The page as Pagefind reads it: its title and its worksheet's, as meta
    data of the indexed element."""
    if ROOT not in output:
        raise PluginError(f"search: a page has no {ROOT}> element, Material's page content")
    meta = (f' data-pagefind-body data-pagefind-meta="title[data-search-title], worksheet[data-search-worksheet]"'
            f' data-search-title="{html.escape(title)}" data-search-worksheet="{html.escape(worksheet)}"')
    return output.replace(ROOT, ROOT + meta, 1)


class SiteSearch:
    """Marks the pages to index as they are written, then has Pagefind read
    them from the built site."""

    def __init__(self, *, enabled: bool, language: str = "en", line_title: str = "Line {line}"):
        self.enabled = enabled
        self.line_title = line_title  # a result's title for line {line} of an article, in the interface's words
        self.language = language  # the site's default language for a text: its index is FOLDER's own
        self.indexed: dict[str, str] = {}  # address of each page to index -> the language it is indexed in

    def template_globals(self) -> dict:
        """What overrides/main.html needs to hand Material the site's worker."""
        if not self.enabled:
            return {}
        return {"site_search": {"material_worker": material_worker(), "worker": WORKER}}

    def claim(self, page) -> None:
        """Takes the page from Material's index (which would parse every page
        for nothing) into Pagefind's, unless its front matter leaves it out."""
        if not self.enabled:
            return
        search = page.meta.get("search") or {}
        if not search.get("exclude"):
            self.indexed[page.url] = self.language
        page.meta["search"] = {**search, "exclude": True}

    def mark(self, output: str, *, page, title: str, worksheet: str, language: str | None = None) -> str:
        """The page as written: Pagefind's marks on its content, if indexed;
        ``language``: that of the worksheet's text it belongs to, if any."""
        if not self.enabled or page.url not in self.indexed:
            return output
        self.indexed[page.url] = language or self.language
        return page_html(output, title=title, worksheet=worksheet)

    def write(self, site: Path) -> None:
        """Pagefind's index of the marked pages into ``site/pagefind/``.
        Without Pagefind (the offline copy), the site's worker is left out:
        Material's runs."""
        if not self.enabled:
            (site / WORKER).unlink(missing_ok=True)
            return
        target = site / FOLDER
        shutil.rmtree(target, ignore_errors=True)
        languages = sorted(set(self.indexed.values()) - {self.language})
        by_language = {code: [url for url, lang in self.indexed.items() if lang == code]
                       for code in [self.language, *languages]}
        self.indexed = {}
        for code, urls in by_language.items():
            _index(site, urls, code, target if code == self.language else target / code)
        (target / LANGUAGES).write_text(json.dumps(languages), encoding="utf-8")
        (target / INTERFACE).write_text(json.dumps({"line": self.line_title}), encoding="utf-8")


def _index(site: Path, urls: list[str], language: str, target: Path) -> None:
    """Pagefind's index of the pages at ``urls`` (addresses in the site), in
    ``language``: it reads a copy of each whose ``<html lang>`` says it."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for url in urls:
            path = site / url / "index.html" if url == "" or url.endswith("/") else site / url
            if not path.is_file():
                continue
            written = copy / path.relative_to(site)
            written.parent.mkdir(parents=True, exist_ok=True)
            written.write_text(HTML_LANG.sub(rf"\g<1>{language}\g<2>", path.read_text(encoding="utf-8"), count=1),
                               encoding="utf-8")
        command = [str(get_executable()), "--site", str(copy), "--output-path", str(target),
                   "--force-language", language, "--silent"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise PluginError(f"search: Pagefind could not index the site: {said}")
    for pattern in UNUSED:
        for path in target.glob(pattern):
            path.unlink()
