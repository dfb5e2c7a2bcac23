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

import posixpath
from pathlib import Path

import jinja2
import markdown as markdown_lib
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from worksheet import Worksheet
from worksheet.data_script import worksheet_script
from worksheet.library import Library, load_library
from worksheet.library_checks import check_library
from worksheet.questions import Question, expected_words

from . import assets, pdfs, views
from .search import SiteSearch
from .config import WorksheetConfig
from .editions import CLASSROOM_ONLY, EditionsExtension, without_classroom_only
from .question_blocks import QuestionsExtension

log = get_plugin_logger("worksheet")

#: What each page of a worksheet folder is, by its file name, and its name in menus.
PAGE_KINDS = {"index.md": ("overview", "About"), "article.md": ("article", "Article"),
              "questions.md": ("questions", "Questions"), "glossary.md": ("glossary", "Glossary"),
              "worksheet.md": ("sheet", "Worksheet")}
#: Pages a worksheet gets when its folder does not hold them: front matter only.
GENERATED_PAGES = {
    # Out of the search index: searching finds the terms where they stand in
    # the text, whose pop-ups define them; the index every first visit
    # downloads stays a third lighter.
    "glossary.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
    "worksheet.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
}
#: The site-wide vocabulary, when the docs folder has no glossary.md of its own.
#: Out of the search index: it repeats the worksheets' glossaries, which are in it.
VOCABULARY = ("glossary.md", "---\ntitle: Vocabulary\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n")
#: A worksheet page's description for search engines, unless its front matter gives one.
DESCRIPTIONS = {
    "overview": "{title}: a reading worksheet on “{headline}”, with its text, questions and glossary.",
    "article": "“{headline}”, line by line as on the paper sheet, with definitions and notes.",
    "questions": "Questions on “{headline}”, each linked to the lines of the text it draws on.",
    "glossary": "The words explained in “{headline}”, with their French and the lines where they occur.",
    "sheet": "“{headline}” as a worksheet to print: the text, then the questions with room to write.",
}
TIPS = "glossary-tips.js"
#: What the short pieces of Markdown rendered apart from a page may use.
FRAGMENT_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "sane_lists"]
LINES = "article-lines.js"
OFFLINE_SHIM = "assets/js/vendor/iframe-worker-shim.js"


def tips_script(ws: Worksheet) -> str:
    """The worksheet's pop-up texts, by entry, as a script the pop-ups load
    (overrides/assets/js/popups.js)."""
    return worksheet_script("__glossaryTips", ws.slug, {entry.slug: entry.tooltip() for entry in ws.glossary.entries})


def lines_script(ws: Worksheet) -> str:
    """The article's printed lines ("" for a blank one), as a script the
    answer boxes load to check quotations (overrides/assets/js/answers.js)."""
    return worksheet_script("__articleLines", ws.slug, [line.text for line in ws.article.lines])


class _Rendering:
    """The page being rendered: its worksheet or sequence, what it is, its next question."""

    def __init__(self, library: Library, page):
        self.page = page
        src = page.file.src_uri
        self.worksheet: Worksheet | None = library.worksheet_of(src)
        self.sequence = library.sequence_of(src)
        name = src.rsplit("/", 1)[-1]
        self.kind = PAGE_KINDS.get(name, (None,))[0] if self.worksheet else None
        if self.sequence:
            self.kind = "sequence"
        elif src == "index.md" and self.worksheet is None:
            self.kind = "home"
        elif src == VOCABULARY[0] and self.worksheet is None:
            self.kind = "vocabulary"
        if self.kind == "questions":
            questions = self.worksheet.questions.questions
        elif self.kind == "sequence":
            questions = self.sequence.page.questions
        else:
            questions = []
        self.first_question = questions[0] if questions else None
        self.questions = iter(questions)


