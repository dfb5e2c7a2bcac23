"""Glossary entries and where their words occur in a text.

``glossary.yml`` lists entries::

    - term: dystopia
      forms: [dystopian, dystopias]
      pos: noun
      definition: An imagined society where life is very bad ...
      french: une dystopie

Any form matches in any letter case, as a whole word, and across a line
break, so "Dystopian" and a "Sesame / Credit" split over two lines resolve
to their entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .problems import Problem
from .yamlmap import load_records

REQUIRED = ("definition", "pos", "french")


@dataclass
class Entry:
    term: str
    forms: list[str]
    pos: str
    definition: str
    french: str
    source_line: int
    slug: str = field(init=False)

    def __post_init__(self):
        self.slug = slugify(self.term)

    @property
    def all_forms(self) -> list[str]:
        return [self.term, *self.forms]

    def tooltip(self) -> str:
        """The pop-up text: part of speech, definition, French."""
        return f"{self.term} ({self.pos}): {self.definition} French: {self.french}"


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "term"


class Glossary:
    def __init__(self, path: str, entries: list[Entry], problems: list[Problem]):
        self.path = path
        self.entries = sorted(entries, key=lambda e: e.term.casefold())
        self.problems = problems
        self._by_form: dict[str, Entry] = {}
        for entry in self.entries:
            for form in entry.all_forms:
                self._by_form.setdefault(_key(form), entry)
        forms = sorted(self._by_form, key=len, reverse=True)  # longest first
        alternatives = "|".join(r"\s+".join(map(re.escape, f.split(" "))) for f in forms)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if forms else None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in ``text``, longest form first."""
        if self._pattern is None:
            return []
        return [Match(self._by_form[_key(m.group())], m.start(), m.end()) for m in self._pattern.finditer(text)]


def _key(form: str) -> str:
    return " ".join(form.split()).casefold()


def parse_glossary(text: str, path: str) -> Glossary:
    entries, problems, seen = [], [], {}
    for record in load_records(text, path, "glossary entry"):
        line = record.pop("__line__")
        term = str(record.get("term") or "").strip()
        if not term:
            problems.append(Problem(path, line, "glossary entry has no term"))
            continue
        for name in REQUIRED:
            if not str(record.get(name) or "").strip():
                label = {"pos": "part of speech"}.get(name, name)
                problems.append(Problem(path, line, f"glossary entry '{term}' has no {label}"))
        forms = record.get("forms") or []
        if isinstance(forms, str):
            forms = [forms]
        entry = Entry(
            term=term,
            forms=[str(f).strip() for f in forms if str(f).strip()],
            pos=str(record.get("pos") or "").strip(),
            definition=" ".join(str(record.get("definition") or "").split()),
            french=" ".join(str(record.get("french") or "").split()),
            source_line=line,
        )
        for form in entry.all_forms:
            key = _key(form)
            if key in seen:
                first_term, first_line = seen[key]
                problems.append(
                    Problem(path, line, f"duplicate glossary entry '{form}' (already at line {first_line}, '{first_term}')")
                )
            else:
                seen[key] = (term, line)
        entries.append(entry)
    return Glossary(path, entries, problems)
