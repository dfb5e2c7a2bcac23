"""Notes on the article: a name, fact or allusion explained beside a line.

``notes.yml`` lists them::

    - line: 30
      phrase: Rogier Creemers
      note: A Dutch researcher who studies law and policy in China ...

``phrase`` must stand in that line (or run on from it to the next one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .problems import Problem
from .prose import Block
from .yamlmap import load_records


@dataclass(frozen=True)
class Note:
    line: int
    phrase: str
    text: str
    source_line: int
    text_source: Block = field(default_factory=Block, compare=False)  # ``note`` as written, with its line


def parse_notes(text: str, path: str) -> tuple[list[Note], list[Problem]]:
    notes, problems = [], []
    for record in load_records(text, path, "note"):
        where, at = record.pop("__line__"), record.pop("__at__", {})
        line = record.get("line")
        phrase = " ".join(str(record.get("phrase") or "").split())
        body = " ".join(str(record.get("note") or "").split())
        if not isinstance(line, int) or isinstance(line, bool):
            problems.append(Problem(path, where, "note has no line number ('line: 12')"))
            continue
        if not phrase:
            problems.append(Problem(path, where, f"note on line {line} has no phrase"))
        if not body:
            problems.append(Problem(path, where, f"note on line {line} is empty"))
        notes.append(Note(line, phrase, body, where, at.get("note", Block(body, where))))
    return sorted(notes, key=lambda n: n.line), problems
