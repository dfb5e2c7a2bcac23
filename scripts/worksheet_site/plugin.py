"""The worksheet plugin's events.

- ``on_config``: loads and checks every worksheet; a problem stops
  ``mkdocs build`` with the full list (under ``mkdocs serve``, the pages show
  the list instead, until the next save fixes it). Registers the Markdown
  extensions: the ``article`` fence, the question blocks, the editions.
- ``on_files``: the pages and data a worksheet gets without writing them
  (its glossary page, its printable sheet, its pop-up texts, its lines for
  the answer boxes' quotation check, its PDFs).
- ``on_page_markdown`` … ``on_page_content``: renders each page, knowing
  which worksheet it belongs to; links are computed by MkDocs for that page.
- ``on_post_page``: the problem page under ``mkdocs serve``.
- ``on_post_build``: the PDFs, when asked for.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markdown import Markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from worksheet import Worksheet
from worksheet.data_script import worksheet_script
from worksheet.fingerprint import text_fingerprint
from worksheet.library import Library, load_library
from worksheet.model import GLOSSARY, NOTES
from worksheet.library_checks import check_library
from worksheet.questions import total_points

from . import assets, draft_review, pdfs, review, views, vocabulary
from .search import SiteSearch
from .config import WorksheetConfig
from .editions import CLASSROOM_ONLY, EditionsExtension, left_as_text, without_classroom_only
from .pages import LINES, PAGE_KINDS, TIPS, PageRendering, RenderError
from .question_blocks import QuestionsExtension, page_of
from .rendering import Renderer, fragment_source

log = get_plugin_logger("worksheet")

#: Pages a worksheet gets when its folder does not hold them: front matter only.
GENERATED_PAGES = {
    # Out of the search index: searching finds the terms where they stand in
    # the text, whose pop-ups define them; the index every first visit
    # downloads stays a third lighter.
    "glossary.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
    "worksheet.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
}
#: A worksheet page's description for search engines, unless its front matter gives one.
DESCRIPTIONS = {
    "overview": "{title}: a reading worksheet on “{headline}”, with its text, questions and glossary.",
    "article": "“{headline}”, line by line as on the paper sheet, with definitions and notes.",
    "questions": "Questions on “{headline}”, each linked to the lines of the text it draws on.",
    "glossary": "The words explained in “{headline}”, with their French and the lines where they occur.",
    "sheet": "“{headline}” as a worksheet to print: the text, then the questions with room to write.",
}
OFFLINE_SHIM = "assets/js/vendor/iframe-worker-shim.js"


def tips_script(ws: Worksheet) -> str:
    """The worksheet's pop-up texts, by entry, as a script the pop-ups load
    (overrides/assets/js/popups.js)."""
    return worksheet_script("__glossaryTips", ws.slug, {entry.slug: entry.tooltip() for entry in ws.glossary.entries})


def lines_script(ws: Worksheet) -> str:
    """The article's printed lines ("" for a blank one), as a script the
    answer boxes load to check quotations (overrides/assets/js/answers.js)."""
    return worksheet_script("__articleLines", ws.slug, [line.text for line in ws.article.lines])


class WorksheetPlugin(BasePlugin[WorksheetConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.library: Library | None = None
        self.problems = []  # under `mkdocs serve`: what the pages show instead
        self.files: Files | None = None
        self.renderer: Renderer | None = None
        #: Each page of this build as it renders, by its file's path in the docs folder.
        self.pages: dict[str, PageRendering] = {}
        #: Under `mkdocs serve`: what could not be rendered, which every page shows instead.
        self.render_problems: list[str] = []

    # -- set-up -------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    @property
    def student(self) -> bool:
        return self.config.edition == "student"

    # Before material/offline's (priority 0), wherever mkdocs.yml lists it:
    # the site's own search shim is in the polyfills before offline looks for one.
    @event_priority(50)
    def on_config(self, config):
        self.editions = EditionsExtension(student=self.student)
        config.markdown_extensions.extend([self.editions, QuestionsExtension(self.page_for, self.failed)])
        if "pymdownx.superfences" not in config.markdown_extensions:
            config.markdown_extensions.append("pymdownx.superfences")
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
        fences.append({"name": "article", "class": "article", "format": self.article_fence})
        fences.append({"name": "library", "class": "library", "format": self.library_fence})
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
        self.search = SiteSearch(enabled="material/search" in config.plugins and not (offline and offline.config.enabled))
        self.env = jinja2.Environment(loader=config.theme.get_env().loader, autoescape=True)
        dirs = [*config.theme.dirs, config.docs_dir]
        shipped = (lambda uri: uri not in review.ASSETS) if self.student else (lambda uri: True)
        self.assets = assets.site_assets(dirs, [str(u) for u in config.extra_css if shipped(str(u))],
                                         [str(u) for u in config.extra_javascript if shipped(str(u))])
        config.extra_css, config.extra_javascript = self.assets.css, self.assets.js
        self.load(config)
        if not config.nav:
            config.nav = self.nav()
        return config

    def nav(self) -> list:
        """The site's menu: home, each sequence with its worksheets, the
        worksheets of no sequence, the vocabulary."""
        def worksheet_items(ws: Worksheet) -> list:
            # A worksheet's own page (index.md), when it has one, is its
            # section's page (Material's navigation.indexes), titled as the worksheet.
            items: list = [ws.src("index.md")] if (Path(self.docs) / ws.src("index.md")).exists() else []
            items += [{label: ws.src(name)} for name, (_, label) in PAGE_KINDS.items() if name != "index.md"]
            # Any other page of its folder, after its own (titled as the page).
            others = sorted((Path(self.docs) / ws.slug).glob("*.md")) if ws.slug else []
            return items + [ws.src(path.name) for path in others if path.name not in PAGE_KINDS]

        listed: set[str] = set()
        nav: list = [{"Home": "index.md"}] if (Path(self.docs) / "index.md").exists() else []
        for sequence in self.library.sequences:
            items: list = [sequence.src]  # titled as the sequence
            for ws in sequence.worksheets:
                if ws.slug not in listed:
                    listed.add(ws.slug)
                    items.append({ws.title: worksheet_items(ws)})
            nav.append({sequence.title: items})
        for ws in self.library.worksheets:
            if ws.slug not in listed:
                nav.append({ws.title: worksheet_items(ws)})
        nav.append({"Vocabulary": vocabulary.PAGE[0]})
        if not self.student:
            nav.append({review.LABEL: review.PAGE[0]})
        return nav

    def load(self, config) -> None:
        """Loads and checks the library: stops the build on a problem, or,
        while serving, keeps the problems for the pages to show."""
        self.docs = config.docs_dir
        self.library = load_library(Path(config.docs_dir))
        problems = check_library(self.library)
        self.library = self.library.edition(student=self.student)  # checked whole, published as the edition has it
        for problem in problems:
            if problem.warning:
                log.warning(str(problem))
        errors = [p for p in problems if not p.warning]
        self.problems = errors if self.serving else []
        for problem in self.problems:
            log.error(f"{problem} (every page shows the problems until they are fixed)")
        if errors and not self.serving:
            listing = "\n".join(f"  {p}" for p in errors)
            raise PluginError(f"The worksheets have {len(errors)} problem(s):\n{listing}")

    @property
    def making_pdfs(self) -> bool:
        return self.config.pdfs and not self.serving and not self.problems

    def on_files(self, files: Files, *, config) -> Files:
        # A worksheet's data is read by the pages, never published: its
        # classroom-only records would be there for any student to download.
        for file in [f for f in files if f.src_uri.rsplit("/", 1)[-1] in (GLOSSARY, NOTES)]:
            files.remove(file)
        for name, text in self.assets.files.items():
            files.append(File.generated(config, name, content=text))
        self.vocabulary = vocabulary.Vocabulary(self.library.worksheets, self.config.vocabulary_per_page)
        for file in self.vocabulary.files(config, files):
            files.append(file)
        if not self.student and files.get_file_from_path(review.PAGE[0]) is None:
            files.append(File.generated(config, review.PAGE[0], content=review.PAGE[1]))
        for ws in self.library.worksheets:
            for name, source in GENERATED_PAGES.items():
                if files.get_file_from_path(ws.src(name)) is None:
                    files.append(File.generated(config, ws.src(name), content=source))
            files.append(File.generated(config, ws.src(TIPS), content=tips_script(ws)))
            files.append(File.generated(config, ws.src(LINES), content=lines_script(ws)))
            if self.making_pdfs:
                for kind in pdfs.kinds(student=self.student):
                    files.append(File.generated(config, ws.src(pdfs.file_name(kind)), content=b""))
        self.files = files
        self.renderer = Renderer(config, files)
        self.pages = {}
        self.render_problems = []
        return files

    # -- pages --------------------------------------------------------------

    def page_for(self, md: Markdown) -> PageRendering | None:
        """The page a Markdown instance renders: the file MkDocs resolves its
        links from names it. None for a fragment (rendering.py)."""
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        file = getattr(relpath, "file", None)
        if file is None or fragment_source(file):
            return None
        return self.pages.get(file.src_uri)

    def on_page_markdown(self, markdown, *, page, config, files):
        rendering = self.pages[page.file.src_uri] = PageRendering(self, page)
        page.meta.setdefault("hide", ["navigation"])
        self.search.claim(page)
        ws = rendering.worksheet
        if ws is not None and rendering.kind is not None and "title" not in page.meta:
            # The worksheet's name in the title: in the browser's tab, the
            # header, and each search result.
            label = PAGE_KINDS[page.file.src_uri.rsplit("/", 1)[-1]][1]
            page.meta["title"] = ws.title if rendering.kind == "overview" else f"{label} · {ws.title}"
        if ws is not None and rendering.kind is not None and "description" not in page.meta:
            page.meta["description"] = DESCRIPTIONS[rendering.kind].format(
                title=ws.title, headline=ws.article.meta.get("headline", ws.title))
        return "" if self.problems else markdown

    def on_page_content(self, html, *, page, config, files):
        rendering = self.pages[page.file.src_uri]
        try:
            html = self.page_content(html, rendering)
        except RenderError as error:
            self.failed(error)
        if not self.student and views.holds_answers(html):
            # A student who searches the web for a question does not find its
            # answer. (The page stays in sitemap.xml: Material's instant
            # navigation loads in place only the pages the sitemap lists.)
            page.meta["robots"] = "noindex"
        return html

    def failed(self, error: RenderError) -> None:
        """A page cannot be rendered: the build stops; under `mkdocs serve`,
        every page shows the problem instead, until a save fixes it."""
        if not self.serving:
            raise error
        for line in str(error).splitlines():
            self.render_problems.append(line)
            log.error(f"{line} (every page shows the problems until they are fixed)")

    def page_content(self, html: str, rendering: PageRendering) -> str:
        """The page's HTML with what the plugin adds to it; raises RenderError
        on what cannot be published."""
        page, where = rendering.page, rendering.path
        if self.editions.problems:
            problems = [f"{rendering.where(tag)}: {message}" for tag, message in self.editions.problems]
            self.editions.problems.clear()
            raise RenderError("\n".join(problems))
        unrendered = rendering.unrendered() if not self.problems else []
        if unrendered:
            raise RenderError("\n".join(
                f"{where}:{q.line}: {q.id}: this question block was read by the checker but not rendered; "
                "check that its options are indented by four spaces" for q in unrendered))
        ws = rendering.worksheet
        if ws is not None and not self.problems:
            if rendering.kind == "article":
                page.present_anchor_ids |= {f"L{n}" for n in range(1, len(ws.article) + 1)} | {"headline"}
            elif rendering.kind == "glossary":
                html += self.edition_html(self.glossary_html(rendering))
                page.present_anchor_ids |= {entry.slug for entry in ws.glossary.entries}
            elif rendering.kind == "questions":
                html += rendering.hand_in_html()
            elif rendering.kind == "sheet":
                html += self.edition_html(self.sheet_html(rendering))
            elif rendering.kind == "overview":
                html = self.edition_html(self.partial(
                    "overview.html", card=self.card(ws, rendering), pdfs=self.pdf_links(rendering),
                    sequences=self.shelves(self.library.sequences_of(ws), rendering))) + html
        elif rendering.kind in ("vocabulary", "vocabulary-letter") and not self.problems:
            added, anchors = self.vocabulary.html(rendering.src, rendering.href, self.partial)
            html += added
            page.present_anchor_ids |= anchors
        elif page.file.src_uri == review.PAGE[0] and not self.student and not self.problems:
            html += self.review_html(rendering)
        elif rendering.kind == "sequence" and not self.problems:
            html += rendering.hand_in_html() if rendering.first_question else self.sequence_documents(
                rendering.sequence, rendering)
        if self.student and CLASSROOM_ONLY in html:
            raise RenderError(f"{rendering.where(CLASSROOM_ONLY)}: 'classroom-only' is left in the student "
                              "edition's page: mark a paragraph or list item with '{ .classroom-only }' on the "
                              "line after it, a few words with '*words*{ .classroom-only }', a part with a "
                              "'/// classroom-only' block")
        left = left_as_text(html)
        if left and left[0] == "part":
            raise RenderError(f"{rendering.where(left[1])}: '{left[1]}' is left as text in the page: a part of "
                              "a question must stand inside its '//// question' block, on a row of its own, "
                              "closed by a '///' row")
        if left:
            raise RenderError(f"{rendering.where(left[1])}: '{left[1]}' is not a kind of block this site knows, so it "
                              "shows as text: use '/// details | Title', '/// note' (or tip, warning…), "
                              "'/// classroom-only', or '<div markdown>…</div>' for HTML")
        return html

    def on_page_context(self, context, *, page, config, nav):
        """The worksheet bar above a worksheet's pages, and the stylesheets and
        scripts only some pages use (overrides/main.html)."""
        context["page_assets"] = self.assets.for_page(page.content or "")
        ws = self.library.worksheet_of(page.file.src_uri) if self.library else None
        if ws is not None and not self.problems:
            here = page.file.src_uri
            context["worksheet_bar"] = {
                "title": ws.title,
                "links": [(label, self.files.get_file_from_path(ws.src(name)).url_relative_to(page.file),
                           ws.src(name) == here)
                          for name, (_, label) in PAGE_KINDS.items()
                          if self.files.get_file_from_path(ws.src(name)) is not None],
            }
        return context

    def on_env(self, env, *, config, files):
        """What the templates need to hand Material the site's search worker."""
        env.globals.update(self.search.template_globals())
        return env

    def problems_page(self) -> str:
        problems = [*self.problems, *self.render_problems]
        return self.env.get_template("partials/worksheet/problems.html").render(problems=problems)

    def on_post_page(self, output, *, page, config):
        if self.problems or self.render_problems:
            output = self.problems_page()
            return draft_review.with_review(output, page.file.src_uri, config.docs_dir) if self.serving else output
        if self.serving:
            output = draft_review.with_review(output, page.file.src_uri, config.docs_dir)
        ws = self.library.worksheet_of(page.file.src_uri)
        return self.search.mark(output, page=page, title=page.meta.get("title") or page.title or "",
                                worksheet=ws.title if ws else "")

    def on_post_build(self, *, config):
        self.renderer.check_anchors()
        if self.render_problems:  # the pages written before the problem was met show it too
            for path in Path(config.site_dir).rglob("*.html"):
                path.write_text(self.problems_page(), encoding="utf-8")
        self.search.write(Path(config.site_dir))
        if self.making_pdfs:
            pdfs.render(Path(config.site_dir), [
                (ws.slug, self.files.get_file_from_path(ws.src("worksheet.md")).url)
                for ws in self.library.worksheets], student=self.student)

    # -- what the fences ask -----------------------------------------------

    def partial(self, name: str, **context) -> str:
        return self.env.get_template(f"partials/worksheet/{name}").render(**context)

    def edition_html(self, html: str) -> str:
        """Rendered HTML as the edition has it: the student edition without
        anything classroom-only (the rule of editions.py)."""
        return without_classroom_only(html) if self.student else html

    def article_fence(self, source, language, css_class, options, md, **kwargs) -> str:
        rendering = page_of(md)
        if rendering is None or rendering.kind != "article":
            where = rendering.where("```article") if rendering else "a note or a question"
            self.failed(RenderError(f"{where}: an ```article block belongs in a worksheet's article.md"))
            return ""
        ws = rendering.worksheet
        view = views.article_view(ws, number_every=self.config.number_every, note_html=rendering.note_html,
                                  questions_href=lambda qid: rendering.href(ws.src("questions.md"), qid))
        return self.edition_html(self.partial("article.html", article=view, sheet=False,
                                              tips=rendering.href(ws.src(TIPS))))

    def sequence_documents(self, sequence, rendering: PageRendering) -> str:
        return self.partial("sequence.html", shelf=self.shelves([sequence], rendering)[0])

    # -- generated pages ----------------------------------------------------

    def review_html(self, rendering: PageRendering) -> str:
        """The review page's data and each question's text, model answer and teacher notes."""
        found = review.sheets(self.library, lambda ws: rendering.href(ws.src(LINES)))
        # Each question's text and parts, written in its page (a worksheet's
        # questions.md, a sequence's page), with their links leading there.
        sources = {ws.slug: (ws.questions.path, ws.src("questions.md")) for ws in self.library.worksheets}
        sources |= {s.src.removesuffix(".md"): (s.page.path, s.src) for s in self.library.sequences}

        def html(block, key):
            path, src = sources[key]
            return rendering.fragment(block.text, path, block.line, src) if block else None

        keys = [(sheet.key, q, html(q.written, sheet.key), html(q.answer, sheet.key), html(q.notes, sheet.key))
                for sheet, questions in found for q in questions]
        return self.partial("review.html", data=review.page_data(found), keys=keys)

    def card(self, ws: Worksheet, rendering: PageRendering) -> views.Card:
        pages = {PAGE_KINDS[name][0]: rendering.href(ws.src(name)) for name in PAGE_KINDS
                 if self.files.get_file_from_path(ws.src(name)) is not None}
        return views.card(ws, pages)

    def shelves(self, sequences, rendering: PageRendering) -> list[views.Shelf]:
        return [views.Shelf(s.title, [self.card(ws, rendering) for ws in s.worksheets], str(s.meta.get("axis") or ""),
                            rendering.href(s.src)) for s in sequences]

    def library_fence(self, source, language, css_class, options, md, **kwargs) -> str:
        rendering = page_of(md)
        if rendering is None:
            self.failed(RenderError("a ```library block belongs in a page of the site, not in a note or a question"))
            return ""
        shelves = self.shelves(self.library.sequences, rendering)
        others = self.library.unsequenced
        if others:
            shelves.append(views.Shelf("Other worksheets" if shelves else "Worksheets",
                                       [self.card(ws, rendering) for ws in others]))
        return self.partial("library.html", shelves=shelves)

    def glossary_html(self, rendering: PageRendering) -> str:
        ws = rendering.worksheet
        entries = views.glossary_view(ws, lambda n: rendering.href(ws.src("article.md"), f"L{n}"),
                                      lambda qid: rendering.href(ws.src("questions.md"), qid))
        return self.partial("glossary.html", entries=entries, letters=views.letters(ws.glossary.entries))

    def pdf_links(self, rendering: PageRendering) -> dict[str, str]:
        if not self.making_pdfs:
            return {}
        ws = rendering.worksheet
        return {kind: rendering.href(ws.src(pdfs.file_name(kind))) for kind in pdfs.kinds(student=self.student)}

    def sheet_html(self, rendering: PageRendering) -> str:
        ws = rendering.worksheet
        path = ws.questions.path
        view = views.article_view(ws, number_every=self.config.number_every, note_html=rendering.note_html,
                                  terms=False)
        questions = [(q, rendering.fragment(q.written.text, path, q.written.line),
                      rendering.fragment(q.answer.text, path, q.answer.line) if q.answer else None)
                     for q in ws.questions.questions]
        notes = [(q, rendering.fragment(q.notes.text, path, q.notes.line)) for q in ws.questions.questions if q.notes]
        return self.partial("sheet.html", total=total_points(ws.questions.questions), article=view, sheet=True, tips=None, questions=questions, notes=notes,
                            pdfs=self.pdf_links(rendering), slug=ws.slug or "worksheet",
                            answers_key=rendering.answers_key(), sheet_href=rendering.href(ws.src("worksheet.md")))
