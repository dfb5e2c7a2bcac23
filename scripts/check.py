#!/usr/bin/env python3
"""Check a worksheet: every question tied to real lines and real quotations.

Usage: python scripts/check.py [--docs DIR] [--coverage]

Exit 0 when clean, 1 with one ``path:line: message`` per problem (sorted),
2 on a usage error. Warnings are printed but do not fail the check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from worksheet import WorksheetError, load_worksheet  # noqa: E402
from worksheet.checks import check, coverage  # noqa: E402

DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the worksheet's content folder (default: docs/)")
    parser.add_argument("--coverage", action="store_true", help="print which questions cite each article line")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        parser.error(f"{args.docs}: no such folder")
    try:
        worksheet = load_worksheet(args.docs)
    except WorksheetError as exc:
        print(exc.problem)
        return 1
    problems = check(worksheet)
    for problem in problems:
        print(problem)
    if args.coverage:
        print(coverage(worksheet))
    return 1 if any(not p.warning for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
