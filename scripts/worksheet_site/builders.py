"""What the site adds to a page once Markdown has rendered it, by the kind of
page (``BUILDERS``): a worksheet's facts and cards on its own page, its
glossary, its hand-in form after the questions, its printable sheet; the
vocabulary, the review page, a sequence's documents. Then what no edition
publishes stops the build at its line (``page_html``).

And the two fences a page may hold: ````` ```article ````` (the text, line by
line, in a worksheet's article.md) and ````` ```library ````` (every sequence
and worksheet as cards).

Each builder renders from the page (pages.PageRendering) and the build it
belongs to; the markup is in the partials (``overrides/partials/worksheet/``).
"""

from __future__ import annotations

import random
from typing import Callable

from markdown import Markdown
from markupsafe import Markup

from worksheet import flashcards
from worksheet.questions import total_points

from . import generated, pdfs, review, views, vocabulary as site_vocabulary
from .editions import CLASSROOM_ONLY, left_as_text
from .exercise_views import key_lines
from .pages import LINES, TIPS, PageRendering, page_of, site_of
from .site import RenderError

# -- the builders, by kind of page ----------------------------------------------


def article(page: PageRendering, html: str) -> str:
    """The article's lines, whose anchors (``#L25``) links may name."""
    page.page.present_anchor_ids |= {f"L{n}" for n in range(1, len(page.worksheet.article) + 1)} | {"headline"}
    return html


def overview(page: PageRendering, html: str) -> str:
    """A worksheet's own page: its facts, its pages and PDFs, its sequences; then what its index.md says."""
    ws, site = page.worksheet, page.site
    return site.edition_html(site.partial(
        "overview.html", card=page.card(ws), pdfs=pdf_links(page),
        sequences=page.shelves(site.library.sequences_of(ws)))) + html


def glossary(page: PageRendering, html: str) -> str:
    ws, site = page.worksheet, page.site
    entries = views.glossary_view(ws, lambda n: page.href(ws.src("article.md"), f"L{n}"),
                                  lambda qid: page.href(ws.src("questions.md"), qid))
    page.page.present_anchor_ids |= {entry.slug for entry in ws.glossary.entries}
    return html + site.edition_html(site.partial("glossary.html", entries=entries, lang=ws.language,
                                                 letters=views.letters(ws.glossary.entries),
                                                 practise=practice_links(page)))


def practice_links(page: PageRendering) -> dict[str, str]:
    """Where a worksheet's glossary leads to practise its words: the
    flashcards, the vocabulary test and its PDFs, the exports."""
    ws = page.worksheet
    links = {"practice": page.href(ws.src("practice.md")), "test": page.href(ws.src("vocabulary-test.md"))}
    links |= {kind: page.href(ws.src(name)) for kind, name in generated.export_names(ws).items()}
    links |= {kind: href for kind, href in pdf_links(page).items() if kind.startswith("vocabulary")}
    return links


def practice(page: PageRendering, html: str) -> str:
    """A worksheet's flashcards."""
    ws = page.worksheet
    return html + practice_html(page, [ws], glossary=page.href(ws.src("glossary.md")))


def vocabulary_practice(page: PageRendering, html: str) -> str:
    """The flashcards of every worksheet's terms."""
    return html + practice_html(page, page.site.library.worksheets, glossary=page.href(site_vocabulary.PAGE[0]))


def practice_html(page: PageRendering, worksheets, *, glossary: str) -> str:
    """The flashcards of ``worksheets``: the cards' data is written into the
    page (assets/js/practice.js shows them), each with the address of its line."""
    deck = []
    for ws in worksheets:
        article = ws.src("article.md")
        for card in flashcards.cards(ws):
            deck.append(card.data() | {
                "href": page.href(article, f"L{card.line}") if card.line else "",
                "languageName": flashcards.LANGUAGES.get(card.language, card.language),
                "title": ws.title})
    languages = list(dict.fromkeys(card["languageName"] for card in deck))
    return page.site.partial("practice.html", deck=views.script_json(deck), count=len(deck),
                             languages=languages, several=len(worksheets) > 1, glossary=glossary)


