"""Exercises that check themselves: true or false, find the words, multiple
choice, matching glossary terms with their meanings.

An exercise is a question block with an ``exercise`` option and an
``/// items`` part, a YAML list (matching lists glossary terms)::

    //// question | True or false?
        exercise: true-false
        points: 5

    Say whether each statement is true or false, and quote the words that prove it.

    /// items
    - statement: The system gives every citizen a single score.
      answer: false
      lines: 8–14
      quotation: "is already a reality"    # optional: checked to stand in lines 8–14
    ///
    ////

``find-words`` items give ``prompt``, ``answer`` (the word or words, as they
stand in the lines), ``alternatives`` (other answers accepted) and ``lines``;
``choice`` items give ``prompt``, ``options`` (text, or ``{text, quote:
lines}`` for an option whose choice must be proved by a quotation from
those lines) and ``answer`` (the right option's number, or a list of them);
``matching`` lists terms of the worksheet's ``glossary.yml``, matched with
their definitions.

The items are read here, each with its file line; ``checks.py`` checks them
against the article and glossary. A student's answer is compared, in both
editions, with a salted hash of its normalised form (``answer_hash``): the
student edition holds no expected answer in readable form.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .problems import Problem
from .prose import Block
from .quotes import plain_marks
from .refs import DASHES, LineRange

KINDS = ("true-false", "find-words", "choice", "matching")
ITEMS = "items"
#: The fields of an item of each kind; the first ones are required.
FIELDS = {
    "true-false": (("statement", "answer", "lines"), ("quotation",)),
    "find-words": (("prompt", "answer", "lines"), ("alternatives",)),
    "choice": (("prompt", "options", "answer"), ()),
    "matching": ((), ()),
}
EXAMPLES = {
    "true-false": "- statement: …\n  answer: true\n  lines: 8–14",
    "find-words": "- prompt: a word that means *to forbid*\n  answer: ban\n  lines: 10–20",
    "choice": "- prompt: …\n  options: [first, second]\n  answer: 2",
    "matching": "- surveillance",
}


@dataclass
class Option:
    text: str
    quote: LineRange | None = None  # a quotation from these lines proves it


@dataclass
class Item:
    line: int  # file line
    prompt: str = ""  # the statement, the prompt, or the glossary term
    answer: object = None  # bool (true-false), [words] (find-words), [numbers] (choice), meaning number (matching)
    lines: LineRange | None = None
    quotation: str = ""
    alternatives: list[str] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)


@dataclass
class Exercise:
    kind: str
    items: list[Item] = field(default_factory=list)
    meanings: list[str] = field(default_factory=list)  # matching: the definitions, in the order shown

    def ranges(self) -> list[LineRange]:
        return [item.lines for item in self.items if item.lines] + [
            o.quote for item in self.items for o in item.options if o.quote]


def normalise_answer(text: str) -> str:
    """An answer as compared: Unicode NFC, quote marks and dashes plain,
    spacing collapsed, case ignored (answers.js's exercises do the same)."""
    return " ".join(plain_marks(unicodedata.normalize("NFC", str(text))).lower().split())


def answer_hash(salt: str, question: str, item: int, answer: str) -> str:
    """What the page holds instead of an expected answer."""
    data = f"{salt}|{question}|{item}|{normalise_answer(answer)}".encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:24]


def accepted(item: Item, kind: str) -> list[str]:
    """Every answer to the item that is right, as the student would give it."""
    if kind == "true-false":
        return ["true" if item.answer else "false"]
    if kind == "find-words":
        return [*item.answer, *item.alternatives]
    if kind == "choice":
        return [",".join(str(n) for n in sorted(item.answer))]
    return [str(item.answer)]


#: An item's lines: "8", "8–14".
RANGE = re.compile(rf"^\s*([0-9]{{1,6}})(?:\s*[{DASHES}]\s*([0-9]{{1,6}}))?\s*$")


def _range(value) -> LineRange | None:
    match = RANGE.match(str(value)) if value is not None else None
    return LineRange(int(match.group(1)), int(match.group(2) or match.group(1))) if match else None


def _words(value) -> list[str] | None:
    values = value if isinstance(value, list) else [value]
    words = [" ".join(str(v).split()) for v in values if v is not None and not isinstance(v, (dict, list, bool))]
    return words if words and all(words) and len(words) == len(values) else None


