"""The short report an import prints: lines found, numbers matched, the
words the OCR was unsure of (with their lines), suspected errors, questions
found, and how certain the lines are."""

from __future__ import annotations

import textwrap

from .importer import Imported
from .sheet import OCR, Sheet

WIDTH = 88


def report(done: Imported) -> str:
    sheet = done.sheet
    blank = sum(1 for line in sheet.lines if line.blank)
    numbers = sheet.margin_numbers
    byline = [sheet.byline.author, sheet.byline.publication, sheet.byline.date]
    rows = [
        f"Imported {sheet.source} ({sheet.kind}) into {done.folder}/",
        f"  lines found:          {len(sheet.lines)} ({blank} blank)",
        f"  numbers matched:      {len(numbers)}" + (f" ({', '.join(map(str, numbers))})" if numbers else " (none)"),
        *_unsure(sheet),
        f"  to check:             {len(done.findings)}",
        *(f"    {finding}" for finding in done.findings),
        f"  suspected errors:     {len(done.suspects)}",
        *(f"    line {s.line}: {s}" for s in done.suspects),
        f"  questions found:      {len(sheet.questions)}",
        f"  glossary candidates:  {len(done.candidates)}",
        f"  headline:             {sheet.headline or 'not found'}",
        f"  author · publication · date: " + " · ".join(c or "not found" for c in byline),
        textwrap.fill(sheet.certainty, WIDTH),
        ("CHECK the draft against the paper sheet: each point above is a TODO in its editor's note."
         if done.to_check else "Nothing left to check against the paper sheet."),
        "Every TODO in the draft must be written before the checker lets it be published.",
    ]
    return "\n".join(rows)


def _unsure(sheet: Sheet) -> list[str]:
    """The words the OCR was unsure of, by line (a sheet read by OCR only)."""
    if sheet.kind != OCR:
        return []
    rows = [f"    line {n}: {', '.join(line.unsure)}" for n, line in enumerate(sheet.lines, 1) if line.unsure]
    return [f"  unsure words:         {sum(len(line.unsure) for line in sheet.lines)}", *rows]