def vocabulary_test(page: PageRendering, html: str) -> str:
    """The printable vocabulary test: half the terms to translate into French,
    the other half from French, in an order drawn once for the worksheet (an
    A–Z list would give the answers' first letters away); in the classroom
    edition, with the answers shown in teacher mode (the key)."""
    ws, site = page.worksheet, page.site
    deck = flashcards.cards(ws)
    random.Random(ws.slug).shuffle(deck)
    language = flashcards.LANGUAGES.get(flashcards.language_of(ws), flashcards.language_of(ws))
    pdf = {kind: href for kind, href in pdf_links(page).items() if kind.startswith("vocabulary")}
    return html + site.edition_html(site.partial(
        "vocabulary-test.html", to_french=deck[0::2], from_french=deck[1::2], language=language,
        title=ws.title, pdfs=pdf, slug=ws.slug or "worksheet", glossary=page.href(ws.src("glossary.md"))))


def questions(page: PageRendering, html: str) -> str:
    return html + page.hand_in_html()


def key_html(q) -> Markup:
    """An exercise's key, written from its items: a list, an item a line."""
    return Markup('<ul class="exercise-key-list">') + Markup("").join(
        Markup("<li>%s</li>") % said for said in key_lines(q)) + Markup("</ul>")


def sheet(page: PageRendering, html: str) -> str:
    """The printed sheet: the article numbered, its notes and vocabulary box,
    each question with its ruled space; the answers and teacher notes for the key."""
    ws, site = page.worksheet, page.site
    path = ws.questions.path
    article = views.article_view(ws, number_every=site.options.number_every, note_html=page.note_html, terms=False)
    questions = [(q, page.fragment(q.written.text, path, q.written.line),
                  page.fragment(q.answer.text, path, q.answer.line) if q.answer else None)
                 for q in ws.questions.questions]
    notes = [(q, page.fragment(q.notes.text, path, q.notes.line)) for q in ws.questions.questions if q.notes]
    return html + site.edition_html(site.partial(
        "sheet.html", total=total_points(ws.questions.questions), article=article, sheet=True, tips=None,
        questions=questions, notes=notes, pdfs=pdf_links(page), slug=ws.slug or "worksheet",
        answers_key=page.answers_key(), sheet_href=page.href(ws.src("worksheet.md"))))


def vocabulary(page: PageRendering, html: str) -> str:
    """The site-wide vocabulary, or its page for one letter."""
    added, anchors = page.site.vocabulary.html(page.src, page.href, page.site.partial)
    page.page.present_anchor_ids |= anchors
    if page.kind == "vocabulary":
        added = page.site.partial("practise-links.html",
                                  links={"practice": page.href(site_vocabulary.PRACTICE[0])}) + added
    return html + added


def review_page(page: PageRendering, html: str) -> str:
    """The review page's data, and each question's text, model answer and teacher notes."""
    library = page.site.library
    found = review.sheets(library, lambda ws: page.href(ws.src(LINES)))
    # Each question's text and parts, written in its page (a worksheet's
    # questions.md, a sequence's page), with their links leading there.
    sources = {ws.slug: (ws.questions.path, ws.src("questions.md")) for ws in library.worksheets}
    sources |= {s.src.removesuffix(".md"): (s.page.path, s.src) for s in library.sequences}

    def fragment(block, key):
        path, src = sources[key]
        return page.fragment(block.text, path, block.line, src) if block else None

    keys = [(sheet.key, q, fragment(q.written, sheet.key),
             key_html(q) if q.exercise is not None else fragment(q.answer, sheet.key),
             fragment(q.notes, sheet.key), sheet.sources[0]["language"]) for sheet, questions in found for q in questions]
    return html + page.site.partial("review.html", data=review.page_data(found), keys=keys)


def sequence(page: PageRendering, html: str) -> str:
    """After a sequence's text: its final task's hand-in form, or, without
    a final task, its documents (with one, they stand before its first question)."""
    return html + (page.hand_in_html() if page.first_question else page.sequence_documents())


