"""Writing the draft worksheet folder ``<docs>/<slug>/`` in the content layout
of a worksheet: ``index.md``, ``article.md``, ``questions.md``,
``glossary.yml`` and ``notes.yml``.

What the sheet could not give is written ``TODO``: the checker refuses to
publish the draft until a teacher has written each one.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from worksheet.language import KEY

from .glossary_candidates import RARE, Candidate
from .ocr_suspects import Suspect
from .self_checks import Finding
from .sheet import ImportFailure, Sheet

TODO = "TODO"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WRITING_SPACE = 6  # ruled lines under a question, until the teacher says otherwise
WIDTH = 76  # where the editor's note is wrapped

GLOSSARY_HEADER = f"""\
# Glossary of the article: words a B1-B2 learner may need, with the meaning
# they have in THIS text.
#
# Fields of each entry:
#   term:       the headword, as it is shown in the pop-up
#   forms:      other forms (plurals, inflections, other spellings) that point
#               to the same entry; matching is case-insensitive and whole-word
#   pos:        part of speech, in plain words
#   definition: a short learner's definition in plain English
#   french:     a natural French translation of the sense used here
#
# Entries are in alphabetical order of term. No form may appear twice.
#
# Drafted by the importer: the article's least common words (a Zipf frequency
# below {RARE:g} in wordfreq's list of the text's language; 3 means one use in a
# million words), each with the lines it stands on. Keep those your students
# need, add the phrases they need, and write every TODO.
"""

NOTES_HEADER = """\
# Notes on names, facts and allusions in the article.
#
# Fields of each note:
#   line:   the printed line where the phrase starts
#   phrase: words that stand verbatim in that line (they may run on into the
#           next line)
#   note:   one to three short sentences of plain English
"""


def draft_folder(docs: Path, slug: str) -> Path:
    """``<docs>/<slug>``, once the slug is checked and the folder is new."""
    if not SLUG.fullmatch(slug):
        raise ImportFailure(f"--slug {slug!r}: use small letters, digits and hyphens, e.g. social-credit")
    folder = docs / slug
    if folder.exists():
        raise ImportFailure(f"{folder}: already exists; choose another --slug or move the folder away")
    return folder


def write_draft(folder: Path, sheet: Sheet, suspects: list[Suspect], candidates: list[Candidate],
                findings: list[Finding] = (), language: str | None = None) -> list[Path]:
    """Write the five files; returns their paths. ``language``: the text's,
    written in ``index.md`` when given."""
    files = {
        "index.md": index_page(sheet, language),
        "article.md": article_page(sheet, suspects, findings),
        "questions.md": questions_page(sheet),
        "glossary.yml": glossary_file(candidates),
        "notes.yml": NOTES_HEADER + "\n[]\n",
    }
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


def index_page(sheet: Sheet, language: str | None = None) -> str:
    meta = {"title": sheet.headline or TODO, "level": TODO, "theme": TODO, "time": TODO}
    if language:
        meta[KEY] = language
    return _front_matter(meta) + f"\n{TODO}: two or three sentences introducing the worksheet.\n"


def article_page(sheet: Sheet, suspects: list[Suspect], findings: list[Finding] = ()) -> str:
    byline = sheet.byline
    meta = {"headline": sheet.headline, "author": byline.author, "publication": byline.publication,
            "date": byline.date}
    rows = [("  " if line.starts_paragraph else "") + line.text for line in sheet.lines]
    note = [_wrapped(sheet.certainty, "    ", "    ")]
    unsure = [(n, line.unsure) for n, line in enumerate(sheet.lines, start=1) if line.unsure]
    if unsure:
        note += ["", "    Words the OCR was unsure of, to check against the paper sheet:", ""]
        note += [_wrapped(f"Line {n}: {', '.join(_code(w) for w in words)}", "    - ", "      ") for n, words in unsure]
    if findings:
        note += ["", "    The importer could not make sure of these: check each against the paper sheet,",
                 "    mend the draft, then delete its line here.", ""]
        note += [_wrapped(f"{TODO}: check {finding}", "    - ", "      ") for finding in findings]
    if suspects:
        note += ["", "    Suspected OCR errors, to check against the paper sheet:", ""]
        note += [_wrapped(f"Line {s.line}: {s.markdown()}", "    - ", "      ") for s in suspects]
    elif sheet.kind:  # read from a sheet, not a blank worksheet
        note += ["", "    No OCR error is suspected."]
    return (_front_matter({k: v or TODO for k, v in meta.items()}) + "\n```article\n" + "\n".join(rows)
            + "\n```\n\n!!! note \"Editor's note\"\n\n" + "\n".join(note) + "\n")


def _code(word: str) -> str:
    """A word as read, as a code span: shown as it is, never read as Markdown or a quotation."""
    return f"`` {word} ``" if "`" in word else f"`{word}`"


def questions_page(sheet: Sheet) -> str:
    found = [(q.text, q.lines) for q in sheet.questions]
    found = found or [(f"{TODO}: the questions (none was found on the sheet).", None)]
    blocks = [
        f"//// question\n    lines: {lines or TODO}\n    writing-space: {WRITING_SPACE}\n\n{_markdown_safe(text)}\n\n"
        f"/// model-answer\n{TODO}\n///\n\n/// teacher-notes\n{TODO}\n///\n////\n"
        for text, lines in found
    ]
    intro = "Answer in full sentences and in your own words.\n"
    return intro + "\n" + "\n".join(blocks)


def glossary_file(candidates: list[Candidate]) -> str:
    if not candidates:
        return GLOSSARY_HEADER + "\n[]\n"
    entries = []
    for c in candidates:
        where = ("line " if len(c.lines) == 1 else "lines ") + ", ".join(map(str, c.lines))
        entries.append(f"# {where} (Zipf frequency {c.frequency:.2f})\n- {_yaml_line('term', c.term)}\n"
                       f"  forms: []\n  pos: {TODO}\n  definition: {TODO}\n  french: {TODO}\n")
    return GLOSSARY_HEADER + "\n" + "\n".join(entries)


def _front_matter(meta: dict) -> str:
    return "---\n" + "".join(_yaml_line(k, v) + "\n" for k, v in meta.items()) + "---\n"


def _yaml_line(key: str, value: str) -> str:
    """``key: value``, the value quoted only when YAML needs it."""
    return yaml.safe_dump({key: value}, allow_unicode=True, width=10_000).rstrip("\n")


def _wrapped(text: str, first: str, rest: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def _markdown_safe(text: str) -> str:
    """The question as written, kept from being read as a list or heading."""
    return re.sub(r"^([#>*+-]|\d+[.)])(?=\s)", lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)
