"""``classroom-only: true`` on a note (notes.yml) or a glossary entry
(glossary.yml): the classroom edition shows it like any other, the student
edition has it in none of its files (pages, data scripts, search index)."""

from __future__ import annotations

import pytest

from support import build, project, soup, text
from worksheet.library import load_library
from test_editions import every_text

NOTE = ("- line: 3\n  phrase: tourists who\n  note: Saffron marmot, a note for teachers.\n"
        "  classroom-only: true\n\n")
ENTRY = ("- term: tourist\n  forms: [tourists]\n  pos: noun\n  definition: Indigo quokka, a definition for teachers.\n"
         "  french: un touriste pour la classe\n  classroom-only: true\n\n")
PLANTED = ["Saffron marmot, a note for teachers.", "Indigo quokka, a definition for teachers.",
           "un touriste pour la classe"]


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("flagged"))
    for name, record in (("notes.yml", NOTE), ("glossary.yml", ENTRY)):
        path = root / "docs" / "bikes" / name
        path.write_text(record + path.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_the_classroom_edition_shows_them(flagged, tmp_path):
    site = build(flagged, tmp_path / "site")
    everything = every_text(site)
    assert [s for s in PLANTED if s not in everything] == []
    assert "Indigo quokka" in text(soup(site, "bikes/glossary/"))


def test_the_student_edition_has_them_in_no_file(flagged, tmp_path):
    site = build(flagged, tmp_path / "site", edition="student")
    assert [s for s in PLANTED if s in every_text(site)] == []
    assert (site / "search" / "search_index.json").exists()  # the index was searched too
    assert list(site.rglob("glossary-tips.js")) and list(site.rglob("article-lines.js"))  # so were the data scripts
    # The other notes and entries are still there.
    assert "Stop de Kindermoord" in every_text(site)
    assert "Someone who travels to work" in every_text(site)


def test_the_student_editions_data_holds_no_answer_no_teacher_note_and_no_flagged_record(flagged):
    """The core's own edition, before any template sees it: the student
    edition's library has no model answer, no teacher note and no flagged
    record, in the worksheets and in the sequences' final tasks."""
    whole = load_library(flagged / "docs")
    student = whole.edition(student=True)
    questions = [q for ws in student.worksheets for q in ws.questions.questions]
    questions += [q for s in student.sequences for q in s.page.questions]
    assert len(questions) == 4 and [q.id for q in questions if q.answer or q.notes] == []
    assert [q.id for q in questions if not q.text.text] == []  # the questions themselves stay
    bikes = student.worksheet("bikes")
    assert "tourist" not in [e.term for e in bikes.glossary.entries]
    assert [n.phrase for n in bikes.notes if n.classroom_only] == []
    assert [s.worksheets for s in student.sequences] == [[bikes, student.worksheet("trams")]]
    # The classroom edition is the library as loaded, answers and all.
    assert whole.edition(student=False) is whole
    assert all(q.answer and q.notes for ws in whole.worksheets for q in ws.questions.questions)
    assert "tourist" in [e.term for e in whole.worksheet("bikes").glossary.entries]
