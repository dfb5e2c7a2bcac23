"""``classroom-only: true`` on a note (notes.yml) or a glossary entry
(glossary.yml): the classroom edition shows it like any other, the student
edition has it in none of its files (pages, data scripts, search index)."""

from __future__ import annotations

import pytest

from support import build, project, soup, text
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
