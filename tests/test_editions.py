"""The two editions: the classroom edition hides answers from search; the
student edition contains no answer anywhere, in any file it writes."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from support import script_global, soup, text

ANSWERS = "details.model-answer, details.teacher-note"


def normalise(value: str) -> str:
    """Whitespace collapsed (none before punctuation), case ignored."""
    return re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(value.split())).casefold()


@pytest.fixture(scope="module")
def answer_sentences(site):
    """Every sentence of every model answer and teacher note in the classroom
    edition, except the article's own words (which both editions rightly hold)."""
    article_text = normalise(text(soup(site, "article").select_one(".article")))
    sentences = set()
    for block in soup(site, "questions").select(ANSWERS):
        block.select_one("summary").decompose()
        for item in block.find_all(["p", "li"]):
            for piece in re.split(r"(?<=[.!?:;])\s+", item.get_text(" ")):
                sentence = normalise(piece)
                if len(sentence.split()) >= 4 and sentence not in article_text:
                    sentences.add(sentence)
    assert len(sentences) > 100
    return sorted(sentences)


def test_classroom_search_index_holds_no_answer(site, answer_sentences):
    index = normalise(" ".join(doc["text"] + " " + doc["title"] for doc in
                               json.loads((site / "search" / "search_index.json").read_text())["docs"]))
    index = normalise(re.sub(r"<[^>]+>", " ", index))
    leaked = [s for s in answer_sentences if s in index]
    assert leaked == []


def test_classroom_edition_has_the_toggle_and_the_answers(site):
    page = soup(site, "questions")
    assert page.select_one("button.teacher-toggle[aria-pressed=false]") is not None
    assert len(page.select("details.model-answer")) == 7
    assert len(page.select("details.teacher-note")) == 7


def test_the_whole_sheet_keeps_its_answer_key_in_one_script_for_teacher_mode(site, answer_sentences):
    """/worksheet/ holds empty slots, not answers: a student's visit does not
    download them. The script teacher mode loads holds every model answer for
    the slots and the teacher notes gathered after the last question."""
    sheet = soup(site, "worksheet")
    assert sheet.select(ANSWERS) == []
    html = normalise(sheet.get_text(" "))
    assert [s for s in answer_sentences if s in html] == []
    slots = sheet.select("[data-answer-key]")
    assert [slot["data-answer-key"] for slot in slots] == [f"q{n}" for n in range(1, 8)] + ["notes"]
    [source] = {slot["data-src"] for slot in slots}
    key = script_global((site / "worksheet" / source).resolve().read_text(encoding="utf-8"), "__answerKey")
    assert sorted(key) == sorted(["notes"] + [f"q{n}" for n in range(1, 8)])
    parts = {name: BeautifulSoup(body, "html.parser") for name, body in key.items()}
    for n in range(1, 8):
        assert len(parts[f"q{n}"].select("details.model-answer")) == 1
    assert len(parts["notes"].select(".gathered-notes-question")) == 7
    held = normalise(" ".join(part.get_text(" ") for part in parts.values()))
    assert [s for s in answer_sentences if s not in held] == []
    # The questions page gathers its notes for paper from the same script.
    assert [slot["data-answer-key"] for slot in soup(site, "questions").select("[data-answer-key]")] == ["notes"]


def test_student_edition_has_no_answers_and_no_toggle(student_site):
    dest, _ = student_site
    for name in ("", "article", "questions", "glossary"):
        page = soup(dest, name)
        assert page.select(ANSWERS) == [], name
        assert page.select(".teacher-toggle") == [], name
    assert not (dest / "assets" / "js" / "teacher.js").exists()
    assert list((dest / "assets").glob("answer-key.*")) == []
    assert soup(dest, "worksheet").select("[data-answer-key]") == []
    # The site's one script holds no teacher-mode code (the toggle's storage key).
    scripts = [p for p in (dest / "assets").glob("site.*.js")]
    assert len(scripts) == 1 and "__teacher" not in scripts[0].read_text()


def test_student_edition_keeps_the_same_pages_and_lines(site, student_site):
    dest, _ = student_site
    pages = lambda root: sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    assert pages(dest) == pages(site)
    lines = lambda root: [(e["id"], text(e)) for e in soup(root, "article").select(".line-text[id]")]
    assert lines(dest) == lines(site)
    questions = lambda root: [text(q) for q in soup(root, "questions").select(".question-text")]
    assert questions(dest) == questions(site)


def file_text(path) -> str:
    """What a reader (or a search engine) could read in a built file."""
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    raw = path.read_bytes().decode("utf-8", errors="ignore")
    if path.suffix in (".html", ".json", ".xml"):
        return raw + "\n" + re.sub(r"<[^>]+>", " ", raw.replace("\\n", " "))
    return raw


def test_no_answer_sentence_in_any_file_of_the_student_edition(student_site, answer_sentences):
    dest, _ = student_site
    files = [p for p in dest.rglob("*") if p.is_file()]
    assert (dest / "pdf" / "worksheet.pdf") in files
    leaks = []
    for path in files:
        content = normalise(file_text(path))
        leaks += [(path.relative_to(dest).as_posix(), s) for s in answer_sentences if s in content]
    print(f"checked {len(answer_sentences)} answer and note sentences against {len(files)} files")
    assert leaks == []


def test_the_leak_detector_finds_the_answers_where_they_are(site, answer_sentences):
    """The same comparison run on the classroom edition finds every sentence,
    so an empty result on the student edition means something."""
    content = normalise(file_text(site / "questions" / "index.html"))
    missing = [s for s in answer_sentences if s not in content]
    assert missing == []
