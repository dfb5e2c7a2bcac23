"""Hand-in files and the review page, for the tests: the marked library, files
as a student's device writes them (or as someone crafts them), and the
review page's moves."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import LIBRARY, project, served
from worksheet.fingerprint import text_fingerprint
from worksheet.model import load_worksheet

#: Three students' answers to bikes: Chloé changed a word of a quotation.
CLASS = {
    "Léa Martin": ('Cars "took over the city\'s old streets" (l. 6), so parents protested: '
                   '"many children died in road accidents" (l. 7). The council "slowly changed course" (l. 9): '
                   'this shows that ordinary people can change a whole city.',
                   'There are "more bicycles than people" (l. 1), so "the hardest part of cycling here" '
                   'is "finding a free place to park" (lines 12–13).'),
    "Chloé Bernard": ('The council "quickly changed course" (l. 9) after the protests.', ""),
    "Yanis Petit": ('Parents and activists protested because "many children died in road accidents" (l. 7), '
                    'and the council listened.', 'Parking is hard.'),
}
GROUP = "2nde 3"
#: Worksheet folders named as the properties every plain object of a script has.
PROPERTY_NAMES = ["__proto__", "constructor", "toString"]


def marked_library(folder: Path) -> Path:
    """The tiny library, its bikes questions marked out of 4 and 6 points, and
    three copies of bikes in folders named ``__proto__``, ``constructor`` and
    ``toString``, titled "Bikes as …"."""
    root = project(folder)
    questions = root / "docs" / "bikes" / "questions.md"
    source = questions.read_text(encoding="utf-8")
    source = source.replace("    writing-space: 4\n", "    writing-space: 4\n    points: 4\n", 1)
    source = source.replace("    writing-space: 3\n", "    writing-space: 3\n    points: 6\n", 1)
    questions.write_text(source, encoding="utf-8")
    for name in PROPERTY_NAMES:
        shutil.copytree(root / "docs" / "bikes", root / "docs" / name)
        index = root / "docs" / name / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("Bicycles in Amsterdam", f"Bikes as {name}"),
                         encoding="utf-8")
    return root


def serve_marked(folder: Path):
    """The marked library, built strict and served: yields its address."""
    _, server = served(folder, marked_library(folder / "project"))
    yield server.url
    server.close()


def fingerprint(slug: str = "bikes") -> str:
    """The fingerprint of a worksheet's text (the copies of bikes: bikes')."""
    folder = LIBRARY / slug if (LIBRARY / slug).is_dir() else LIBRARY / "bikes"
    return text_fingerprint([load_worksheet(folder, slug).article])


def hand_in_file(name: str | None, answers: dict[str, str], worksheet: str = "bikes",
                 title: str = "Bicycles in Amsterdam", group: str | None = GROUP, text: str | None = None,
                 written: str = "2026-12-01T09:30:00.000Z", kind: str = "answers", total: str | None = None) -> str:
    """A hand-in file as the README describes it (a feedback file with
    ``kind="feedback"``, each answer then the comment of a mark "3 / 4");
    ``name`` or ``group`` None: no such line."""
    first = {"answers": "Worksheet answers: hand-in file, format 1",
             "feedback": "Worksheet feedback: feedback file, format 1"}[kind]
    rows = [first, f"worksheet: {worksheet}", f"title: {title}", f"text: {text or fingerprint(worksheet)}"]
    rows += [f"name: {name}"] if name is not None else []
    rows += [f"class: {group}"] if group is not None else []
    rows += [f"written: {written}"] + ([f"total: {total}"] if total else [])
    for qid, answer in answers.items():
        rows += ["", f"[{qid}] Question {qid[1:]}"]
        rows += ["mark: 3 / 4"] if kind == "feedback" else ["written: 2026-12-01T09:20:00.000Z"]
        empty = "(no answer)" if kind == "answers" else "(no comment)"
        rows += [f"| {row}" if row else "|" for row in answer.split("\n")] if answer else [empty]
    return "\n".join(rows) + "\n"


def as_upload(name: str, content: str | bytes) -> dict:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return {"name": name, "mimeType": "text/plain", "buffer": data}


def drop_files(page, files: list) -> None:
    page.locator(".review-drop input[type=file]").set_input_files(files)


def class_files() -> list[dict]:
    return [as_upload(f"{name.split()[0]}.txt", hand_in_file(name, {"q1": q1, "q2": q2}))
            for name, (q1, q2) in CLASS.items()]


def answers_to(page, qid: str):
    return page.locator(f".review-answer[data-question={qid}]")


def file_lines(page):
    """What the file list says of each file (without its buttons)."""
    return page.locator(".review-files li .review-file-text")


def summary_rows(page) -> list[str]:
    """The class summary's rows, each as its cells' text joined by " | "."""
    return page.locator(".review-table tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).slice(0, -1).map(c => c.textContent.trim()).join(' | '))")
