#!/usr/bin/env python3
"""Check the worksheets: every question tied to real lines and real quotations.

Usage: python scripts/check.py [--docs DIR] [--coverage]

Checks every worksheet of the docs folder (a folder holding an article.md,
the docs folder itself included) and every sequence, as the build does, with
the default language of a text that the mkdocs.yml beside the docs folder sets.

Exit 0 when clean, 1 with one ``path:line: message`` per problem (sorted),
2 on a usage error. Warnings are printed but do not fail the check. A reader
that stops early (``check.py --coverage | head``) ends the output quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402
from worksheet.checks import coverage  # noqa: E402
from worksheet.language import site_default  # noqa: E402
from worksheet.library import load_library  # noqa: E402
from worksheet.library_checks import check_library  # noqa: E402

DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the content folder (default: docs/)")
    parser.add_argument("--coverage", action="store_true", help="print which questions cite each line of each article")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        parser.error(f"{args.docs}: no such folder")
    library = load_library(args.docs, site_language(args.docs.parent / "mkdocs.yml"))
    problems = check_library(library)
    rows = [str(problem) for problem in problems]
    if not library.worksheets and not problems:
        rows.append(f"{args.docs}: no worksheet (a folder holding an article.md)")
    if args.coverage:
        for worksheet in library.worksheets:
            rows += [f"# {worksheet.article.path}", coverage(worksheet)]
    return _say(rows, 1 if any(not p.warning for p in problems) else 0)


class _Lenient(yaml.SafeLoader):
    """YAML that reads MkDocs' tags (``!ENV``, ``!!python/name:``) as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def site_language(mkdocs_yml: Path) -> str:
    """The default language of a text, as the build takes it from ``mkdocs.yml``:
    the worksheet plugin's ``language``, else ``theme.language``."""
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Lenient) or {}
    except (OSError, yaml.YAMLError):
        return site_default(None, None)
    plugins = config.get("plugins") or []
    options = next((p["worksheet"] for p in plugins if isinstance(p, dict) and isinstance(p.get("worksheet"), dict)), {})
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    return site_default(options.get("language"), theme.get("language"))


def _say(rows: list[str], status: int) -> int:
    """Print the rows; when the reader has gone (a closed pipe), stop there."""
    try:
        for row in rows:
            print(row)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would try to flush again on exit and complain: point stdout at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


if __name__ == "__main__":
    sys.exit(main())
