#!/usr/bin/env python3
"""Benchmark of the importer on a corpus of paper worksheets. Prints figures;
asserts nothing.

The corpus (tests/fixtures/scans/: three public-domain texts laid out like
lycée worksheets, one justified, one over two pages, one in two columns) is
printed by chromium, then imported in each form a teacher may have it in:
the PDF with its text layer, grey scans at 300 and 150 dpi, the two-page
scan bound as a PDF with no text, and phone photos (1-3° of skew,
perspective, uneven light, noise, JPEG). For each, a row: lines kept and
lines exactly right, margin numbers on the right line, word accuracy,
questions verbatim, seconds per page (wall clock, and in brackets the
processor time of the import and the OCR it ran, which a busy machine does
not inflate), and whether the import succeeded or
failed loudly (with its message).

Usage: python scripts/bench_import_corpus.py [--sheet NAME] [--variant TEXT] [--skew blobs|deskew] [--keep DIR]

Figures vary with the machine's load: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))

from corpus import corpus, score, variants  # noqa: E402
from sheet_import import ImportFailure, import_sheet  # noqa: E402

HEADER = ("| sheet | input | result | lines kept | lines exactly right | margin numbers on their line "
          "| words right | questions verbatim | s/page (CPU) |")


def pages_of(paths: list[Path]) -> int:
    if paths[0].suffix == ".pdf":
        import subprocess

        info = subprocess.run(["pdfinfo", str(paths[0])], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return len(paths)


def _cpu() -> float:
    """Processor seconds of this process and the OCR it ran."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def row(sheet, name: str, paths: list[Path], docs: Path, slug: str) -> str:
    start, cpu = time.perf_counter(), _cpu()
    try:
        done = import_sheet(paths, docs, slug)
        result, drafted = "written", done.sheet
    except ImportFailure as failure:
        result, drafted = f"failed: {str(failure)[:90]}", getattr(failure, "sheet", None)
    pages = pages_of(paths)
    seconds = f"{(time.perf_counter() - start) / pages:.1f} ({(_cpu() - cpu) / pages:.1f})"
    if drafted is None:
        return f"| {sheet.name} | {name} | {result} | – | – | – | – | – | {seconds} |"
    s = score(sheet, [line.text for line in drafted.lines], drafted.margin_numbers,
              [q.text for q in drafted.questions])
    return (f"| {sheet.name} | {name} | {result} | {s.kept}/{s.lines} | {s.exact}/{s.lines} "
            f"| {s.numbers_right}/{s.numbers} | {s.word_accuracy:.1%} | {s.questions_verbatim}/{s.questions} "
            f"| {seconds} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheet", help="only this sheet of the corpus (e.g. walden)")
    parser.add_argument("--variant", help="only the inputs whose name contains this (e.g. photo)")
    parser.add_argument("--skew", choices=["blobs", "deskew"],
                        help="how the skew is measured: OpenCV's text blobs (the default), or the deskew package "
                             "(pip install deskew first)")
    parser.add_argument("--keep", type=Path, help="keep the printed sheets, scans and photos in this folder")
    args = parser.parse_args()
    if args.skew:
        from sheet_import import cleaning

        cleaning.SKEW = args.skew
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        print(HEADER)
        print("|" + "---|" * HEADER.count(" | ") + "---|")
        for k, sheet in enumerate(s for s in corpus() if args.sheet in (None, s.name)):
            for j, (name, paths) in enumerate(variants(sheet, folder / sheet.name).items()):
                if args.variant and args.variant not in name:
                    continue
                print(row(sheet, name, paths, Path(scratch) / "docs", f"draft-{k}-{j}"), flush=True)


if __name__ == "__main__":
    main()
