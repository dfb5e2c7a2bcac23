"""MkDocs hook: builds the worksheet pages from the content and refuses to
publish a worksheet that breaks its promises.

- ``on_config`` loads the worksheet and runs every check: a problem stops the
  build (``mkdocs build`` and ``mkdocs serve`` alike) with the full list.
- ``on_page_markdown`` turns the article, questions, glossary and worksheet
  pages into their rendered form. It works before Material's search plugin
  indexes the page, so what the student edition leaves out is never indexed.
- ``on_page_content`` puts back the finished HTML kept out of Markdown's way
  (see ``Stash``) and gives line links their whole range.
- ``on_page_context`` gives the glossary page its letter index instead of a
  table of contents.
- ``on_env``, ``on_post_page`` and ``on_post_build`` move the teacher-only
  parts the pages mark (the whole sheet's model answers, the notes gathered
  for the printed answer key) into one script that teacher mode loads (see
  ``worksheet/answer_key.py``).

``SITE_EDITION=student`` builds the student edition: no model answers, no
teacher notes, no teacher toggle.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from worksheet import WorksheetError, load_worksheet  # noqa: E402
from worksheet import answer_key, render  # noqa: E402
from worksheet.article import FENCE_OPEN  # noqa: E402
from worksheet.checks import check  # noqa: E402

log = get_plugin_logger("worksheet")

EDITIONS = ("classroom", "student")
_state: dict = {}


def edition() -> str:
    value = os.environ.get("SITE_EDITION", "classroom").strip().lower() or "classroom"
    if value not in EDITIONS:
        raise PluginError(f"SITE_EDITION={value!r}: use one of {', '.join(EDITIONS)}")
    return value


def on_config(config):
    try:
        worksheet = load_worksheet(Path(config.docs_dir))
    except WorksheetError as exc:
        raise PluginError(f"Cannot read the worksheet: {exc.problem}") from None
    problems = check(worksheet)
    for problem in problems:
        if problem.warning:
            log.warning(str(problem))
    errors = [p for p in problems if not p.warning]
    if errors:
        listing = "\n".join(f"  {p}" for p in errors)
        raise PluginError(f"The worksheet has {len(errors)} problem(s):\n{listing}")
    _state["worksheet"] = worksheet
    _state["edition"] = edition()
    _state["answer_key"] = {}
    # The glossary's pop-up texts, joined into the site's script by bundle_assets.py.
    config.extra["generated_javascript"] = [render.glossary_tips_script(worksheet)]
    config.extra["edition"] = _state["edition"]
    # Whether this build is the offline copy (Material's offline plugin), for
    # the templates and the hooks listed after this one.
    offline = config.plugins.get("material/offline")
    config.extra["offline"] = bool(offline and offline.config.enabled)
    # Search waits until it is used (overrides/assets/js/search-on-demand.js),
    # except in the offline copy, where Material already makes it wait.
    config.extra["search_on_demand"] = not config.extra["offline"]
    if _state["edition"] == "student":
        # Nothing of teacher mode ships in the student edition.
        config.extra_javascript = [js for js in config.extra_javascript if "teacher" not in str(js)]
        config.extra_css = [css for css in config.extra_css if "teacher" not in css]
    return config


class Stash:
    """Finished HTML kept out of Markdown's way.

    The article's lines, the excerpts and the vocabulary box are complete
    HTML; handing them to Markdown only makes it parse them again (most of
    the build's time). Markdown gets a one-line placeholder instead, and
    ``on_page_content`` puts the HTML back and tells MkDocs which ids it
    holds, so that links to ``#L25`` are still validated."""

    _PLACEHOLDER = re.compile(r'<div data-worksheet-stash="(\d+)"></div>')
    _ID = re.compile(r'\bid="([^"]+)"')

    def __init__(self):
        self.blocks: list[str] = []

    def __call__(self, html: str) -> str:
        self.blocks.append(html)
        return f'<div data-worksheet-stash="{len(self.blocks) - 1}"></div>'

    def restore(self, html: str, page) -> str:
        restored = self._PLACEHOLDER.sub(lambda m: self.blocks[int(m.group(1))], html)
        if page.present_anchor_ids is not None:
            for block in self.blocks:
                page.present_anchor_ids.update(self._ID.findall(block))
        self.blocks.clear()
        return restored


_stash = Stash()


def on_page_markdown(markdown, page, config, files):
    worksheet = _state["worksheet"]
    with_answers = _state["edition"] != "student"
    source = page.file.src_uri
    if source == "article.md":
        return _article_page(worksheet, markdown)
    if source == "questions.md":
        return _stash(render.SHEET_HEADER) + "\n\n" + render.questions_markdown(
            worksheet, with_answers=with_answers, raw=_stash)
    if source == "worksheet.md":
        return _worksheet_page(worksheet, markdown, with_answers)
    if source == "glossary.md":
        return markdown.rstrip() + "\n\n" + render.glossary_markdown(worksheet)
    return markdown if with_answers else _CLASSROOM_ONLY.sub("", markdown)


#: Parts of a page meant for the classroom edition only (teacher instructions,
#: the answer key's link): a ``<div class="classroom-only" markdown>`` block
#: or an inline ``<span class="classroom-only …">``.
_CLASSROOM_ONLY = re.compile(
    r'^<div class="classroom-only" markdown>\n.*?\n</div>\n|<span class="classroom-only[^"]*">.*?</span>',
    re.DOTALL | re.MULTILINE,
)


def on_env(env, config, files):
    """Every page has its content by now: name the answer-key script after it."""
    if "generated_javascript" in config.extra:
        raise PluginError("mkdocs.yml: the glossary's pop-up texts would not ship: list "
                          "scripts/bundle_assets.py after scripts/hook.py under hooks")
    parts = _state["answer_key"]
    script = answer_key.script(parts) if parts else None
    _state["answer_key_file"] = (answer_key.file_name(script), script) if script else None
    return env


def on_post_page(output, page, config):
    if _state.get("answer_key_file") is None or answer_key.SOURCE_TOKEN not in output:
        return output
    name, _ = _state["answer_key_file"]
    return output.replace(answer_key.SOURCE_TOKEN, get_relative_url(name, page.url))


def on_post_build(config):
    """Writes the answer-key script. The student edition ships no file of
    teacher mode at all."""
    site = Path(config.site_dir)
    if _state.get("answer_key_file") is not None:
        name, script = _state["answer_key_file"]
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(script, encoding="utf-8")
    if _state.get("edition") == "student":
        for name in ("assets/js/teacher.js", "assets/css/teacher.css"):
            (site / name).unlink(missing_ok=True)


_LINE_LINK = re.compile(r'<a\b(?=[^>]*\bclass="line-link")(?=[^>]*\bdata-lines="(?P<lines>\d+-\d+)")[^>]*>')


def on_page_content(html, page, config, files):
    """Line links carry their whole range, so the article can highlight every
    cited line: ``../article/#L25`` becomes ``../article/?lines=25-29#L25``."""

    def add_range(match):
        tag = match.group(0).replace(f' data-lines="{match.group("lines")}"', "")  # now in the address
        return re.sub(r'href="([^"#?]*)#', lambda m: f'href="{m.group(1)}?lines={match.group("lines")}#', tag, count=1)

    html = _LINE_LINK.sub(add_range, _stash.restore(html, page))
    try:
        html, parts = answer_key.take_apart(html, page.file.src_uri)
    except answer_key.AnswerKeyError as exc:
        raise PluginError(str(exc)) from None
    for name, body in parts.items():
        known = _state["answer_key"].setdefault(name, body)
        if known != body:
            raise PluginError(f"{page.file.src_uri}: answer-key part {name!r} differs from another page's")
    return html


def on_page_context(context, page, config, nav):
    """The glossary page has its letter index instead of a table of contents
    of its 62 entries. Runs after the search plugin has indexed the page,
    entry by entry."""
    if page.file.src_uri == "glossary.md":
        page.toc = TableOfContents([])
    return context


def _article_page(worksheet, markdown: str) -> str:
    rows = markdown.split("\n")
    start = next(i for i, row in enumerate(rows) if FENCE_OPEN.match(row))
    end = next(i for i in range(start + 1, len(rows)) if rows[i].strip() == "```")
    before, after = "\n".join(rows[:start]), "\n".join(rows[end + 1 :])
    return "\n\n".join([_stash(render.SHEET_HEADER + "\n" + render.article_header(worksheet)), before,
                          render.article_block(worksheet, raw=_stash), _stash(render.vocabulary_html(worksheet)), after])


def _worksheet_page(worksheet, markdown: str, with_answers: bool) -> str:
    """The whole sheet on one page, article then questions, to print in one go."""
    intro = markdown if with_answers else _CLASSROOM_ONLY.sub("", markdown)
    return "\n\n".join([
        intro,
        _stash(render.SHEET_HEADER + "\n" + render.article_header(worksheet)),
        # Definitions and evidence markers stay on the article page: the sheet
        # is for paper, where the vocabulary box takes their place.
        render.article_block(worksheet, questions_url=None, terms=False, raw=_stash),
        _stash(render.vocabulary_html(worksheet)),
        '<h2 class="sheet-questions-title" id="questions">Questions</h2>',
        render.questions_body(worksheet, with_answers=with_answers, article_page="", sheet=True, raw=_stash),
    ])
