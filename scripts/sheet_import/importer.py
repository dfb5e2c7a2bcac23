"""One import from end to end: read the sheet, look for OCR errors and
glossary candidates, write the draft folder, and for a sheet read by OCR the
review material beside the docs folder (``review``)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .draft import draft_folder, write_draft
from worksheet.language import DEFAULT

from .glossary_candidates import Candidate, glossary_candidates
from .load import load_sheet
from .ocr_suspects import Suspect, find_suspects
from .review import review_folder, write_review
from .self_checks import Finding, self_check
from .sheet import OCR, Sheet


@dataclass(frozen=True)
class Imported:
    sheet: Sheet
    suspects: list[Suspect]
    candidates: list[Candidate]
    folder: Path
    files: list[Path]
    findings: list[Finding]  # what the importer could not make sure of: the draft needs checking

    @property
    def to_check(self) -> bool:
        """Whether a teacher must check the draft against the paper sheet first."""
        return bool(self.findings or self.suspects)


def import_sheet(paths: list[Path], docs: Path, slug: str, language: str = DEFAULT) -> Imported:
    """Import ``paths`` (a text, a PDF, or page images) into ``docs/slug/``;
    ``language``: the code of the text's language (``sheet_import.languages``)."""
    folder = draft_folder(docs, slug)
    with tempfile.TemporaryDirectory() as kept:
        sheet, findings = self_check(load_sheet(paths, Path(kept), language), language)
        suspects = find_suspects(sheet.lines, language)
        candidates = glossary_candidates(sheet.lines, {s.found for s in suspects if s.suggestion}, language)
        files = write_draft(folder, sheet, suspects, candidates, findings, language)
        if sheet.kind == OCR:
            write_review(review_folder(docs, slug), sheet, Path(kept))
    return Imported(sheet, suspects, candidates, folder, files, findings)