def parse_exercise(kind: str, block: Block | None, question: str, path: str,
                   glossary_terms: dict[str, str] | None = None) -> tuple[Exercise, list[Problem]]:
    """The exercise of kind ``kind`` whose items are ``block`` (the ``/// items`` part).
    ``glossary_terms``: the worksheet's terms and definitions, for matching."""
    exercise, problems = Exercise(kind), []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(path, line, f"{question}: {message}"))

    if block is None:
        problem(0, f"a '{kind}' exercise needs its items: add a '/// {ITEMS}' block, such as\n{EXAMPLES[kind]}")
        return exercise, problems
    try:
        node = yaml.compose(block.text, Loader=yaml.SafeLoader)
        values = yaml.safe_load(block.text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem(block.line + (mark.line if mark else 0), f"the items are not valid YAML: write them as\n{EXAMPLES[kind]}")
        return exercise, problems
    if not isinstance(values, list) or not values:
        problem(block.line, f"write the items as a list, such as\n{EXAMPLES[kind]}")
        return exercise, problems
    required, optional = FIELDS[kind]
    for number, (value, item_node) in enumerate(zip(values, node.value), start=1):
        line = block.line + item_node.start_mark.line
        name = f"item {number}"
        if kind == "matching":
            term = str(value).strip() if isinstance(value, (str, int, float)) else ""
            if not term:
                problem(line, f"{name}: write a glossary term, such as '- surveillance'")
            elif glossary_terms is not None and term.lower() not in {t.lower() for t in glossary_terms}:
                problem(line, f"{name}: '{term}' is not a term of the worksheet's glossary.yml")
            else:
                exercise.items.append(Item(line, prompt=term))
            continue
        if not isinstance(value, dict):
            problem(line, f"{name}: write it as fields, such as\n{EXAMPLES[kind]}")
            continue
        unknown = [k for k in value if k not in (*required, *optional)]
        if unknown:
            problem(line, f"{name}: unknown field '{unknown[0]}': use {', '.join((*required, *optional))}")
        missing = [k for k in required if value.get(k) in (None, "")]
        if missing:
            problem(line, f"{name}: it has no '{missing[0]}'")
            continue
        item = Item(line, prompt=" ".join(str(value.get("statement", value.get("prompt"))).split()))
        if "lines" in value:
            item.lines = _range(value["lines"])
            if item.lines is None:
                problem(line, f"{name}: 'lines: {value['lines']}' is not a range of lines: write it as 'lines: 8–14'")
                continue
        if kind == "true-false":
            if not isinstance(value["answer"], bool):
                problem(line, f"{name}: write the answer as 'answer: true' or 'answer: false'")
                continue
            item.answer = value["answer"]
            item.quotation = " ".join(str(value.get("quotation") or "").split()).strip('"“”«» ')
        elif kind == "find-words":
            words, alternatives = _words(value["answer"]), _words(value.get("alternatives") or [])
            if words is None or (value.get("alternatives") and alternatives is None):
                problem(line, f"{name}: write the answer as a word or a list of words, such as 'answer: ban' "
                              "and 'alternatives: [bans, banned]'")
                continue
            item.answer, item.alternatives = words, alternatives or []
        else:
            options = value["options"]
            if not isinstance(options, list) or len(options) < 2:
                problem(line, f"{name}: give at least two options, as a list")
                continue
            for option in options:
                if isinstance(option, dict) and "text" in option:
                    quote = _range(option.get("quote")) if option.get("quote") is not None else None
                    if option.get("quote") is not None and quote is None:
                        problem(line, f"{name}: write an option's 'quote' as the lines that prove it, such as 'quote: 8–14'")
                    item.options.append(Option(" ".join(str(option["text"]).split()), quote))
                else:
                    item.options.append(Option(" ".join(str(option).split())))
            right = value["answer"] if isinstance(value["answer"], list) else [value["answer"]]
            if not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(options) for n in right):
                problem(line, f"{name}: write the answer as the number of the right option (1 to {len(options)}), "
                              "or a list of them")
                continue
            item.answer = sorted(set(right))
        exercise.items.append(item)
    if kind == "matching" and glossary_terms is not None and exercise.items:
        by_term = {t.lower(): d for t, d in glossary_terms.items()}
        meanings = sorted({by_term[i.prompt.lower()] for i in exercise.items})
        exercise.meanings = meanings
        for item in exercise.items:
            item.answer = meanings.index(by_term[item.prompt.lower()]) + 1
    return exercise, problems
