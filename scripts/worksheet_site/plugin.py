"""The worksheet plugin's events.

- ``on_config``: loads and checks every worksheet (site.load); a problem
  stops ``mkdocs build`` with the full list (under ``mkdocs serve``, the pages
  show the list instead, until the next save fixes it; a worksheet's TODOs
  alone only head its own pages, builders.todo_list). Registers the
  Markdown extensions (the pages', the editions', the question blocks) and
  the ``article`` and ``library`` fences; joins the site's assets; makes the
  menu.
- ``on_files``: the files a worksheet gets without writing them
  (generated.py), its data files left out; then the build's ``Site``, handed
  to the pages' Markdown.
- ``on_page_markdown`` … ``on_page_content``: each page renders as a
  ``PageRendering`` of the site; the builders add what its kind gets
  (builders.py). A build stops at the end of a page that met a problem.
- ``on_page_context``: the worksheet bar and the page's own assets.
- ``on_post_page``: the problem page under ``mkdocs serve``; search marks.
- ``on_post_build``: the fragments' anchors, the search index, the PDFs;
  then one line saying which edition was built, and whether it holds answers.

Nothing the plugin hands down calls back into it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from worksheet.language import site_default

from . import assets, builders, draft_review, generated, navigation, pdfs, review, views
from .config import WorksheetConfig
from .interface import interface_text, template_function
from .editions import EditionsExtension
from .pages import PAGE_KINDS, PageExtension, PageRendering
from .question_blocks import QuestionsExtension
from .rendering import Renderer
from .search import SiteSearch
from .site import Problems, RenderError, Site, load
from .vocabulary import Vocabulary

OFFLINE_SHIM = "assets/js/vendor/iframe-worker-shim.js"
#: What a build says it made, by edition.
EDITION_BUILT = {
    "student": "Built the student edition: no model answers, teacher notes or review page; "
               "it may go to any address, public ones included.",
    "classroom": "Built the classroom edition: it holds the model answers, teacher notes and the review page; "
                 "keep it private (the offline copy, or a site only teachers can open).",
}

log = get_plugin_logger("worksheet")


class WorksheetPlugin(BasePlugin[WorksheetConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.site: Site | None = None  # this build's, from on_files

    def on_startup(self, *, command, dirty):
        self.command = command

    @property
    def student(self) -> bool:
        return self.config.edition == "student"

    # Before material/offline's (priority 0), wherever mkdocs.yml lists it:
    # the site's own search shim is in the polyfills before offline looks for one.
    @event_priority(50)
    def on_config(self, config):
        self.site = None
        self.page_extension = PageExtension()
        config.markdown_extensions.extend([self.page_extension, EditionsExtension(student=self.student),
                                           QuestionsExtension()])
        if "pymdownx.superfences" not in config.markdown_extensions:
            config.markdown_extensions.append("pymdownx.superfences")
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
        fences.append({"name": "article", "class": "article", "format": builders.article_fence})
        fences.append({"name": "library", "class": "library", "format": builders.library_fence})
        offline = config.plugins.get("material/offline")
        if offline and offline.config.enabled:
            # Instant navigation cannot work from files: with it on, Material's
            # page-ready signal never fires there. Search runs through the
            # iframe-worker shim the site ships, not one from a CDN.
            config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
            # No server shows an error page to a copy opened from files.
            config.theme.static_templates.discard("404.html")
            config.extra["polyfills"] = [OFFLINE_SHIM, *config.extra.get("polyfills", [])]
        # Pagefind's index, read by the site's own worker; the offline copy keeps Material's.
        language = site_default(self.config.language, config.theme.get("language"))
        self.interface = interface_text(self.config.interface_language or config.theme.get("language") or "en")
        self.search = SiteSearch(enabled="material/search" in config.plugins and not (offline and offline.config.enabled),
                                 language=language, line_title=self.interface.t("search.line", line="{line}"))
        self.env = jinja2.Environment(loader=config.theme.get_env().loader, autoescape=True)
        self.env.globals["t"] = template_function(self.interface)
        dirs = [*config.theme.dirs, config.docs_dir]
        shipped = (lambda uri: uri not in review.ASSETS) if self.student else (lambda uri: True)
        self.assets = assets.site_assets(dirs, [str(u) for u in config.extra_css if shipped(str(u))],
                                         [str(u) for u in config.extra_javascript if shipped(str(u))],
                                         head=self.interface.script())
        config.extra_css, config.extra_javascript = self.assets.css, self.assets.js
        self.problems = Problems(serving=self.command == "serve")
        self.library = load(config.docs_dir, student=self.student, problems=self.problems, language=language)
        if not config.nav:
            config.nav = navigation.nav(self.library, config.docs_dir, student=self.student, t=self.interface.t)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        for file in generated.data_files(files):
            files.remove(file)
        for name, text in self.assets.files.items():
            files.append(File.generated(config, name, content=text))
        vocabulary = Vocabulary(self.library.worksheets, self.config.vocabulary_per_page, self.interface.t)
        for file in vocabulary.files(config, files):
            files.append(file)
        if not self.student and files.get_file_from_path(review.PAGE[0]) is None:
            files.append(File.generated(config, review.PAGE[0], content=review.page_source(self.interface.t)))
        making_pdfs = self.config.pdfs and not self.problems.serving
        pdf_names = [pdfs.file_name(kind) for kind in pdfs.kinds(student=self.student)] if making_pdfs else []
        for ws in self.library.worksheets:
            for file in generated.worksheet_files(config, files, ws, pdf_names):
                files.append(file)
        self.site = Site(self.library, files, Renderer(config, files), self.env, self.config, vocabulary,
                         self.problems, making_pdfs, self.interface)
        self.page_extension.site = self.site
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        page.meta.setdefault("hide", ["navigation"])
        self.search.claim(page)
        for key, value in PageRendering(self.site, page).meta().items():
            page.meta.setdefault(key, value)
        return "" if self.site.blocked else markdown

    def on_page_content(self, html, *, page, config, files):
        try:
            html = builders.page_html(PageRendering(self.site, page), html)
        except RenderError as error:
            self.problems.add(error)
        self.problems.check()  # a build stops here, at the page that met the problem
        if not self.student and views.holds_answers(html):
            # A student who searches the web for a question does not find its
            # answer. (The page stays in sitemap.xml: Material's instant
            # navigation loads in place only the pages the sitemap lists.)
            page.meta["robots"] = "noindex"
        return html

    def on_page_context(self, context, *, page, config, nav):
        """The worksheet bar above a worksheet's pages, and the stylesheets and
        scripts only some pages use (overrides/main.html)."""
        context["page_assets"] = self.assets.for_page(page.content or "")
        ws = self.library.worksheet_of(page.file.src_uri)
        if ws is not None and not self.site.blocked:
            here = page.file.src_uri
            files = self.site.files
            context["worksheet_bar"] = {
                "title": ws.title,
                "links": [(self.interface.t(label), files.get_file_from_path(ws.src(name)).url_relative_to(page.file),
                           ws.src(name) == here)
                          for name, (_, label) in PAGE_KINDS.items()
                          if files.get_file_from_path(ws.src(name)) is not None],
            }
        return context

    def on_env(self, env, *, config, files):
        """What the templates need to hand Material the site's search worker."""
        env.globals.update(self.search.template_globals())
        env.globals["t"] = self.env.globals["t"]
        return env

    def problems_page(self) -> str:
        return self.site.partial("problems.html", problems=self.problems.all())

    def on_post_page(self, output, *, page, config):
        if self.problems:
            output = self.problems_page()
            return draft_review.with_review(output, page.file.src_uri, config.docs_dir) if self.problems.serving \
                else output
        if self.problems.serving:
            output = draft_review.with_review(output, page.file.src_uri, config.docs_dir)
        ws = self.library.worksheet_of(page.file.src_uri)
        return self.search.mark(output, page=page, title=page.meta.get("title") or page.title or "",
                                worksheet=ws.title if ws else "", language=ws.language if ws else None)

    def on_post_build(self, *, config):
        self.site.renderer.check_anchors()
        if self.problems.rendering:  # the pages written before the problem was met show it too
            for path in Path(config.site_dir).rglob("*.html"):
                path.write_text(self.problems_page(), encoding="utf-8")
        self.search.write(Path(config.site_dir))
        if self.site.making_pdfs:
            printed = {pdfs.page_name(kind) for kind in pdfs.kinds(student=self.student)}
            pdfs.render(Path(config.site_dir), [
                (ws.slug, {name: self.site.files.get_file_from_path(ws.src(name)).url for name in printed})
                for ws in self.library.worksheets], student=self.student)
        if not self.problems.serving:
            log.info(EDITION_BUILT[self.config.edition])
