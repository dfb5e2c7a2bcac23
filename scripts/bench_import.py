#!/usr/bin/env python3
"""Benchmark of the importer on generated worksheets. Prints figures;
asserts nothing.

Sheets come from tests/fixtures/sheets/generator.py, one per seed: the
development set (seeds from 0, for tuning) or the held-out set (seeds from
100000, which tuning never looks at; its figures are the ones to quote).
Each sheet is imported as its text-layer PDF, as a scan and as a phone
photo. Each import is, as the command line would end it:

- right: exit 0, and every line at its number, every question verbatim
  with its lines, the headline and the author right;
- flagged: exit 3, a draft written with findings to check (and whether
  the draft was in fact right);
- refused: exit 1, with a message;
- WRONG: exit 0 and not right (must be zero).

Printed per kind of input and per feature drawn, with the share of words,
lines and margin numbers right and the seconds per page.

Usage: python scripts/bench_import.py [--set dev|held-out] [--count N] [--kinds pdf,scan,photo] [--keep DIR]

Figures vary with the machine's load: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "sheets"))

import generator  # noqa: E402
from sheet_import import ImportFailure, import_sheet  # noqa: E402
from worksheet.quotes import normalise  # noqa: E402

SEEDS = {"dev": 0, "held-out": 100000}
KINDS = {"pdf": lambda pdf, seed, folder: [pdf], "scan": generator.scan_of, "photo": generator.photo_of}
OUTCOMES = ("right", "flagged", "refused", "WRONG")


@dataclass
class Result:
    kind: str
    features: dict
    outcome: str
    right_in_fact: bool
    words: float
    lines: float
    numbers: float
    seconds_per_page: float
    why: str


def judge(truth: generator.Truth, sheet) -> tuple[bool, str, float, float, float]:
    """Whether the import is right, why not, and its words, lines and numbers right."""
    want = [normalise(t) for t in truth.lines]
    got = [normalise(line.text) for line in sheet.lines]
    exact = sum(1 for n, t in enumerate(want) if n < len(got) and got[n] == t) / len(want)
    matcher = difflib.SequenceMatcher(a=" ".join(want).split(), b=" ".join(got).split(), autojunk=False)
    words = sum(b.size for b in matcher.get_matching_blocks()) / len(" ".join(want).split())
    numbers = len(set(truth.numbers) & set(sheet.margin_numbers)) / len(truth.numbers) if truth.numbers else 1.0
    questions = [(normalise(q.text), q.lines) for q in sheet.questions]
    wanted_questions = [(normalise(q["text"]), q["lines"]) for q in truth.questions]
    why = []
    if got != want:
        bad = next((n for n in range(max(len(got), len(want))) if n >= len(got) or n >= len(want) or got[n] != want[n]))
        why.append(f"line {bad + 1}" + (f" {got[bad][:40]!r}" if bad < len(got) else " missing")
                   + (f" ({len(got)} lines for {len(want)})" if len(got) != len(want) else ""))
    if questions != wanted_questions:
        why.append(f"questions ({len(questions)} for {len(wanted_questions)})"
                   + next((f" q{k}: {q!r}" for k, (q, w) in enumerate(zip(questions, wanted_questions), 1) if q != w), ""))
    if normalise(sheet.headline or "") != normalise(truth.headline):
        why.append(f"headline {sheet.headline!r}")
    if normalise(sheet.byline.author or "") != normalise(truth.author):
        why.append(f"author {sheet.byline.author!r}")
    return not why, "; ".join(why), words, exact, numbers


def run_one(seed: int, kind: str, folder: Path) -> Result:
    sheet = generator.draw(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "sheet.pdf"
    if not pdf.exists():
        generator.pdf_of(sheet, pdf)
        generator.write_truth(sheet.truth, folder / "truth.yml")
    paths = KINDS[kind](pdf, seed, folder / kind)
    shutil.rmtree(folder / f"docs-{kind}", ignore_errors=True)
    start = time.perf_counter()
    try:
        done = import_sheet(paths, folder / f"docs-{kind}", "draft")
    except ImportFailure as failure:
        seconds = (time.perf_counter() - start) / sheet.pages
        return Result(kind, sheet.truth.features, "refused", False, 0, 0, 0, seconds, str(failure)[:120])
    except Exception as crash:  # a crash is a refusal in a library's words: counted, and shown
        seconds = (time.perf_counter() - start) / sheet.pages
        return Result(kind, sheet.truth.features, "refused", False, 0, 0, 0, seconds,
                      f"CRASH {type(crash).__name__}: {str(crash)[:100]}")
    seconds = (time.perf_counter() - start) / sheet.pages
    right, why, words, lines, numbers = judge(sheet.truth, done.sheet)
    to_check = getattr(done, "to_check", False)
    outcome = "flagged" if to_check else ("right" if right else "WRONG")
    return Result(kind, sheet.truth.features, outcome, right, words, lines, numbers, seconds, why)


def table(title: str, groups: dict[str, list[Result]]) -> list[str]:
    rows = [f"| {title} | sheets | right | flagged (right in fact) | refused | WRONG with exit 0 "
            "| words | lines exact | numbers | s/page (median) |", "|---" * 10 + "|"]
    for name, results in groups.items():
        n = len(results)
        count = {o: sum(1 for r in results if r.outcome == o) for o in OUTCOMES}
        in_fact = sum(1 for r in results if r.outcome == "flagged" and r.right_in_fact)
        seconds = sorted(r.seconds_per_page for r in results)[n // 2]
        mean = lambda attr: sum(getattr(r, attr) for r in results) / n  # noqa: E731
        rows.append(f"| {name} | {n} | {count['right'] / n:.0%} | {count['flagged'] / n:.0%} ({in_fact}) "
                    f"| {count['refused'] / n:.0%} | {count['WRONG'] / n:.0%} | {mean('words'):.1%} "
                    f"| {mean('lines'):.1%} | {mean('numbers'):.1%} | {seconds:.1f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=sorted(SEEDS), default="dev")
    parser.add_argument("--count", type=int, default=30, help="sheets in the run (the held-out set has 200)")
    parser.add_argument("--kinds", default="pdf,scan,photo")
    parser.add_argument("--keep", type=Path, help="keep the sheets, their truth and the drafts in this folder")
    parser.add_argument("--quiet", action="store_true", help="no line per import")
    args = parser.parse_args()
    kinds = args.kinds.split(",")
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        for seed in range(SEEDS[args.set], SEEDS[args.set] + args.count):
            for kind in kinds:
                result = run_one(seed, kind, folder / f"sheet-{seed}")
                results.append(result)
                if not args.quiet and result.outcome != "right":
                    print(f"seed {seed} {kind}: {result.outcome} {result.why}", flush=True)
    print(f"\n{args.set} set, {args.count} sheets (seeds {SEEDS[args.set]}–{SEEDS[args.set] + args.count - 1})\n")
    by_kind = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    print("\n".join(table("input", {"all": results, **by_kind})))
    for feature in ("font", "size", "source", "step", "side", "columns", "pages", "footer", "heading",
                    "numbering", "citation"):
        groups = defaultdict(list)
        for r in results:
            groups[f"{feature}: {r.features[feature]}"].append(r)
        print("\n" + "\n".join(table(feature, dict(sorted(groups.items())))))


if __name__ == "__main__":
    main()
