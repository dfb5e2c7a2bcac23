#!/usr/bin/env python3
"""How the build and the checks grow with the library: a benchmark that
prints figures and asserts nothing.

Usage: python scripts/bench_library.py [--sizes 10,25,50] [--repeat N]

Writes synthetic libraries of 10, 25 and 50 worksheets (65 printed lines and
7 questions each, with their quotations, glossary and notes, grouped five to
a sequence) next to the project's configuration and theme, then times, for
each: loading and checking the library (``scripts/check.py``'s work) and a
whole ``mkdocs build --strict`` (best of --repeat runs). Growth should be
linear: the cost per worksheet is printed. Target: 50 worksheets built in
under 60 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import build as time_build  # noqa: E402
from worksheet.library import load_library  # noqa: E402
from worksheet.library_checks import check_library  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LINES, QUESTIONS, TERMS, NOTES, PER_SEQUENCE = 65, 7, 20, 5, 5


def worksheet(folder: Path, rng: random.Random, vocabulary: list[str]) -> None:
    lines = []
    for n in range(1, LINES + 1):
        words = " ".join(rng.choices(vocabulary, k=rng.randint(7, 10)))
        lines.append("" if n % 22 == 0 else ("  " + words if n % 22 == 1 else words))
    (folder / "article.md").write_text(
        "---\nheadline: A synthetic article\nauthor: A. Writer\npublication: The Bench\ndate: 1 May 2024\n---\n\n"
        "```article\n" + "\n".join(lines) + "\n```\n", encoding="utf-8")

    def quotation(first: int, last: int) -> tuple[str, int]:
        n = rng.choice([k for k in range(first, last + 1) if lines[k - 1]])
        words = lines[n - 1].split()
        start = rng.randrange(0, len(words) - 3)
        return " ".join(words[start:start + 3]), n

    blocks = []
    for _ in range(QUESTIONS):
        first = rng.randint(1, LINES - 8)
        last = first + rng.randint(2, 7)
        asked, _ = quotation(first, last)
        answers = [quotation(first, last) for _ in range(2)]
        answer = " and ".join(f'"{text}" (l. {n})' for text, n in answers)
        blocks.append(f"//// question\n    lines: {first}–{last}\n    writing-space: 5\n\n"
                      f"What does « {asked} » mean?\n\n/// model-answer\nThe text says {answer}.\n///\n\n"
                      f"/// teacher-notes\n- Check the quotations.\n///\n////\n")
    (folder / "questions.md").write_text("Answer in full sentences.\n\n" + "\n".join(blocks), encoding="utf-8")
    used = sorted({w for line in lines for w in line.split()})
    (folder / "glossary.yml").write_text("".join(
        f"- term: {t}\n  pos: noun\n  definition: A word of the synthetic article.\n  french: un mot\n\n"
        for t in rng.sample(used, TERMS)), encoding="utf-8")
    numbered = [n for n, text in enumerate(lines, 1) if text]
    (folder / "notes.yml").write_text("".join(
        f"- line: {n}\n  phrase: {lines[n - 1].split()[0]}\n  note: A note.\n"
        for n in sorted(rng.sample(numbered, NOTES))), encoding="utf-8")
    (folder / "index.md").write_text("---\ntitle: Synthetic\nlevel: B1\ntheme: Bench\ntime: 1 hour\n---\n\nA worksheet.\n",
                                     encoding="utf-8")


def library(root: Path, size: int, seed: int = 1) -> Path:
    """A project folder: the project's configuration and theme, ``size`` worksheets."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(4, 9))) for _ in range(4000)]
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    docs = root / "docs"
    (docs / "sequences").mkdir(parents=True)
    (docs / "index.md").write_text("# Library\n\n```library\n```\n", encoding="utf-8")
    slugs = [f"text-{i:03d}" for i in range(1, size + 1)]
    for slug in slugs:
        (docs / slug).mkdir()
        worksheet(docs / slug, rng, vocabulary)
    for k in range(0, size, PER_SEQUENCE):
        names = "".join(f"  - {s}\n" for s in slugs[k:k + PER_SEQUENCE])
        (docs / "sequences" / f"sequence-{k // PER_SEQUENCE + 1}.md").write_text(
            f"---\ntitle: Sequence {k // PER_SEQUENCE + 1}\nworksheets:\n{names}---\n\nFive texts.\n", encoding="utf-8")
    return root


def time_check(docs: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    problems = check_library(load_library(docs))
    return time.perf_counter() - start, [str(p) for p in problems]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,25,50", help="library sizes, in worksheets")
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the best is kept")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}; "
          f"best of {args.repeat} runs; {LINES} lines and {QUESTIONS} questions a worksheet\n")
    print("| worksheets | pages | check | per worksheet | build | per worksheet | target |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        for size in sizes:
            root = library(Path(tmp) / f"library-{size}", size)
            check, problems = min(time_check(root / "docs") for _ in range(args.repeat))
            if problems:
                sys.exit(f"bench_library.py: the synthetic library has problems: {problems}")
            build = min(time_build(root, root / "site") for _ in range(args.repeat))
            pages = len(list((root / "site").rglob("index.html")))
            target = f"under 60 s: {'met' if build < 60 else 'MISSED'}" if size == 50 else ""
            print(f"| {size} | {pages} | {check:.2f} s | {check / size * 1000:.0f} ms | {build:.1f} s | "
                  f"{build / size * 1000:.0f} ms | {target} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
