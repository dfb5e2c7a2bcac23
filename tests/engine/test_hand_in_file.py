"""The hand-in and feedback files (assets/js/hand-in-file.js, run by Node):
what a student writes comes back exactly, whatever it holds and whatever a
platform does to the file; a file that is not one says why, at its line."""

from __future__ import annotations

import pytest

from support import ROOT, node_eval

pytestmark = pytest.mark.node

MODULE = ROOT / "overrides" / "assets" / "js" / "hand-in-file.js"
HEAD = {"worksheet": "bikes", "title": "Bicycles in Amsterdam", "text": "0123456789abcdef", "name": "Léa Martin",
        "class": "2nde 3", "written": "2026-12-01T09:30:00.000Z"}
#: Answers that look like the format's own lines.
TRICKY = [
    'Cars "took over the city\'s old streets" (l. 6).\n\nA second paragraph.',
    "[q2] Question 2\nwritten: yesterday\n| a bar\n|\n  indented\n(no answer)",
    "   leading spaces, «guillemets», emoji 🚲, tab\tinside",
]


def round_trip(text_from_written: str) -> dict:
    sections = [{"id": f"q{i}", "title": f"Question {i}", "question": "Why?\nExplain.", "written": f"2026-12-01T09:2{i}:00.000Z",
                 "text": answer} for i, answer in enumerate(TRICKY, start=1)]
    return node_eval(MODULE, f"m.read(({text_from_written})(m.write('answers', data.head, data.sections)))",
                     {"head": HEAD, "sections": sections})


@pytest.mark.parametrize("platform", [
    "t => t", "t => t.replace(/\\n/g, '\\r\\n')", "t => '\\ufeff' + t.replace(/\\n/g, '\\r\\n')", "t => t.replace(/\\n/g, '\\r')",
    "t => m.decode(new TextEncoder().encode('\\ufeff' + t))",
], ids=["as written", "CRLF", "BOM and CRLF", "old Mac CR", "bytes with a BOM"])
def test_what_a_student_writes_comes_back_exactly(platform):
    read = round_trip(platform)
    assert read["kind"] == "answers"
    assert read["head"] == HEAD
    assert [s["text"] for s in read["sections"]] == TRICKY
    assert [s["id"] for s in read["sections"]] == ["q1", "q2", "q3"]
    assert [s["written"] for s in read["sections"]] == [f"2026-12-01T09:2{i}:00.000Z" for i in (1, 2, 3)]
    assert read["sections"][0]["question"] == "Why?\nExplain."


def test_a_file_a_platform_re_encoded_in_windows_1252_is_read():
    text = "Worksheet answers: hand-in file, format 1\nworksheet: bikes\nname: Léa Noël\n\n[q1] Question 1\n| Très bien\n"
    read = node_eval(MODULE, "m.read(m.decode(Uint8Array.from(data)))", list(text.encode("cp1252")))
    assert read["head"]["name"] == "Léa Noël"
    assert read["sections"][0]["text"] == "Très bien"


def test_a_feedback_file_carries_each_mark_and_comment():
    read = node_eval(MODULE, "m.read(m.write('feedback', data.head, data.sections))", {
        "head": {**HEAD, "total": "7.5 / 10"},
        "sections": [{"id": "q1", "title": "Question 1", "mark": "3.5 / 4", "text": "Good.\nQuote more."},
                     {"id": "q2", "title": "Question 2", "mark": None, "text": ""}]})
    assert read["kind"] == "feedback"
    assert read["head"]["total"] == "7.5 / 10"
    assert [(s["mark"], s["text"]) for s in read["sections"]] == [("3.5 / 4", "Good.\nQuote more."), (None, "")]


@pytest.mark.parametrize("text, message", [
    ("Dear teacher,\nhere are my answers.", "not a hand-in or feedback file of this site: its first line should be "
                                           "“Worksheet answers: hand-in file, format 1”"),
    ("Worksheet answers: hand-in file, format 9\nworksheet: bikes\n",
     "line 1: written by another version of the site (“Worksheet answers: hand-in file, format 9”)"),
    ("Worksheet answers: hand-in file, format 1\nworksheet: bikes\nage: 15\n",
     "line 3: “age: 15” is not one of the file's details (worksheet, title, text, name, class, written, total)"),
    ("Worksheet answers: hand-in file, format 1\nname: Léa\n\n[q1] Question 1\n| An answer.\n",
     "it names no worksheet (no “worksheet:” line at its head)"),
    ("Worksheet answers: hand-in file, format 1\nworksheet: bikes\n\n[q1] Question 1\nAn answer without its bar.\n",
     "line 5: “An answer without its bar.” is not part of the format: an answer's lines start with “|”"),
    ("Worksheet answers: hand-in file, format 1\nworksheet: bikes\n\n[q1] Q\n| a\n\n[q1] Q\n| b\n",
     "line 7: question [q1] stands twice"),
])
def test_a_file_that_is_not_one_says_why(text, message):
    said = node_eval(MODULE, "(() => { try { m.read(data); return null } catch (e) { return e.message } })()", text)
    assert said == message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["with a byte-order mark", "without"])
def test_a_file_saved_as_utf_16_is_read(encoding, bom):
    text = "Worksheet answers: hand-in file, format 1\r\nworksheet: bikes\r\nname: Inès Noël\r\n\r\n[q1] Q\r\n| Très «bien» 🚲\r\n"
    data = (("\ufeff" if bom else "") + text).encode(encoding)
    read = node_eval(MODULE, "m.read(m.decode(Uint8Array.from(data)))", list(data))
    assert read["head"]["name"] == "Inès Noël"
    assert read["sections"][0]["text"] == "Très «bien» 🚲"


def test_questions_named_like_an_objects_properties_are_questions_like_any_other():
    text = ("Worksheet answers: hand-in file, format 1\nworksheet: bikes\nname: __proto__\n\n"
            + "".join(f"[{qid}] Q\n| {qid}'s answer\n" for qid in ("constructor", "__proto__", "toString", "q1")))
    read = node_eval(MODULE, "m.read(data)", text)
    assert [(s["id"], s["text"]) for s in read["sections"]] == [
        (qid, f"{qid}'s answer") for qid in ("constructor", "__proto__", "toString", "q1")]
    assert read["head"]["name"] == "__proto__"
    assert node_eval(MODULE, "m.read(data) && Object.keys(Object.prototype).length", text) == 0


@pytest.mark.parametrize("size, said", [
    (1024 * 1024, ""),
    (1024 * 1024 + 1, "it is 1,025 KB, and a hand-in or feedback file is at most 1 MB (1,024 KB): is it the right file?"),
    (52_428_900, "it is 50 MB, and a hand-in or feedback file is at most 1 MB (1,024 KB): is it the right file?"),
])
def test_a_file_over_1_mb_is_refused_by_its_size(size, said):
    assert node_eval(MODULE, "m.tooBig(data)", size) == said


@pytest.mark.parametrize("a, b, same", [
    ("Léa Martin", "Le\u0301a Martin", True),  # composed and decomposed accent
    ("Léa Martin", "  léa   MARTIN ", True),
    ("Léa Martin", "Lea Martin", False),
    ("Léa Martin", "Léa Martine", False),
])
def test_names_are_compared_as_a_reader_would(a, b, same):
    assert node_eval(MODULE, "m.person(data[0]) === m.person(data[1])", [a, b]) is same
