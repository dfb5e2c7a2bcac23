"""HTML and Markdown for the worksheet's pages, from the loaded worksheet.

The article is rendered line by line: each printed line is one element whose
``id="L<n>"`` holds exactly that line's text, with the margin number and any
note markers beside it, never inside it.
"""

from __future__ import annotations

from html import escape
from typing import Callable

#: How a block of finished HTML goes into the page's Markdown. By default as
#: it is; the MkDocs hook passes a function that keeps it out of Markdown's
#: way and puts it back afterwards (see scripts/hook.py).
Raw = Callable[[str], str]


def _as_is(html: str) -> str:
    return html

from . import answer_key
from .data_script import data_script
from .glossary import Entry
from .checks import range_problem
from .model import Worksheet
from .questions import Question
from .refs import LineRange

NUMBER_EVERY = 5  # a margin number every five lines, as on the paper sheet
DEFAULT_WRITING_SPACE = 4  # ruled lines under a question that names none


# -- terms -------------------------------------------------------------------

def term_html(text: str, entry: Entry) -> str:
    """A glossary term, naming its entry. Focusable so the keyboard reaches
    it; overrides/assets/js/popups.js shows the entry's pop-up text (from
    ``glossary_tips_script``) on hover, tap and focus."""
    return f'<abbr class="term" tabindex="0" data-term="{entry.slug}">{escape(text)}</abbr>'


def glossary_tips_script(ws: Worksheet) -> str:
    """Every entry's pop-up text, by entry, as a script that joins the
    site's own (scripts/bundle_assets.py), which a browser loads once: written
    beside each of the article's 81 terms it was a quarter of the page's
    weight, fetched again on every visit."""
    return data_script("__glossaryTips", {entry.slug: entry.tooltip() for entry in ws.glossary.entries})


def marked_up(text: str, pieces: list[tuple[int, int, Entry]]) -> str:
    """``text`` escaped, with each (start, end, entry) piece as a term."""
    out, position = [], 0
    for start, end, entry in sorted(pieces, key=lambda p: p[0]):
        out.append(escape(text[position:start], quote=False))
        out.append(term_html(text[start:end], entry))
        position = end
    out.append(escape(text[position:], quote=False))
    return "".join(out)


def prose_with_terms(ws: Worksheet, text: str) -> str:
    """Plain prose (a question) with its glossary terms marked."""
    return marked_up(text, [(m.start, m.end, m.entry) for m in ws.glossary.find(text)])


# -- article lines -----------------------------------------------------------

def lines_html(ws: Worksheet, numbers: range, *, marks: dict[int, str] | None = None,
               terms: bool = True) -> str:
    """Article lines as paragraphs of line elements, each text with its
    ``id="L<n>"``.

    ``marks``: extra HTML beside a line (note markers, evidence links).
    ``terms``: mark the glossary terms with their pop-ups."""
    found = ws.matches_by_line() if terms else {}
    marks = marks or {}
    out: list[str] = []
    open_paragraph = False
    for number in numbers:
        line = ws.article.line(number)
        if line.blank or line.starts_paragraph:
            if open_paragraph:
                out.append("</p>")
                open_paragraph = False
        shown = (f'<span class="line-number" aria-hidden="true">{number}</span>' if number % NUMBER_EVERY == 0
                 else '<span class="line-number"></span>')
        ident = f' id="L{number}"'
        side = f'<span class="line-marks">{marks[number]}</span>' if number in marks else ""
        if line.blank:
            out.append(
                f'<div class="line line--blank" data-line="{number}">{shown}'
                f'<span class="line-text"{ident}></span></div>'
            )
            continue
        if not open_paragraph:
            indent = " paragraph--indent" if line.starts_paragraph and number != numbers[0] and not _after_blank(ws, number) else ""
            out.append(f'<p class="paragraph{indent}">')
            open_paragraph = True
        text = marked_up(line.text, found.get(number, []))
        out.append(
            f'<span class="line" data-line="{number}">{shown}'
            f'<span class="line-text"{ident}>{text}</span>{side}</span>\n'
        )
    if open_paragraph:
        out.append("</p>")
    return "".join(out)


def _after_blank(ws: Worksheet, number: int) -> bool:
    return number > 1 and ws.article.line(number - 1).blank


def article_header(ws: Worksheet) -> str:
    meta = ws.article.meta
    kicker = escape(str(meta.get("kicker", "")))
    headline = escape(str(meta.get("headline", "")))
    by = " · ".join(
        escape(str(meta[k])) for k in ("author", "publication", "date") if meta.get(k)
    )
    return (
        f'<header class="article-head">\n<p class="article-kicker">{kicker}</p>\n'
        f'<h1 id="headline">{headline}</h1>\n<p class="article-byline">{by}</p>\n</header>'
    )


