"""The two editions of the real site: the classroom edition keeps answers out
of the search index; the student edition has none of its answers, teacher
notes or classroom-only parts in any file it writes, PDFs included, and keeps
the same pages and lines."""

from __future__ import annotations

import re
import zipfile

import pytest

from support import ROOT, normalise, pdf_text, soup, text
from support_search import indexed_text

from worksheet.library import load_library

ANSWERS = "details.model-answer, details.teacher-note, .classroom-only"
LIBRARY = load_library(ROOT / "docs")
WORKSHEETS = [ws.slug for ws in LIBRARY.worksheets]
QUESTION_PAGES = [f"{slug}/questions/" for slug in WORKSHEETS] + [f"sequences/{s.slug}/" for s in LIBRARY.sequences]


#: A line mention's abbreviation, in any language: it does not end a sentence ("(Z. 4)", "(l. 12)").
MENTION = re.compile(r"(?:^|[\s(])(?:l|ll|Z|S|r|rr)\.$")


def split_sentences(value: str) -> list[str]:
    """``value`` cut after each full stop, colon, semicolon, ! and ?, but not after "l." or "Z."."""
    pieces: list[str] = []
    for piece in re.split(r"(?<=[.!?:;])\s+", value):
        if pieces and MENTION.search(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return pieces


def sentences_of(site, selector: str) -> list[str]:
    """Every sentence of the parts ``selector`` finds on the pages that have
    them, except what the article pages say too (the text, its notes)."""
    public = " ".join(normalise(text(soup(site, f"{ws}/article/").select_one("article")))
                      for ws in WORKSHEETS)
    sentences = set()
    for page in QUESTION_PAGES + [""]:
        for block in soup(site, page).select(selector):
            for summary in block.select("summary"):
                summary.decompose()
            for item in block.find_all(["p", "li"]):
                for piece in split_sentences(item.get_text(" ")):
                    sentence = normalise(piece)
                    if len(sentence.split()) >= 4 and sentence not in public:
                        sentences.add(sentence)
    return sorted(sentences)


@pytest.fixture(scope="module")
def answer_sentences(site):
    """Every sentence of every model answer, teacher note and classroom-only part."""
    sentences = sentences_of(site, ANSWERS)
    assert len(sentences) > 150
    return sentences


def readable(path) -> str:
    """What a reader (or a search engine) could read in a built file."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".apkg":  # an Anki deck: a zip of a database
        with zipfile.ZipFile(path) as deck:
            return " ".join(deck.read(name).decode("utf-8", errors="ignore") for name in deck.namelist())
    raw = path.read_bytes().decode("utf-8", errors="ignore")
    if path.suffix in (".html", ".json", ".xml"):
        return raw + "\n" + re.sub(r"<[^>]+>", " ", raw.replace("\\n", " "))
    return raw


def test_the_classroom_search_index_holds_no_answer(site):
    answers = sentences_of(site, "details.model-answer, details.teacher-note")
    index = normalise(indexed_text(site))
    assert len(answers) > 150
    assert len(index) > 10_000  # the articles and questions are indexed
    assert [s for s in answers if s in index] == []


@pytest.mark.pdf
@pytest.mark.browser  # chromium prints the PDFs
def test_no_answer_sentence_in_any_file_of_the_student_edition(pdf_student_site, answer_sentences):
    student_site = pdf_student_site
    files = [p for p in student_site.rglob("*") if p.is_file()]
    # Each worksheet's sheet and vocabulary test; no key.
    assert sorted(p.name for p in files if p.suffix == ".pdf") == sorted(["worksheet.pdf", "vocabulary-test.pdf"]
                                                                         * len(WORKSHEETS))
    leaks = []
    for path in files:
        content = normalise(readable(path))
        leaks += [(path.relative_to(student_site).as_posix(), s) for s in answer_sentences if s in content]
    assert leaks == []


def test_the_leak_detector_finds_the_answers_where_they_are(site, answer_sentences):
    """The same comparison on the classroom edition finds every sentence, so
    an empty result on the student edition means something."""
    content = " ".join(normalise(readable(site / page / "index.html")) for page in QUESTION_PAGES + [""])
    assert [s for s in answer_sentences if s not in content] == []


def test_the_student_edition_keeps_the_same_pages_lines_and_questions(site, student_site):
    pages = lambda root: sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    # All but the teacher's review page, which the student edition has not.
    assert pages(student_site) == [page for page in pages(site) if page != "review/index.html"]
    for page in (f"{slug}/article/" for slug in WORKSHEETS):
        lines = lambda root: [(e["id"], text(e)) for e in soup(root, page).select(".line-text[id]")]
        assert lines(student_site) == lines(site)
    for page in QUESTION_PAGES:
        questions = lambda root: [text(q) for q in soup(root, page).select(".question-text")]
        assert questions(student_site) == questions(site)
        assert soup(student_site, page).select(ANSWERS + ", .teacher-toggle") == []
