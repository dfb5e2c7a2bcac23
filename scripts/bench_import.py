#!/usr/bin/env python3
"""Benchmark of the importer. Prints figures; asserts nothing.

1. The plain text of the original sheet (tests/fixtures/sheet.txt), imported
   into a temporary folder: the whole import, draft written, best of N runs.
2. A scanned sheet: the site's worksheet PDF (built and printed as the README
   says, unless --pdf names one) rendered to 300-dpi PNG pages with pdftoppm,
   then imported from the images: the time per page, OCR included. The PDF
   read through its text layer is timed too.

Usage: python scripts/bench_import.py [--repeat N] [--pdf WORKSHEET.pdf]

Figures vary with the machine's load: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sheet_import import import_sheet  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT / "tests" / "fixtures" / "sheet.txt"


def best_time(paths: list[Path], repeat: int) -> float:
    """The fastest of ``repeat`` imports of ``paths``, each into a new folder."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(repeat):
            start = time.perf_counter()
            import_sheet(paths, Path(folder), f"run-{run}")
            times.append(time.perf_counter() - start)
    return min(times)


def worksheet_pdf(folder: Path) -> Path:
    """The first worksheet's PDF, built with the site into ``folder``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "true", "SITE_EDITION": "classroom"}
    site = folder / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return sorted(site.glob("*/pdf/worksheet.pdf"))[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each import; the fastest counts (default 5)")
    parser.add_argument("--pdf", type=Path, help="a worksheet PDF to scan (default: build the site's)")
    args = parser.parse_args()

    seconds = best_time([SHEET], args.repeat)
    print(f"plain text ({SHEET.name}): {seconds * 1000:.0f} ms per import, draft written")

    with tempfile.TemporaryDirectory() as folder:
        pdf = args.pdf or worksheet_pdf(Path(folder))
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(Path(folder) / "page")], check=True)
        pages = sorted(Path(folder).glob("page-*.png"))
        runs = max(1, args.repeat // 2)
        seconds = best_time(pages, runs)
        print(f"scanned pages (300 dpi, Tesseract): {seconds / len(pages):.2f} s per page "
              f"({len(pages)} pages, {seconds:.1f} s, best of {runs})")
        seconds = best_time([pdf], args.repeat)
        print(f"PDF text layer: {seconds * 1000:.0f} ms for {len(pages)} pages")


if __name__ == "__main__":
    main()