class WorksheetPlugin(BasePlugin[WorksheetConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.library: Library | None = None
        self.problems = []  # under `mkdocs serve`: what the pages show instead
        self.rendering: _Rendering | None = None
        self.files: Files | None = None

    # -- set-up -------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    @property
    def student(self) -> bool:
        return self.config.edition == "student"

    def on_config(self, config):
        self.editions = EditionsExtension(student=self.student)
        config.markdown_extensions.extend([self.editions, QuestionsExtension(self)])
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
        self.assets = assets.site_assets(dirs, [str(u) for u in config.extra_css],
                                         [str(u) for u in config.extra_javascript])
        config.extra_css, config.extra_javascript = self.assets.css, self.assets.js
        # Notes, and on the printed sheet the questions, answers and teacher
        # notes: short prose, rendered apart from their page.
        self.fragments = markdown_lib.Markdown(extensions=FRAGMENT_EXTENSIONS)
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
            return items + [{label: ws.src(name)} for name, (_, label) in PAGE_KINDS.items() if name != "index.md"]

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
        nav.append({"Vocabulary": VOCABULARY[0]})
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
        for name, text in self.assets.files.items():
            files.append(File.generated(config, name, content=text))
        if files.get_file_from_path(VOCABULARY[0]) is None:
            files.append(File.generated(config, VOCABULARY[0], content=VOCABULARY[1]))
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
        return files

    # -- pages --------------------------------------------------------------

    def on_page_markdown(self, markdown, *, page, config, files):
        self.rendering = rendering = _Rendering(self.library, page)
        page.meta.setdefault("hide", ["navigation"])
        self.search.claim(page)
        ws = rendering.worksheet
        if ws is not None and "title" not in page.meta:
            # The worksheet's name in the title: in the browser's tab, the
            # header, and each search result.
            label = PAGE_KINDS[page.file.src_uri.rsplit("/", 1)[-1]][1]
            page.meta["title"] = ws.title if rendering.kind == "overview" else f"{label} · {ws.title}"
        if ws is not None and "description" not in page.meta:
            page.meta["description"] = DESCRIPTIONS[rendering.kind].format(
                title=ws.title, headline=ws.article.meta.get("headline", ws.title))
        return "" if self.problems else markdown

    def on_page_content(self, html, *, page, config, files):
        rendering = self.rendering
        where = page.file.src_uri
        if self.editions.problems:
            problems = [f"{where}: {problem}" for problem in self.editions.problems]
            self.editions.problems.clear()
            raise PluginError("\n".join(problems))
        ws = rendering.worksheet
        if ws is not None and not self.problems:
            if rendering.kind == "article":
                page.present_anchor_ids |= {f"L{n}" for n in range(1, len(ws.article) + 1)} | {"headline"}
            elif rendering.kind == "glossary":
                html += self.edition_html(self.glossary_html(ws, page))
                page.present_anchor_ids |= {entry.slug for entry in ws.glossary.entries}
            elif rendering.kind == "questions":
                html += self.hand_in_html()
            elif rendering.kind == "sheet":
                html += self.edition_html(self.sheet_html(ws, page))
            elif rendering.kind == "overview":
                html = self.edition_html(self.partial("overview.html", card=self.card(ws), pdfs=self.pdf_links(ws),
                                                      sequences=self.shelves(self.library.sequences_of(ws)))) + html
        elif rendering.kind == "vocabulary" and not self.problems:
            entries = self.vocabulary_entries()
            html += self.partial("vocabulary.html", entries=entries, letters=views.letters(entries))
            page.present_anchor_ids |= {item.slug for item in entries}
        elif rendering.kind == "sequence" and not self.problems:
            html += self.hand_in_html() if rendering.first_question else self.sequence_documents(rendering.sequence)
        if self.student and CLASSROOM_ONLY in html:
            raise PluginError(f"{where}: 'classroom-only' is left in the student edition's page: mark a paragraph "
                              "or list item with '{ .classroom-only }' on the line after it, a few words with "
                              "'*words*{ .classroom-only }', a part with a '/// classroom-only' block")
        self.rendering = None
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

    def on_post_page(self, output, *, page, config):
        if self.problems:
            return self.env.get_template("partials/worksheet/problems.html").render(problems=self.problems)
        ws = self.library.worksheet_of(page.file.src_uri)
        return self.search.mark(output, page=page, title=page.meta.get("title") or page.title or "",
                                worksheet=ws.title if ws else "")

    def on_post_build(self, *, config):
        self.search.write(Path(config.site_dir))
        if self.making_pdfs:
            pdfs.render(Path(config.site_dir), [
                (ws.slug, self.files.get_file_from_path(ws.src("worksheet.md")).url)
                for ws in self.library.worksheets], student=self.student)

    # -- what the fence and the blocks ask ----------------------------------

    def href(self, src_uri: str, anchor: str = "") -> str:
        """The address of a page of the site from the page being rendered."""
        target = self.files.get_file_from_path(src_uri)
        if target is None:
            raise PluginError(f"{self.rendering.page.file.src_uri}: links to {src_uri}, which is not in the site")
        url = target.url_relative_to(self.rendering.page.file)
        return f"{url}#{anchor}" if anchor else url

    def markdown_target(self, src_uri: str) -> str:
        """``src_uri`` as a Markdown link target from the page being rendered,
        for MkDocs to resolve and validate."""
        here = posixpath.dirname(self.rendering.page.file.src_uri) or "."
        return posixpath.relpath(src_uri, here)

    def inline(self, text: str) -> Markup:
        """A short piece of Markdown (a note) as HTML, without its paragraph."""
        html = self.render_fragment(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)

    def render_fragment(self, text: str) -> Markup:
        self.fragments.reset()
        return Markup(self.fragments.convert(text))

    def partial(self, name: str, **context) -> str:
        return self.env.get_template(f"partials/worksheet/{name}").render(**context)

    def edition_html(self, html: str) -> str:
        """Rendered HTML as the edition has it: the student edition without
        anything classroom-only (the rule of editions.py)."""
        return without_classroom_only(html) if self.student else html

    def article_fence(self, source, language, css_class, options, md, **kwargs) -> str:
        rendering = self.rendering
        if rendering is None or rendering.kind != "article":
            where = rendering.page.file.src_uri if rendering else "a page"
            raise PluginError(f"{where}: an ```article block belongs in a worksheet's article.md")
        ws = rendering.worksheet
        view = views.article_view(ws, number_every=self.config.number_every, note_html=self.inline,
                                  questions_href=lambda qid: self.href(ws.src("questions.md"), qid))
        return self.edition_html(self.partial("article.html", article=view, sheet=False, tips=self.href(ws.src(TIPS))))

    def next_question(self, options: dict) -> Question:
        rendering = self.rendering
        question = next(rendering.questions, None) if rendering else None
        if question is None:
            where = rendering.page.file.src_uri if rendering else "a page"
            raise PluginError(f"{where}: a '//// question' block stands where no question is expected "
                              "(questions belong in a worksheet's questions.md)")
        if " ".join(str(options.get("lines", "")).split()) != question.lines_option:
            raise PluginError(f"{rendering.page.file.src_uri}:{question.line}: the question block was read "
                              "differently by the checker and by Markdown; check its indentation")
        return question

    def cited(self, question: Question) -> list[tuple[Worksheet, list]]:
        """The worksheets a question cites, each with the ranges it cites there."""
        out: dict[str, tuple[Worksheet, list]] = {}
        for ref in question.refs:
            ws = self.rendering.worksheet if ref.worksheet is None else self.library.worksheet(ref.worksheet)
            out.setdefault(ws.slug, (ws, []))[1].append(ref.range)
        return list(out.values())

    def question_links(self, question: Question) -> list[tuple[str, str]]:
        links = []
        cited = self.cited(question)
        several = len(cited) > 1 or self.rendering.kind == "sequence"
        for ws, ranges in cited:
            target = self.markdown_target(ws.src("article.md"))
            for r in ranges:
                label = f"{ws.title}, {r.label()}" if several else r.label()
                links.append((label, f"{target}?lines={r.first}-{r.last}#L{r.first}"))
        return links

    def excerpt_html(self, question: Question) -> str:
        cited = self.cited(question)
        if not cited:
            return ""
        several = len(cited) > 1 or self.rendering.kind == "sequence"
        groups = [(ws.title if several else "", views.excerpts(ws, ranges)) for ws, ranges in cited]
        label = "the lines cited" if several else views.ranges_label(cited[0][1])
        return self.partial("excerpt.html", groups=groups, label=label)

    def before_question(self, question: Question) -> str:
        """Before the first question: on a sequence's page, its worksheets;
        on every page, how the answer boxes work."""
        rendering = self.rendering
        if question is not rendering.first_question:
            return ""
        documents = self.sequence_documents(rendering.sequence) if rendering.kind == "sequence" else ""
        return documents + self.partial("answers-intro.html")

    def sequence_documents(self, sequence) -> str:
        return self.partial("sequence.html", shelf=self.shelves([sequence])[0])

    def writing_space_html(self, question: Question) -> str:
        return self.partial("writing-space.html", lines=question.writing_lines)

    # -- the student's answers (overrides/assets/js/answers.js) -------------

    def answers_key(self) -> str:
        """Where the answers of the page being rendered are saved on the
        device: under its worksheet's folder, or its sequence's page."""
        rendering = self.rendering
        if rendering.sequence:
            return rendering.sequence.src.removesuffix(".md")
        return rendering.worksheet.slug or "worksheet"

    def answer_box_html(self, question: Question) -> str:
        """The box a student writes their answer in, under the question. Its
        quotations are looked for in the page's article, or in each article
        of the sequence (by their line scripts)."""
        rendering = self.rendering
        worksheets = rendering.sequence.worksheets if rendering.sequence else [rendering.worksheet]
        sources = [{"worksheet": ws.slug, "src": self.href(ws.src(LINES)), "title": ws.title} for ws in worksheets]
        lines = question.writing_lines
        return self.partial("answer-box.html", question=question, key=self.answers_key(), sources=sources,
                            lines=lines, words=expected_words(lines))

    def hand_in_html(self) -> str:
        """After the last question: the name and class, and handing the answers in."""
        rendering = self.rendering
        ws = rendering.worksheet
        sheet = ws and self.files.get_file_from_path(ws.src("worksheet.md"))
        key = self.answers_key()
        return self.partial("hand-in.html", key=key, title=rendering.sequence.title if rendering.sequence else ws.title,
                            file=f"{posixpath.basename(key)}-answers",
                            print_href=f"{self.href(ws.src('worksheet.md'))}?mine=1&print=1" if sheet else "")

    def glossary(self):
        ws = self.rendering.worksheet if self.rendering else None
        return ws.glossary if ws else None

    def tips(self) -> tuple[str, str]:
        """(worksheet, address of its pop-up texts) for the terms of the page
        being rendered; empty on a page of no worksheet."""
        ws = self.rendering.worksheet
        return (ws.slug, self.href(ws.src(TIPS))) if ws else ("", "")

    # -- generated pages ----------------------------------------------------

    def card(self, ws: Worksheet) -> views.Card:
        pages = {PAGE_KINDS[name][0]: self.href(ws.src(name)) for name in PAGE_KINDS
                 if self.files.get_file_from_path(ws.src(name)) is not None}
        return views.card(ws, pages)

    def shelves(self, sequences) -> list[views.Shelf]:
        return [views.Shelf(s.title, [self.card(ws) for ws in s.worksheets], str(s.meta.get("axis") or ""),
                            self.href(s.src)) for s in sequences]

    def library_fence(self, source, language, css_class, options, md, **kwargs) -> str:
        shelves = self.shelves(self.library.sequences)
        others = self.library.unsequenced
        if others:
            shelves.append(views.Shelf("Other worksheets" if shelves else "Worksheets", [self.card(ws) for ws in others]))
        return self.partial("library.html", shelves=shelves)

    def vocabulary_entries(self) -> list[views.VocabularyEntry]:
        return views.vocabulary(self.library.worksheets, lambda ws, n: self.href(ws.src("article.md"), f"L{n}"))

    def glossary_html(self, ws: Worksheet, page) -> str:
        entries = views.glossary_view(ws, lambda n: self.href(ws.src("article.md"), f"L{n}"),
                                      lambda qid: self.href(ws.src("questions.md"), qid))
        return self.partial("glossary.html", entries=entries, letters=views.letters(ws.glossary.entries))

    def pdf_links(self, ws: Worksheet) -> dict[str, str]:
        if not self.making_pdfs:
            return {}
        return {kind: self.href(ws.src(pdfs.file_name(kind))) for kind in pdfs.kinds(student=self.student)}

    def sheet_html(self, ws: Worksheet, page) -> str:
        view = views.article_view(ws, number_every=self.config.number_every, note_html=self.inline, terms=False)
        questions = [(q, self.render_fragment(q.text.text),
                      self.render_fragment(q.answer.text) if q.answer else None)
                     for q in ws.questions.questions]
        notes = [(q, self.render_fragment(q.notes.text)) for q in ws.questions.questions if q.notes]
        return self.partial("sheet.html", article=view, sheet=True, tips=None, questions=questions, notes=notes,
                            pdfs=self.pdf_links(ws), slug=ws.slug or "worksheet", answers_key=self.answers_key(),
                            sheet_href=self.href(ws.src("worksheet.md")))