def article_block(ws: Worksheet, *, notes: bool = True, terms: bool = True,
                  questions_url: str | None = "../questions/", raw: Raw = _as_is) -> str:
    """The whole article, numbered.

    ``notes``: beside its line, each note's number, a button that opens the
    note in a pop-up (overrides/assets/js/popups.js); under the article, the
    notes as a numbered list, as they print.
    ``terms``: mark the glossary terms with their pop-ups.
    ``questions_url``: when given, beside each line a question cites, a
    marker linking back to that question."""
    marks: dict[int, list[str]] = {}
    if questions_url is not None:
        cited = ws.citations()
        for number, ids in sorted(cited.items()):
            marks[number] = [
                f'<a class="evidence{"" if qid in cited.get(number - 1, []) else " evidence--start"}" '
                f'href="{questions_url}#{qid}" aria-label="Q{qid[1:]}: question {qid[1:]} draws on this line">Q{qid[1:]}</a>'
                for qid in ids
            ]
    items = []
    if notes:
        for i, note in enumerate(ws.notes, start=1):
            marks.setdefault(note.line, []).insert(0, (
                f'<button type="button" class="note-marker" data-note="{i}" '
                f'aria-label="Note {i}: {escape(note.phrase)}">({i})</button>'
            ))
            items.append(f"{i}.  **{escape(note.phrase, quote=False)}:** {note.text}")
    body = lines_html(ws, range(1, len(ws.article) + 1), terms=terms,
                      marks={n: "".join(m) for n, m in marks.items()})
    html = raw(f'<div class="article" data-lines="{len(ws.article)}">\n{body}\n</div>')
    if items:
        html += ('\n\n<div class="notes-list" markdown>\n\n<p class="notes-list-title">Notes</p>\n\n'
                 + "\n".join(items) + "\n\n</div>\n")
    return html


def excerpt_html(ws: Worksheet, ranges: list[LineRange]) -> str:
    """The lines a question cites, collapsed under it: generated from the
    article source, never retyped. Plain numbered lines, without ids, pop-ups
    or markers: a reminder of the text, light enough to repeat on the page
    (the line link leads to the annotated lines)."""
    parts = []
    for r in ranges:
        # An ordered list starting at the first line's number: the browser
        # numbers the lines, so the page does not repeat each number.
        rows = "".join(
            f"<li>{escape(ws.article.line(n).text, quote=False)}</li>\n"
            for n in range(r.first, r.last + 1)
        )
        parts.append(f'<ol class="excerpt-lines" start="{r.first}">\n{rows}</ol>')
    labels = [str(r) for r in ranges]
    names = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    word = "line" if len(ranges) == 1 and ranges[0].first == ranges[0].last else "lines"
    return (
        f'<details class="excerpt" data-search-exclude><summary>Reread {word} {names}</summary>'
        + '<hr class="excerpt-gap">'.join(parts)
        + "</details>"
    )


# -- questions ---------------------------------------------------------------

def question_markdown(ws: Worksheet, q: Question, *, with_answers: bool, article_page: str = "article.md",
                      sheet: bool = False, raw: Raw = _as_is) -> str:
    """One question as Markdown for the page: text, line links, excerpt, the
    answer space (ruled lines on paper, where the model answer stands in the
    answer key), and the teacher notes, unless answers are left out.

    ``sheet``: the question is part of the whole sheet, under the article
    itself: no excerpt, and the teacher notes only gathered at the end."""
    space = q.writing_space or DEFAULT_WRITING_SPACE
    parts = [f'/// html | div.question\n    attrs: {{data-question: "{q.id}"}}\n']
    parts.append(f"## Question {q.number} {{ #{q.id} }}\n")
    parts.append(f'<p class="question-text">{prose_with_terms(ws, q.text.text)}</p>\n')
    links = [
        f'[{escape(r.label(), quote=False)}]({article_page}#L{r.first}){{ .line-link data-lines="{r.first}-{r.last}" }}'
        for r in q.ranges
    ]
    if links:
        parts.append('<p class="question-lines" markdown>Lines: ' + ", ".join(links) + "</p>\n")
    shown = [r for r in q.ranges if range_problem(ws, r) is None]
    if shown and not sheet:
        parts.append(raw(excerpt_html(ws, shown)) + "\n")
    parts.append(f'/// html | div.answer-space\n    attrs: {{style: "--writing-lines: {space}"}}\n')
    parts.append('<div class="writing-space" aria-hidden="true">' + '<span class="rule"></span>' * space + "</div>\n")
    if with_answers and q.answer is not None:
        answer = _details("Model answer", "model-answer", q.answer.text)
        # On the whole sheet the answer is for the printed key only: loaded in teacher mode.
        parts.append(answer_key.marked(q.id, answer) if sheet else answer)
    parts.append("///\n")
    if with_answers and q.notes is not None and not sheet:
        parts.append(_details("Teacher notes", "teacher-note", q.notes.text))
    parts.append("///\n")
    return "\n".join(parts)


