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
from .prose import Block
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


LABELS = {"definition": "definition", "pos": "part of speech", "french": "French translation"}


def _words(value) -> str:
    """A field as one line of text; '' for a missing or empty one."""
    return "" if value is None else " ".join(str(value).split())


def parse_glossary(text: str, path: str) -> Glossary:
    entries, problems, seen = [], [], {}
    for record in load_records(text, path, "glossary entry"):
        line, at = record.pop("__line__"), record.pop("__at__", {})
        term = _words(record.get("term"))
        if not term:
            problems.append(Problem(path, line, "glossary entry has no term"))
            continue
        for name in REQUIRED:
            if not _words(record.get(name)):
                problems.append(Problem(path, line, f"glossary entry '{term}' has no {LABELS[name]}"))
        forms = record.get("forms")
        forms = forms if isinstance(forms, list) else [forms]
        forms = list({_key(f): f for f in map(_words, forms) if f and _key(f) != _key(term)}.values())
        entry = Entry(term=term, forms=forms, pos=_words(record.get("pos")),
                      definition=_words(record.get("definition")), french=_words(record.get("french")),
                      source_line=line, definition_source=at.get("definition", Block("", line)))
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
