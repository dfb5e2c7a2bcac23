"""Glossary entries and where their words occur in a text.

``glossary.yml`` lists entries::

    - term: dystopia
      forms: [dystopian, dystopias]
      not-forms: [dysto]      # optional: words sharing its stem that are not it
      pos: noun
      definition: An imagined society where life is very bad ...
      french: une dystopie
      classroom-only: true    # optional: left out of the student edition

Any form matches in any letter case, as a whole word (whatever its letters:
é, ñ, ü, ß), and across a line break, so "Dystopian" and a "Sesame / Credit"
split over two lines resolve to their entry. A word of the text sharing a
term's stem but not among its forms is a warning (stems.py) unless
``not-forms`` lists it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .problems import Problem
from .prose import Block
from .schema import GLOSSARY_ENTRY
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
    definition_source: Block = field(default_factory=Block, compare=False)  # as written, with its line
    classroom_only: bool = False  # for the classroom edition only
    not_forms: list[str] = field(default_factory=list)  # words sharing its stem that are not it
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
    """An address part for a term: its letters without accents, ß as ss."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "SS")).encode("ascii", "ignore").decode()
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
        self._pattern = re.compile(rf"(?<!\w){_alternation(self._by_form)}(?!\w)") if self._by_form else None

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in ``text``, the longest form first."""
        if self._pattern is None:
            return []
        return [Match(self._by_form[" ".join(m.group().split())], m.start(), m.end())
                for m in self._pattern.finditer(_fold(text))]


def _fold(text: str) -> str:
    """Lower case, same length (so offsets hold): "İ" is the one letter whose
    lower case is two characters."""
    return text.replace("\u0130", "i").lower()


def _key(form: str) -> str:
    return " ".join(_fold(form).split())


def _alternation(keys) -> str:
    """One pattern for many forms that shares their common beginnings, so that
    matching costs the length of a form, not the number of forms. Where one
    form goes on into a longer one, the longer is tried first."""
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    return _pattern_of(trie)


def _pattern_of(node: dict) -> str:
    chain = ""
    while len(node) == 1 and "" not in node:  # a run of single letters: no recursion
        (char, node), = node.items()
        chain += _piece(char)
    branches = [_piece(char) + _pattern_of(child) for char, child in node.items() if char]
    if not branches:
        return chain
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return chain + (f"(?:{body})?" if "" in node else body)


def _piece(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _missing(record: dict, name: str, misspelt: set[str]) -> bool:
    """Whether a field is left out or empty (a misspelt name for it is its own problem)."""
    value = record.get(name)
    return name not in misspelt and (value is None or (isinstance(value, str) and not value.strip()) or value == [])


def parse_glossary(text: str, path: str) -> Glossary:
    entries, problems, seen = [], [], {}
    for record in load_records(text, path, "glossary entry"):
        line, at = record["__line__"], record.get("__at__", {})
        term = record.get("term")
        term = " ".join(term.split()) if isinstance(term, str) else ""
        values, wrong, misspelt = GLOSSARY_ENTRY.read(record, path, f"glossary entry '{term}'" if term else "glossary entry")
        problems += wrong
        if not term:
            if _missing(record, "term", misspelt):
                problems.append(Problem(path, line, "glossary entry has no term"))
            continue
        problems += [Problem(path, line, f"glossary entry '{term}' has no {GLOSSARY_ENTRY.field(name).label}")
                     for name in REQUIRED if _missing(record, name, misspelt)]
        forms = list({_key(f): f for f in values["forms"] or [] if _key(f) != _key(term)}.values())
        entry = Entry(term=term, forms=forms, pos=values["pos"] or "", definition=values["definition"] or "",
                      french=values["french"] or "", source_line=line,
                      definition_source=at.get("definition", Block("", line)) if values["definition"] else Block("", line),
                      classroom_only=bool(values["classroom-only"]), not_forms=values["not-forms"] or [])
        for i, form in enumerate(entry.all_forms):  # the term comes first
            if _key(form) not in seen:
                seen[_key(form)] = (term, line, i == 0)
                continue
            first_term, first_line, was_term = seen[_key(form)]
            if i == 0 and was_term:
                message = f"duplicate glossary entry '{term}' (first at line {first_line})"
            else:
                message = f"glossary entry '{term}': '{form}' already belongs to '{first_term}' (line {first_line})"
            problems.append(Problem(path, line, message))
        entries.append(entry)
    return Glossary(path, entries, problems)
