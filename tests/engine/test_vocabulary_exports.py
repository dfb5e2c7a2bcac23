"""A worksheet's vocabulary leaves the site as files a student imports
elsewhere: an Anki deck and a Quizlet file, made at build time and linked
from its glossary page; and as a vocabulary test to print, with its key in
the classroom edition only."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from support import pdf_text, soup, text
from worksheet.anki_deck import stable_id
from worksheet.flashcards import Card, quizlet_text

#: The tiny library's first worksheet's glossary, as glossary.yml has it, A–Z.
BIKES = [("activist", "un(e) militant(e)", 8), ("commuter", "un navetteur, une navetteuse", 2),
         ("wobble", "vaciller, tanguer", 4)]


def exports(site: Path) -> dict[str, Path]:
    """The glossary page's export links, by file type, as files of the site."""
    page = soup(site, "bikes/glossary/")
    links = {a["href"].rsplit(".", 1)[-1]: a for a in page.select(".practise-links a[download]")}
    assert set(links) == {"apkg", "txt"}
    return {kind: (site / "bikes" / "glossary" / a["href"]).resolve() for kind, a in links.items()}


def anki_notes(apkg: Path, tmp_path: Path) -> tuple[list[tuple[list[str], str, str]], dict, dict]:
    """(fields, tags, guid) of each note, the note types and the decks, read
    straight from the package's SQLite collection."""
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [(flds.split("\x1f"), tags.strip(), guid) for flds, tags, guid in
                 db.execute("select flds, tags, guid from notes order by sfld")]
        models, decks = (json.loads(value) for value in db.execute("select models, decks from col").fetchone())
    finally:
        db.close()
    return notes, models, decks


def test_the_glossary_page_leads_to_the_flashcards_the_test_and_the_exports(site):
    page = soup(site, "bikes/glossary/")
    links = {text(a): a["href"] for a in page.select(".practise-links a")}
    assert links["Practise with flashcards"] == "../practice/"
    assert links["Vocabulary test"] == "../vocabulary-test/"
    for href in links.values():
        target = (site / "bikes" / "glossary" / href).resolve()
        assert (target / "index.html").exists() or target.is_file(), href
    assert text(soup(site, "glossary/").select_one(".practise-links a")) == "Practise with flashcards"


def test_the_quizlet_file_is_term_tab_definition_one_per_line(site):
    rows = exports(site)["txt"].read_text(encoding="utf-8").splitlines()
    assert [row.split("\t")[0] for row in rows] == [term for term, _, _ in BIKES]
    assert all(row.count("\t") == 1 for row in rows)
    assert rows[2] == "wobble\tvaciller, tanguer — To move from side to side in an unsteady way."


def test_a_tab_or_a_line_break_in_an_entry_cannot_start_a_field_or_a_row():
    card = Card(id="w/x", worksheet="w", language="en", term="to\tgo", forms=(), pos="verb",
                definition="To move;\nto leave.", french="aller\r\npartir", line=0, context="")
    assert quizlet_text([card]) == "to go\taller partir — To move; to leave.\n"


def test_the_anki_deck_has_a_note_per_term_with_its_line_tagged_with_the_worksheet(site, tmp_path):
    notes, models, decks = anki_notes(exports(site)["apkg"], tmp_path)
    assert [(fields[0], fields[2], int(fields[4])) for fields, _, _ in notes] == BIKES
    assert {tags for _, tags, _ in notes} == {"bikes"}
    wobble = notes[2][0]
    assert wobble[3] == "To move from side to side in an unsteady way."
    assert wobble[5] == "wobble at the traffic lights."  # the context: line 4 of the text
    # Ids from the worksheet, the same on every build: a newer deck updates the notes a student has.
    assert [int(key) for key in models] == [stable_id("model", "bikes")]
    assert stable_id("deck", "bikes") in [int(key) for key in decks]
    assert [decks[key]["name"] for key in decks if int(key) == stable_id("deck", "bikes")] == ["Vocabulary: Bicycles in Amsterdam"]
    trams, _, _ = anki_notes(exports(site)["apkg"].parent.parent.parent / "trams" / "exports" / "trams.apkg",
                             tmp_path / "trams")
    assert stable_id("model", "trams") != stable_id("model", "bikes")


