"""The importer's checks of its own draft, before it is written.

Each check either mends what it is sure of, or reports a ``Finding`` at its
line; a finding makes the command exit 3 and is written into the draft as a
TODO, so the checker blocks publishing until a teacher has looked.

Mended, where the context is sure (the known OCR confusions):

- in English, ``|`` or ``l`` standing alone as a word, or before ``'m``,
  ``'ll``, ``'d``, ``'ve``, is the pronoun "I";
- ``0`` among the letters of a word is the letter O;
- ``rn`` in a word the language's word list does not know, when ``m`` makes a common word;
- a number at the start or the end of a line that is that line's own number
  is a margin number glued to it.

Reported:

- a ``|`` left inside a word;
- a number at a line's start or end that is a near line's number, not its own;
- lines at the end of the text that look numbered like questions;
- no question found, questions not numbered 1, 2, 3 …, a question that
  cites lines it does not give, or lines past the end of the text;
- a page footer or page number ("1/2", "Lycée …", a line printed twice)
  taken as a line of the text or of a question;
- in a sheet read by OCR, a dash read as a hyphen standing apart (``motto, -"That``),
  and two words run together (``anda`` for "and a");
- no margin number matched; the headline or author left TODO.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from worksheet.language import DEFAULT

from .frequency import zipf
from .languages import ONE_LETTER_WORDS
from .sheet import OCR, PrintedLine, Sheet

PRONOUN = re.compile(r"(?<![\w|])[|l](?=(?:'(?:m|ll|d|ve))?(?![\w|.]))")
ZERO_IN_WORD = re.compile(r"\b[A-Za-z]*0[A-Za-z0]*\b")
RN_WORD = re.compile(r"\b[a-z]*rn[a-z]*\b")
BAR_IN_WORD = re.compile(r"\w\||\|\w")
NUMBER_AT_END = re.compile(r"^(.*\S)\s+(\d{1,3})$")
NUMBER_AT_START = re.compile(r"^(\d{1,3})\s+(\S.*)$")
LOOKS_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[a-h]\)|Q\s?\d{1,2}\b|question\s+\d)", re.IGNORECASE)
PAGE_FURNITURE = re.compile(r"(?:^|\s)(?:page\s*)?\d{1,2}\s*(?:/|of)\s*\d{1,2}\s*$|\blyc[ée]e\b|\bcoll[èe]ge\b",
                            re.IGNORECASE)
LONE_HYPHEN = re.compile(r"(?:^|\s)[-–—]+(?=[^\s\d])|(?<=[^\s\d])[-–—]+(?=\s|$)")
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
CITES_LINES = re.compile(r"\b(?:lines?|ll?\.)\s*\d", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    where: str  # "line 12", "question 3", "the byline"
    what: str  # plain words: what to check on the paper sheet

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def self_check(sheet: Sheet, language: str = DEFAULT) -> tuple[Sheet, list[Finding]]:
    """The sheet with what is sure mended, and what is left to check;
    ``language``: the text's (the questions are taken as English, the sheet's
    teaching language, only when the text is)."""
    findings: list[Finding] = []
    lines = [_mended_line(n, line, findings, language) for n, line in enumerate(sheet.lines, start=1)]
    questions = [dataclasses.replace(q, text=_mended_words(q.text, language)) for q in sheet.questions]
    sheet = dataclasses.replace(sheet, lines=lines, questions=questions)
    if sheet.kind == OCR:
        findings += _misread(sheet, language)
    findings += _tail(sheet) + _questions(sheet) + _furniture(sheet) + _credits(sheet)
    return sheet, findings


def _mended_words(text: str, language: str) -> str:
    if language == "en":
        text = PRONOUN.sub("I", text)
    text = ZERO_IN_WORD.sub(lambda m: _zero_mended(m.group(0)), text)
    return RN_WORD.sub(lambda m: _rn_mended(m.group(0), language), text)


def _zero_mended(word: str) -> str:
    if not any(c.isalpha() for c in word):
        return word
    capitals = word.replace("0", "").isupper()
    return "".join(("O" if k == 0 or capitals else "o") if c == "0" else c for k, c in enumerate(word))


def _rn_mended(word: str, language: str) -> str:
    other = word.replace("rn", "m")
    return other if zipf(word, language) < 1.5 and zipf(other, language) >= 3.0 else word


def _mended_line(n: int, line: PrintedLine, findings: list[Finding], language: str) -> PrintedLine:
    text, numbered = _mended_words(line.text, language), line.numbered
    for pattern, number_group, rest_group in ((NUMBER_AT_END, 2, 1), (NUMBER_AT_START, 1, 2)):
        match = pattern.match(text)
        if match and int(match.group(number_group)) == n:
            text, numbered = match.group(rest_group), True
        elif match and not numbered and abs(int(match.group(number_group)) - n) <= 3:
            findings.append(Finding(f"line {n}", f"the number {match.group(number_group)} stands at the line's "
                                    "edge: a margin number of another line, or part of the text?"))
    if BAR_IN_WORD.search(text):
        findings.append(Finding(f"line {n}", f"a \"|\" stands inside a word ({text!r}): I, l or 1?"))
    if text == line.text and numbered == line.numbered:
        return line
    return dataclasses.replace(line, text=text, numbered=numbered)


def _misread(sheet: Sheet, language: str) -> list[Finding]:
    """OCR misreads no single glyph swap explains: a dash as a hyphen, a space lost."""
    found = []
    for n, line in enumerate(sheet.lines, start=1):
        text = line.text
        if LONE_HYPHEN.search(text):
            found.append(Finding(f"line {n}", f"a dash or hyphen touches one word only ({text!r}): as on the sheet?"))
        for word in LOWER_WORD.findall(text):
            split = _run_together(word, language)
            if split:
                found.append(Finding(f"line {n}", f"{word!r} may be {split!r}: two words run together?"))
    return found


def _run_together(word: str, language: str) -> str | None:
    if zipf(word, language) >= 3.0:
        return None
    one_letter = ONE_LETTER_WORDS[language]
    splits = [(word[:k], word[k:]) for k in range(1, len(word))]
    splits = [(min(zipf(a, language), zipf(b, language)), f"{a} {b}") for a, b in splits
              if (len(a) > 1 or a in one_letter) and (len(b) > 1 or b in one_letter)]
    best = max(splits, default=(0.0, None))
    return best[1] if best[0] >= 4.5 else None


def _tail(sheet: Sheet) -> list[Finding]:
    """Lines at the end of the text that look like numbered questions."""
    found = []
    for n in range(len(sheet.lines), max(0, len(sheet.lines) - 8), -1):
        text = sheet.lines[n - 1].text
        if LOOKS_NUMBERED.match(text) and not sheet.lines[n - 1].numbered:
            found.append(Finding(f"line {n}", f"looks numbered like a question ({text[:40]!r}): "
                                 "is it part of the text?"))
    return found[::-1]


def _questions(sheet: Sheet) -> list[Finding]:
    if not sheet.questions:
        return [Finding("the questions", "no question was found: copy them from the sheet")]
    found = []
    numbers = [q.number for q in sheet.questions]
    if numbers != list(range(1, len(numbers) + 1)):
        found.append(Finding("the questions", f"numbered {', '.join(map(str, numbers))}: is one missing?"))
    for q in sheet.questions:
        if q.lines is None and CITES_LINES.search(q.text):
            found.append(Finding(f"question {q.number}", "it cites lines that were not read: write its lines"))
        cited = [int(x) for x in re.findall(r"\d+", q.lines or "")]
        if any(c < 1 or c > len(sheet.lines) for c in cited):
            found.append(Finding(f"question {q.number}", f"it cites lines {q.lines}, past the text's "
                                 f"{len(sheet.lines)} lines: a line lost, or the citation misread?"))
    return found


def _furniture(sheet: Sheet) -> list[Finding]:
    """Page footers, headers and page numbers taken as text or questions."""
    found = []
    seen: dict[str, int] = {}
    for n, line in enumerate(sheet.lines, start=1):
        if PAGE_FURNITURE.search(line.text):
            found.append(Finding(f"line {n}", f"looks like a page footer or page number ({line.text[:40]!r})"))
        elif len(line.text) > 12 and line.text in seen:
            found.append(Finding(f"line {n}", f"the same words as line {seen[line.text]}: a line printed "
                                 "on each page?"))
        seen.setdefault(line.text, n)
    for q in sheet.questions:
        if PAGE_FURNITURE.search(q.text):
            found.append(Finding(f"question {q.number}", f"a page footer or number may have run into it "
                                 f"({q.text[-40:]!r})"))
    return found


def _credits(sheet: Sheet) -> list[Finding]:
    found = []
    if not sheet.headline:
        found.append(Finding("the headline", "not found: write it"))
    if not sheet.byline.author:
        found.append(Finding("the byline", "the author was not found: write it (a source line above or "
                             "below the text)"))
    if sheet.kind and sheet.lines and not sheet.margin_numbers and len(sheet.lines) >= 5:
        found.append(Finding("the line numbers", "no margin number was matched: check each line's number"))
    return found