def _details(title: str, kind: str, body: str) -> str:
    """A collapsed block, kept out of the search index."""
    return f'/// details | {title}\n    type: {kind}\n    attrs: {{data-search-exclude: ""}}\n\n{body}\n\n///\n'


def gathered_notes_markdown(ws: Worksheet, *, sheet: bool = False) -> str:
    """All teacher notes after the last question, for the printed answer key
    (and, on the whole sheet, on screen too: they are its only copy). Loaded
    in teacher mode only (see answer_key)."""
    kind = "gathered-notes.gathered-notes--sheet" if sheet else "gathered-notes"
    notes = ['<p class="gathered-notes-title">Teacher notes</p>\n']
    for q in ws.questions.questions:
        if q.notes is not None and q.notes.text.strip():
            notes.append(f'<p class="gathered-notes-question">Question {q.number}</p>\n\n{q.notes.text}\n')
    return (f'/// html | section.{kind}.teacher-only\n    attrs: {{data-search-exclude: ""}}\n'
            + answer_key.marked("notes", "\n".join(notes)) + "\n///\n")


def questions_markdown(ws: Worksheet, *, with_answers: bool, article_page: str = "article.md",
                       raw: Raw = _as_is) -> str:
    """The questions page: its introduction, then every question."""
    page = ws.questions
    return page.intro.rstrip() + "\n\n" + questions_body(ws, with_answers=with_answers, article_page=article_page, raw=raw)


def questions_body(ws: Worksheet, *, with_answers: bool, article_page: str = "article.md",
                   sheet: bool = False, raw: Raw = _as_is) -> str:
    body = "\n".join(question_markdown(ws, q, with_answers=with_answers, article_page=article_page,
                                       sheet=sheet, raw=raw)
                     for q in ws.questions.questions)
    if with_answers:
        body += "\n" + gathered_notes_markdown(ws, sheet=sheet)
    return body


# -- print -------------------------------------------------------------------

SHEET_HEADER = (
    '<div class="sheet-header print-only" aria-hidden="true">'
    "<span>Name:</span><span>Class:</span><span>Date:</span></div>"
)


def vocabulary_html(ws: Worksheet) -> str:
    """The article's glossary as a compact box for paper, where pop-ups cannot go."""
    found = ws.occurrences()
    items = [
        f'<li><b>{escape(e.term)}</b> <i>{escape(e.pos)}</i> <span lang="fr">{escape(e.french)}</span></li>'
        for e in ws.glossary.entries if found[e.term]["lines"]
    ]
    return (
        '<section class="vocabulary print-only" aria-label="Vocabulary" data-search-exclude>'
        '<p class="vocabulary-title">Vocabulary</p>'
        f'<ul class="vocabulary-list">{"".join(items)}</ul></section>'
    )


# -- glossary ----------------------------------------------------------------

def glossary_letters_html(ws: Worksheet) -> str:
    """An A–Z index of the glossary: each letter that starts a term, linking
    to its first entry (a table of contents of every term would add over a
    third to the page, and sits in a drawer on phones)."""
    first: dict[str, str] = {}
    for entry in ws.glossary.entries:
        first.setdefault(entry.term[:1].upper(), entry.slug)
    links = "".join(f'<a href="#{slug}">{escape(letter)}</a>' for letter, slug in first.items())
    return f'<nav class="glossary-letters" aria-label="Terms by first letter">{links}</nav>'


def glossary_markdown(ws: Worksheet, *, article_page: str = "article.md", questions_page: str = "questions.md") -> str:
    found = ws.occurrences()
    out = [glossary_letters_html(ws)]
    for entry in ws.glossary.entries:
        where = found[entry.term]
        lines = ", ".join(f"[{n}]({article_page}#L{n})" for n in where["lines"])
        questions = ", ".join(f"[Q{qid[1:]}]({questions_page}#{qid})" for qid in where["questions"])
        places = []
        if lines:
            places.append(f"Article, line{'s' if len(where['lines']) > 1 else ''} {lines}")
        if questions:
            places.append(f"Questions: {questions}")
        forms = f' <span class="glossary-forms">also: {escape(", ".join(entry.forms))}</span>' if entry.forms else ""
        out.append(
            f'<div class="glossary-entry" markdown>\n\n## {escape(entry.term, quote=False)} {{ #{entry.slug} }}\n\n'
            f'<p class="glossary-meta"><span class="glossary-pos">{escape(entry.pos)}</span>{forms}</p>\n\n'
            f"{escape(entry.definition, quote=False)}\n\n"
            f'<p class="glossary-french"><span class="glossary-label">French:</span> <span lang="fr">{escape(entry.french)}</span></p>\n\n'
            + (f'<p class="glossary-where" markdown>{" · ".join(places)}</p>\n\n' if places else "")
            + "</div>\n"
        )
    return "\n".join(out)
