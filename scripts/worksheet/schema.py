"""The fields of a glossary entry and of a note, with their types, in one place.

``glossary.yml`` and ``notes.yml`` are lists of records. Each record is read
against its ``Schema``: every field it may have, what kind of value that field
holds, and what messages call it. A value of the wrong kind, or a field the
schema does not know, is one problem in plain words at the line of that
field, with the likely field when a name is misspelt.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass

from .problems import Problem

TEXT = "text"  # one line or a folded paragraph of text
FORMS = "forms"  # a list of words, or a single word
LINE = "line"  # a printed line's number
FLAG = "flag"  # true or false

#: What a value of each kind is, for messages; and what it should be instead.
SHOULD_BE = {TEXT: "text", FORMS: "a list of words, such as [wobbles, wobbling]",
             LINE: "a line number, such as 12", FLAG: "true or false"}


@dataclass(frozen=True)
class Field:
    name: str  # as written in the file
    kind: str
    label: str  # as messages call it: "part of speech"


@dataclass(frozen=True)
class Schema:
    what: str  # "glossary entry"
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def read(self, record: dict, path: str, who: str) -> tuple[dict, list[Problem], set[str]]:
        """``(values, problems, misspelt)``: each field's value (``None`` when
        missing, empty or of the wrong kind), the problems of the record's
        fields, and the fields an unknown name probably meant (their absence
        is that name's problem, not another one)."""
        lines = record.get("__keys__", {})
        here = record.get("__line__", 1)
        values: dict = {f.name: None for f in self.fields}
        problems, misspelt = [], set()
        for key, value in record.items():
            if isinstance(key, str) and key.startswith("__"):
                continue
            line = lines.get(str(key), here)
            field = self.field(str(key))
            if field is None:
                guess = difflib.get_close_matches(str(key).lower().replace("_", "-"), self.names, n=1, cutoff=0.6)
                if guess:
                    misspelt.add(guess[0])
                    hint = f"did you mean '{guess[0]}'?"
                else:
                    hint = f"a {self.what} has {', '.join(self.names)}"
                problems.append(Problem(path, line, f"{who}: unknown field '{key}': {hint}"))
                continue
            converted, wrong = _convert(field, value)
            if wrong:
                problems.append(Problem(path, line, f"{who}: {wrong}"))
            values[field.name] = converted
        return values, problems, misspelt


def _shown(value) -> str:
    """A value as a teacher wrote it, near enough: [a, b], 42, true."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items() if not str(k).startswith("__")) + "}"
    return str(value)


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "text"


def _text(value) -> str:
    return " ".join(value.split())


def _convert(field: Field, value) -> tuple[object, str | None]:
    """The value as its field holds it, or ``(None, what is wrong)``."""
    if value is None or value == "" or value == []:
        return None, None
    if field.kind == TEXT:
        if isinstance(value, str):
            return _text(value) or None, None
        quote = ": put it in quotes if you mean it as text" if _kind_of(value) in ("a number", "a date", "true or false") else ""
        return None, f"the {field.label} must be text, not {_kind_of(value)} ({_shown(value)}){quote}"
    if field.kind == FORMS:
        if isinstance(value, str):
            if "," in value:
                words = ", ".join(_text(w) for w in value.split(",") if w.strip())
                return None, (f"'{field.name}: {_text(value)}' reads as one form: write the forms as a list, "
                              f"'{field.name}: [{words}]'")
            return [_text(value)], None
        if isinstance(value, list) and all(isinstance(v, str) for v in value if v is not None):
            return [_text(v) for v in value if v and _text(v)], None
        if isinstance(value, list):
            bad = next(v for v in value if v is not None and not isinstance(v, str))
            return None, f"each of the {field.label} must be a word, not {_kind_of(bad)} ({_shown(bad)})"
        return None, f"the {field.label} must be {SHOULD_BE[FORMS]}, not {_kind_of(value)} ({_shown(value)})"
    if field.kind == LINE:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value, None
        return None, f"the {field.label} must be {SHOULD_BE[LINE]}, not {_shown(value)}"
    if field.kind == FLAG:
        if isinstance(value, bool):
            return value, None
        return None, f"'{field.name}' must be true or false, not {_shown(value)}"
    raise ValueError(f"unknown kind of field: {field.kind}")


CLASSROOM_ONLY = Field("classroom-only", FLAG, "classroom-only mark")

GLOSSARY_ENTRY = Schema("glossary entry", (
    Field("term", TEXT, "term"),
    Field("forms", FORMS, "forms"),
    Field("not-forms", FORMS, "words that are not its forms"),
    Field("pos", TEXT, "part of speech"),
    Field("definition", TEXT, "definition"),
    Field("french", TEXT, "French translation"),
    CLASSROOM_ONLY,
))

NOTE = Schema("note", (
    Field("line", LINE, "line"),
    Field("phrase", TEXT, "phrase"),
    Field("note", TEXT, "note"),
    CLASSROOM_ONLY,
))