def test_the_anki_deck_imports_with_ankis_own_library(site, tmp_path):
    from anki.collection import Collection, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions

    collection = Collection(str(tmp_path / "fresh.anki2"))
    try:
        collection.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(exports(site)["apkg"]), options=ImportAnkiPackageOptions(with_scheduling=False)))
        notes = [collection.get_note(nid) for nid in collection.find_notes("")]
        assert sorted((n["Term"], n["French"], n["Line"]) for n in notes) == [
            (term, french, str(line)) for term, french, line in BIKES]
        assert all(n.tags == ["bikes"] for n in notes)
        assert {n.note_type()["name"] for n in notes} == {"Study site vocabulary (bikes)"}
        assert [n["Context"] for n in notes if n["Term"] == "commuter"] == [
            "morning the cycle lanes fill with commuters, parents"]
        assert "Vocabulary: Bicycles in Amsterdam" in [d.name for d in collection.decks.all_names_and_ids()]
        assert len(collection.find_cards("")) == 3
    finally:
        collection.close()


def test_the_vocabulary_test_asks_each_term_once_with_the_key_in_teacher_mode(site, student_site):
    page = soup(site, "bikes/vocabulary-test/")
    to_french, from_french = page.select(".vocabulary-test-items")
    given = [text(li.select_one(".vocabulary-test-given")) for li in to_french.select("li")]
    asked = [text(li.select_one(".vocabulary-test-given")) for li in from_french.select("li")]
    answers = [text(li.select_one(".vocabulary-test-answer")) for li in from_french.select("li")]
    terms = {term: french for term, french, _ in BIKES}
    assert sorted(given + answers) == sorted(terms)
    assert [terms[answer] for answer in answers] == asked
    assert [text(h) for h in page.select(".vocabulary-test h2")] == ["English → French", "French → English"]
    for answer in page.select(".vocabulary-test-answer"):
        assert {"teacher-only", "classroom-only"} <= set(answer["class"])
    student = soup(student_site, "bikes/vocabulary-test/")
    assert student.select(".vocabulary-test-items li") and not student.select(".vocabulary-test-answer")


@pytest.mark.pdf
@pytest.mark.browser  # chromium prints the PDFs
def test_the_vocabulary_test_prints_and_its_key_holds_the_answers(pdf_site, pdf_student_site):
    folder = pdf_site / "bikes" / "pdf"
    test, key = pdf_text(folder / "vocabulary-test.pdf"), pdf_text(folder / "vocabulary-test-key.pdf")
    for paper in (test, key):
        assert "English → French" in paper and "French → English" in paper and "Name:" in paper
    assert sum(term in key for term, _, _ in BIKES) + sum(french in key for _, french, _ in BIKES) >= 6
    # The students' test holds half of each pair: the word asked, never its answer.
    assert sum(term in test for term, _, _ in BIKES) + sum(french in test for _, french, _ in BIKES) == 3
    assert not (pdf_student_site / "bikes" / "pdf" / "vocabulary-test-key.pdf").exists()
    assert (pdf_student_site / "bikes" / "pdf" / "vocabulary-test.pdf").exists()


def test_the_same_cards_make_the_same_deck_and_a_later_change_dates_its_notes_later(tmp_path):
    from worksheet.anki_deck import apkg_bytes

    card = Card(id="w/go", worksheet="w", language="en", term="go", forms=(), pos="verb",
                definition="To move.", french="aller", line=1, context="Let us go.")
    first = apkg_bytes([card], worksheet="w", title="W", timestamp=1_700_000_000)
    assert apkg_bytes([card], worksheet="w", title="W", timestamp=1_700_000_000) == first
    later = tmp_path / "later.apkg"
    later.write_bytes(apkg_bytes([card], worksheet="w", title="W", timestamp=1_800_000_000))
    (tmp_path / "first.apkg").write_bytes(first)
    dates = []
    for name in ("first", "later"):
        with zipfile.ZipFile(tmp_path / f"{name}.apkg") as package:
            package.extract("collection.anki2", tmp_path / name)
        db = sqlite3.connect(tmp_path / name / "collection.anki2")
        dates.append(db.execute("select mod from notes").fetchone()[0])
        db.close()
    assert dates == [1_700_000_000, 1_800_000_000]
