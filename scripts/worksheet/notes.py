"""Notes on the article: a name, fact or allusion explained beside a line.

``notes.yml`` lists them::

    - line: 30
      phrase: Rogier Creemers
      note: A Dutch researcher who studies law and policy in China ...

``phrase`` must start on that line (it may run on into the next one).
``classroom-only: true`` keeps a note out of the student edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem
from .prose import Block
from .schema import NOTE
from .yamlmap import load_records


@dataclass(frozen=True)
class Note:
    line: int
    phrase: str
    text: str
    source_line: int
    text_source: Block = field(default_factory=Block, compare=False)  # ``note`` as written, with its line
    classroom_only: bool = False  # for the classroom edition only


def parse_notes(text: str, path: str) -> tuple[list[Note], list[Problem]]:
    notes, problems = [], []
    for record in load_records(text, path, "note"):
        where, at = record["__line__"], record.get("__at__", {})
        given = record.get("line")
        number = given if isinstance(given, int) and not isinstance(given, bool) else None
        values, wrong, misspelt = NOTE.read(record, path, f"note on line {number}" if number else "note")
        problems += wrong
        line, phrase, body = values["line"], values["phrase"] or "", values["note"] or ""
        if line is None:
            if given is None and "line" not in misspelt:
                problems.append(Problem(path, where, "note has no line number ('line: 12')"))
            continue
        if not phrase and record.get("phrase") in (None, "") and "phrase" not in misspelt:
            problems.append(Problem(path, where, f"note on line {line} has no phrase"))
        if not body and record.get("note") in (None, "") and "note" not in misspelt:
            problems.append(Problem(path, where, f"note on line {line} is empty"))
        notes.append(Note(line, phrase, body, where, at.get("note", Block(body, where)) if body else Block("", where),
                          classroom_only=bool(values["classroom-only"])))
    return sorted(notes, key=lambda n: n.line), problems
