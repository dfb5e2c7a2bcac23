#!/usr/bin/env python3
"""Write an empty worksheet to fill in: docs/SLUG/ with its five files.

Usage: python scripts/new_worksheet.py SLUG [--docs DIR]

Every part a teacher has to write says TODO, and the checker refuses to
publish the worksheet, with one message per TODO, until none is left. To
start from a paper sheet instead, use scripts/import_sheet.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sheet_import.draft import TODO, draft_folder, write_draft  # noqa: E402
from sheet_import.sheet import ImportFailure, PrintedLine, Question, Sheet  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

EMPTY = Sheet(
    source="", kind="", headline=None,
    lines=[PrintedLine(f"{TODO}: paste the article here, one printed line of the paper sheet per line.")],
    certainty=f"{TODO}: say where the text comes from, and anything that differs from the original.",
    questions=[Question(1, f"{TODO}: the question, as students read it.")],
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slug", help="the worksheet's folder and address, e.g. climate-protest")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)
    try:
        folder = draft_folder(args.docs, args.slug)
    except ImportFailure as failure:
        print(f"new_worksheet.py: {failure}", file=sys.stderr)
        return 1
    for path in write_draft(folder, EMPTY, [], []):
        print(path)
    print(f"Fill in every {TODO} (scripts/check.py lists them), then preview with ./run.sh serve.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