#: What each kind of page gets (pages.PageRendering.kind); the others, nothing.
BUILDERS: dict[str, Callable[[PageRendering, str], str]] = {
    "overview": overview, "article": article, "questions": questions, "glossary": glossary, "sheet": sheet,
    "vocabulary": vocabulary, "vocabulary-letter": vocabulary, "review": review_page, "sequence": sequence,
    "practice": practice, "vocabulary-practice": vocabulary_practice, "vocabulary-test": vocabulary_test,
}


def pdf_links(page: PageRendering) -> dict[str, str]:
    site = page.site
    if not site.making_pdfs:
        return {}
    return {kind: page.href(page.worksheet.src(pdfs.file_name(kind))) for kind in pdfs.kinds(student=site.student)}


def page_html(page: PageRendering, html: str) -> str:
    """The page's HTML with what its kind adds; raises ``RenderError`` on
    what cannot be published. Nothing is added to a page that met a problem
    while rendering: its cause is said, not what follows from it."""
    problems = page.site.problems
    build = BUILDERS.get(page.kind)
    if build is not None and not page.site.blocked and not problems.pending:
        html = build(page, html)
    if not problems.pending:
        check_published(page, html)
    return todo_list(page) + html


def todo_list(page: PageRendering) -> str:
    """While serving, at the top of a worksheet's pages: the TODOs still to
    write in it, each at its file and line (a build refuses them)."""
    todos = page.site.problems.todos.get(page.worksheet.slug) if page.worksheet else None
    return page.site.partial("todos.html", todos=todos) if todos and not page.site.blocked else ""


def check_published(page: PageRendering, html: str) -> None:
    if page.site.student and CLASSROOM_ONLY in html:
        raise RenderError(f"{page.where(CLASSROOM_ONLY)}: 'classroom-only' is left in the student "
                          "edition's page: mark a paragraph or list item with '{ .classroom-only }' on the "
                          "line after it, a few words with '*words*{ .classroom-only }', a part with a "
                          "'/// classroom-only' block")
    left = left_as_text(html)
    if left and left[0] == "part":
        raise RenderError(f"{page.where(left[1])}: '{left[1]}' is left as text in the page: a part of "
                          "a question must stand inside its '//// question' block, on a row of its own, "
                          "closed by a '///' row")
    if left:
        raise RenderError(f"{page.where(left[1])}: '{left[1]}' is not a kind of block this site knows, so it "
                          "shows as text: use '/// details | Title', '/// note' (or tip, warning…), "
                          "'/// classroom-only', or '<div markdown>…</div>' for HTML")


# -- the fences (pymdownx.superfences custom fences) ------------------------------


def article_fence(source, language, css_class, options, md: Markdown, **kwargs) -> str:
    """The article, line by line as on the paper sheet, with its notes,
    glossary terms and the questions that cite each line."""
    page = page_of(md)
    if page is None or page.kind != "article":
        where = page.where("```article") if page else "a note or a question"
        site_of(md).problems.add(RenderError(f"{where}: an ```article block belongs in a worksheet's article.md"))
        return ""
    ws, site = page.worksheet, page.site
    view = views.article_view(ws, number_every=site.options.number_every, note_html=page.note_html,
                              questions_href=lambda qid: page.href(ws.src("questions.md"), qid))
    return site.edition_html(site.partial("article.html", article=view, sheet=False, tips=page.href(ws.src(TIPS))))


def library_fence(source, language, css_class, options, md: Markdown, **kwargs) -> str:
    """Every sequence and its worksheets as cards, then the worksheets of no sequence."""
    page = page_of(md)
    if page is None:
        site_of(md).problems.add(
            RenderError("a ```library block belongs in a page of the site, not in a note or a question"))
        return ""
    library = page.site.library
    shelves = page.shelves(library.sequences)
    others = library.unsequenced
    if others:
        shelves.append(views.Shelf(page.site.t("pages.other_worksheets" if shelves else "pages.worksheets"), [page.card(ws) for ws in others]))
    return page.site.partial("library.html", shelves=shelves)
