#!/usr/bin/env python3
"""Import a paper worksheet into a draft worksheet folder.

Usage: python scripts/import_sheet.py FILE [FILE ...] --slug SLUG [--language CODE] [--docs DIR]

FILE is a plain text of the sheet (OCR output, UTF-8), a PDF (its text layer,
else OCR of its pages), or the images of its pages (PNG, JPEG, TIFF), in
order. Writes DIR/SLUG/ (default DIR: docs/) and prints a short report.
CODE is the language of the sheet's text (en, fr, es, de, it): the OCR reads
it, and the suspects and glossary candidates come from its word list; by
default, the site's (the mkdocs.yml beside DIR).

Exit status:
  0  the draft is written and the importer is sure of what it read;
  3  the draft is written, but it needs checking against the paper sheet:
     the report lists each point (also a TODO in the draft's editor's note);
  1  the sheet was refused, with a one-line message saying what to fix;
  2  a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import site_language  # noqa: E402
from sheet_import import ImportFailure, import_sheet  # noqa: E402
from sheet_import.languages import checked  # noqa: E402
from sheet_import.report import report  # noqa: E402

DEFAULT_DOCS = Path("docs")
NEEDS_CHECKING = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="import_sheet.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="the sheet: a text, a PDF, or its page images in order")
    parser.add_argument("--slug", required=True, help="the new worksheet's folder name, e.g. social-credit")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the content folder (default: docs/)")
    parser.add_argument("--language", metavar="CODE",
                        help="the language of the text: en, fr, es, de or it (default: the site's)")
    args = parser.parse_args(argv)
    try:
        language = checked(args.language or site_language(args.docs.parent / "mkdocs.yml"))
    except ValueError as exc:
        parser.exit(2, f"import: {exc}\n")
    try:
        done = import_sheet(args.files, args.docs, args.slug, language)
    except ImportFailure as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 1
    print(report(done))
    return NEEDS_CHECKING if done.to_check else 0


if __name__ == "__main__":
    sys.exit(main())
