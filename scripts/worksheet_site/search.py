"""The site's search: a Pagefind index, read by a worker that speaks
Material's search protocol.

Material's header search box, its dialog, its keyboard shortcuts and its
result list stay as they are. Material lets a site give its own search
worker (the ``search`` entry of its configuration); the site's,
``assets/js/search-worker.js``, answers each query from a Pagefind index:
split into small chunks, downloaded only when someone searches, and only the
chunks the query needs. A first visit downloads no index at all: Material's
own ``search/search_index.json`` is left with its settings and no pages.

What is indexed: each page's content (``article.md-content__inner``), less
what is marked ``data-search-exclude`` (answer boxes, model answers, teacher
notes, lists of letters and lines) and what only print or navigation needs.
Pages whose front matter says ``search: {exclude: true}`` are left out. The
student edition's pages have no classroom-only content, so neither has its
index.

The offline copy opened from files cannot fetch Pagefind's chunks (a
browser blocks ``fetch`` on ``file://``): it keeps Material's own search,
whose index is a script.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import json
import shutil
import threading
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

#: Where Pagefind's files go in the site.
FOLDER = "pagefind"
#: The site's search worker (overrides/assets/js/), in place of Material's.
WORKER = "assets/js/search-worker.js"
#: The element whose content is indexed; Material's page content.
ROOT = '<article class="md-content__inner md-typeset"'
#: What is left out of the index, besides what Material's own search leaves out.
EXCLUDED = ["[data-search-exclude]", ".worksheet-bar", ".print-only", ".line-number", ".line-marks",
            ".article-help", ".headerlink"]
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
    """Indexes the pages as they are written, then writes their index.

    Pagefind runs as a program of its own, which the ``pagefind`` package
    drives through asyncio: it runs here in a thread of its own, started with
    the build, so that Pagefind starts and indexes while MkDocs renders the
    next pages."""

    def __init__(self, *, enabled: bool):
        self.enabled = enabled
        self.loop: asyncio.AbstractEventLoop | None = None
        self.index = None
        self.added: list[concurrent.futures.Future] = []

    def template_globals(self) -> dict:
        """What overrides/main.html needs to hand Material the site's worker."""
        if not self.enabled:
            return {}
        return {"site_search": {"material_worker": material_worker(), "worker": WORKER}}

    def _run(self, coroutine) -> concurrent.futures.Future:
        if self.loop is None:
            self.loop = asyncio.new_event_loop()
            threading.Thread(target=self.loop.run_forever, name="pagefind", daemon=True).start()
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def start(self, site: Path) -> None:
        """Starts Pagefind, for the pages of one build into ``site``."""
        if not self.enabled:
            return
        from pagefind.index import PagefindIndex

        config = {"exclude_selectors": EXCLUDED, "force_language": "en", "output_path": str(site / FOLDER)}

        async def started():
            self.index = await PagefindIndex(config).__aenter__()

        self.added = [self._run(started())]

    def add_page(self, output: str, *, page, title: str, worksheet: str) -> None:
        if not self.enabled or (page.meta.get("search") or {}).get("exclude"):
            return
        content, url = page_html(output, title=title, worksheet=worksheet), "/" + page.url

        async def added():
            await self.index.add_html_file(content=content, url=url)

        self.added.append(self._run(self._after(self.added[-1], added)))

    @staticmethod
    async def _after(previous: concurrent.futures.Future, then):
        await asyncio.wrap_future(previous)
        await then()

    def write(self, site: Path) -> None:
        """Pagefind's index of the pages into ``site/pagefind/``; Material's
        index keeps its settings and no page. Without Pagefind (the offline
        copy), the site's worker is left out: Material's runs."""
        if not self.enabled:
            (site / WORKER).unlink(missing_ok=True)
        if not self.enabled or not self.added:
            return
        target = site / FOLDER
        shutil.rmtree(target, ignore_errors=True)

        async def written():
            await self.index.__aexit__(None, None, None)  # writes the files, stops Pagefind

        try:
            self._run(self._after(self.added[-1], written)).result()
        except Exception as error:
            raise PluginError(f"search: Pagefind could not index the site: {error}") from error
        finally:
            self.added, self.index = [], None
        for pattern in UNUSED:
            for path in target.glob(pattern):
                path.unlink()
        material_index = site / "search" / "search_index.json"
        if material_index.is_file():
            settings = json.loads(material_index.read_text(encoding="utf-8"))["config"]
            material_index.write_text(json.dumps({"config": settings, "docs": []}), encoding="utf-8")
