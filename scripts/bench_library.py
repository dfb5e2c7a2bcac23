#!/usr/bin/env python3
"""How the site grows with the library: a benchmark that prints figures and
asserts nothing.

Usage: python scripts/bench_library.py [--sizes 2,10,25,50] [--repeat N] [--before DIR]
                                       [--lighthouse-runs N] [--every-page 2,50]

Writes synthetic libraries of 2, 10, 25 and 50 worksheets: distinct texts
(65 printed lines of English words drawn by their frequency, seeded by the
worksheet's number), 7 questions each with their quotations, a glossary and
notes, five worksheets to a sequence. For each size it builds, in one run:

- this site (the project's mkdocs.yml, overrides/ and installed plugin);
- with --before DIR, the same library with another checkout's mkdocs.yml,
  overrides/ and scripts/ (the project as it was);
- a plain Material site of the same texts: each article and its questions as
  ordinary Markdown pages, Material's defaults with ``font: false``, search.

and measures: loading and checking the library; the build (best of
--repeat); every search artefact (files, bytes, gzip -9); the first-load
weight of the first worksheet's article and questions pages (every response
until the network is idle, gzip -9 for text; bench_site.py's way); and
Lighthouse 12.2.3's mobile Performance of that article page (median of
--lighthouse-runs). With --every-page, at those sizes, Lighthouse's four
scores on one page of each kind of this site.

Targets: first load of the article page at most 1.15x plain Material's, of
the questions page at most 1.25x; the build at most 2x plain Material's at 2
worksheets, linear, 50 worksheets in under 60 s; Performance >= 98,
Accessibility 100, Best Practices 100, SEO >= 95.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import build as time_build, first_load, lighthouse, plain_project, seo_cell  # noqa: E402
from worksheet.library import load_library  # noqa: E402
from worksheet.library_checks import check_library  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LINES, QUESTIONS, TERMS, NOTES, PER_SEQUENCE = 65, 7, 20, 5, 5
ARTICLE, QUESTIONS_PAGE = "text-001/article/", "text-001/questions/"
PAGE_KINDS = ["", "sequences/sequence-1/", "text-001/", ARTICLE, QUESTIONS_PAGE, "text-001/glossary/",
              "text-001/worksheet/", "glossary/", "glossary/c/"]  # the last: past 300 terms
WEIGHT_TARGETS = {ARTICLE: 1.15, QUESTIONS_PAGE: 1.25}


def english_words() -> tuple[list[str], list[float]]:
    """Plain English words and their frequencies, for texts that index and
    compress as real ones do."""
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", 20000) if w.isalpha() and w.isascii() and len(w) > 1 or w in ("a", "i")]
    return words, [word_frequency(w, "en") for w in words]


def worksheet(folder: Path, rng: random.Random, vocabulary: tuple[list[str], list[float]]) -> None:
    words, weights = vocabulary
    lines = []
    for n in range(1, LINES + 1):
        text = " ".join(rng.choices(words, weights, k=rng.randint(7, 10)))
        lines.append("" if n % 22 == 0 else ("  " + text if n % 22 == 1 else text))
    (folder / "article.md").write_text(
        f"---\nheadline: {' '.join(rng.choices(words, weights, k=6)).capitalize()}\nauthor: A. Writer\n"
        "publication: The Bench\ndate: 1 May 2024\n---\n\n```article\n" + "\n".join(lines) + "\n```\n",
        encoding="utf-8")

    def quotation(first: int, last: int) -> tuple[str, int]:
        n = rng.choice([k for k in range(first, last + 1) if lines[k - 1]])
        line = lines[n - 1].split()
        start = rng.randrange(0, len(line) - 3)
        return " ".join(line[start:start + 3]), n

    blocks = []
    for _ in range(QUESTIONS):
        first = rng.randint(1, LINES - 8)
        last = first + rng.randint(2, 7)
        asked, _ = quotation(first, last)
        answer = " and ".join(f'"{text}" (l. {n})' for text, n in (quotation(first, last) for _ in range(2)))
        topic = " ".join(rng.choices(words, weights, k=8))
        blocks.append(f"//// question\n    lines: {first}–{last}\n    writing-space: 5\n\n"
                      f"What does « {asked} » mean? Think of {topic}.\n\n/// model-answer\nThe text says {answer}.\n///\n\n"
                      f"/// teacher-notes\n- Check the quotations.\n///\n////\n")
    (folder / "questions.md").write_text("Answer in full sentences.\n\n" + "\n".join(blocks), encoding="utf-8")
    used = sorted({w for line in lines for w in line.split() if len(w) > 5})
    (folder / "glossary.yml").write_text("".join(
        f"- term: \"{t}\"\n  pos: noun\n  definition: The word {t}, as the text uses it.\n  french: le mot {t}\n\n"
        for t in rng.sample(used, min(TERMS, len(used)))), encoding="utf-8")
    numbered = [n for n, text in enumerate(lines, 1) if text]
    (folder / "notes.yml").write_text("".join(
        f"- line: {n}\n  phrase: \"{lines[n - 1].split()[0]}\"\n  note: {' '.join(rng.choices(words, weights, k=10))}.\n"
        for n in sorted(rng.sample(numbered, NOTES))), encoding="utf-8")
    (folder / "index.md").write_text(f"---\ntitle: Text {folder.name[-3:]}\nlevel: B1\ntheme: Bench\ntime: 1 hour\n---\n\n"
                                     "A worksheet.\n", encoding="utf-8")


def library(root: Path, size: int, project: Path = ROOT, seed: int = 1) -> Path:
    """A project folder: ``project``'s configuration and theme, ``size`` worksheets."""
    vocabulary = english_words()
    root.mkdir(parents=True)
    shutil.copy(project / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(project / "overrides", root / "overrides")
    docs = root / "docs"
    (docs / "sequences").mkdir(parents=True)
    (docs / "index.md").write_text("# Library\n\n```library\n```\n", encoding="utf-8")
    slugs = [f"text-{i:03d}" for i in range(1, size + 1)]
    for i, slug in enumerate(slugs, 1):
        (docs / slug).mkdir()
        worksheet(docs / slug, random.Random(seed * 100_000 + i), vocabulary)
    for k in range(0, size, PER_SEQUENCE):
        names = "".join(f"  - {s}\n" for s in slugs[k:k + PER_SEQUENCE])
        (docs / "sequences" / f"sequence-{k // PER_SEQUENCE + 1}.md").write_text(
            f"---\ntitle: Sequence {k // PER_SEQUENCE + 1}\nworksheets:\n{names}---\n\nFive texts.\n", encoding="utf-8")
    return root


def search_artefacts(site: Path) -> dict[str, tuple[int, int, int, int]]:
    """{kind: (files, bytes, gzip -9 bytes, biggest gzip)} of every search file."""
    kinds: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for path in [*site.glob("search/*"), *(site / "pagefind").rglob("*")]:
        if not path.is_file() or path.suffix == ".gz":
            continue
        rel = path.relative_to(site).as_posix()
        kind = (rel.rsplit("/", 1)[0] + "/*" + path.suffix) if path.parent.name in ("fragment", "index") else rel
        if kind.startswith("pagefind/pagefind.") and kind.endswith(".pf_meta"):
            kind = "pagefind/pagefind.*.pf_meta"
        data = path.read_bytes()
        packed = data if data[:2] == b"\x1f\x8b" else gzip.compress(data, 9, mtime=0)
        kinds[kind].append((len(data), len(packed)))
    return {k: (len(v), sum(a for a, _ in v), sum(b for _, b in v), max(b for _, b in v)) for k, v in sorted(kinds.items())}


def time_check(docs: Path) -> float:
    start = time.perf_counter()
    problems = check_library(load_library(docs))  # warnings too: the build is strict
    if problems:
        sys.exit(f"bench_library.py: the synthetic library has problems: {[str(p) for p in problems]}")
    return time.perf_counter() - start


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2,10,25,50", help="library sizes, in worksheets")
    parser.add_argument("--repeat", type=int, default=2, help="builds per figure; the best is kept")
    parser.add_argument("--before", type=Path, help="another checkout of the project, measured beside this one")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="Lighthouse runs per page (0: none)")
    parser.add_argument("--every-page", default="", help="sizes at which every kind of page gets Lighthouse's scores")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    every_page = {int(s) for s in args.every_page.split(",") if s}
    sites = {"this site": ROOT, **({"before": args.before.resolve()} if args.before else {})}
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}; "
          f"best of {args.repeat} builds; {LINES} lines and {QUESTIONS} questions a worksheet\n")
    rows, artefacts, scores = [], {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        for size in sizes:
            row = {"size": size}
            built = {}
            for label, project in sites.items():
                root = library(Path(tmp) / f"{label.replace(' ', '-')}-{size}", size, project)
                if label == "this site":
                    row["check"] = min(time_check(root / "docs") for _ in range(args.repeat))
                engine = None if label == "this site" else project / "scripts"
                row[label] = min(time_build(root, root / "site", engine) for _ in range(args.repeat))
                built[label] = root / "site"
            plain = plain_project(Path(tmp) / f"plain-{size}", load_library(Path(tmp) / f"this-site-{size}" / "docs"))
            row["plain Material"] = min(time_build(plain, plain / "site") for _ in range(args.repeat))
            built["plain Material"] = plain / "site"
            row["pages"] = len(list(built["this site"].rglob("index.html")))
            for label, site in built.items():
                row[label, "search"] = search_artefacts(site)
                for page in (ARTICLE, QUESTIONS_PAGE):
                    row[label, page] = first_load(site, page)[0]
                if args.lighthouse_runs:
                    row[label, "performance"] = lighthouse(site, [ARTICLE], args.lighthouse_runs)[ARTICLE]["performance"]
            artefacts[size] = row["this site", "search"]
            if size in every_page and args.lighthouse_runs:
                kinds = [page for page in PAGE_KINDS if (built["this site"] / page / "index.html").exists()]
                scores[size] = lighthouse(built["this site"], kinds, args.lighthouse_runs)
            rows.append(row)
            print(f"  {size} worksheets measured", file=sys.stderr)

    labels = list(sites) + ["plain Material"]
    print("## Build\n")
    print("| worksheets | pages | check | " + " | ".join(labels) + " | this site / plain | per worksheet |")
    print("|---:|---:|---:|" + "---:|" * len(labels) + "---:|---:|")
    for row in rows:
        print(f"| {row['size']} | {row['pages']} | {row['check']:.2f} s | "
              + " | ".join(f"{row[label]:.2f} s" for label in labels)
              + f" | {row['this site'] / row['plain Material']:.2f}x | {row['this site'] / row['size'] * 1000:.0f} ms |")
    print("\n## First load (gzip -9, every response until the network is idle)\n")
    print("| worksheets | page | " + " | ".join(labels) + " | this site / plain | target |")
    print("|---:|---|" + "---:|" * len(labels) + "---:|---|")
    for row in rows:
        for page, target in WEIGHT_TARGETS.items():
            ratio = row["this site", page] / row["plain Material", page]
            print(f"| {row['size']} | {page.split('/')[1]} | " + " | ".join(kb(row[label, page]) for label in labels)
                  + f" | {ratio:.2f}x | ≤ {target}x: {'met' if ratio <= target else 'MISSED'} |")
    print("\n## Search artefacts (files, bytes, gzip -9, biggest file gzip)\n")
    for label in labels:
        print(f"### {label}\n")
        print("| worksheets | artefact | files | bytes | gzip | biggest (gzip) |")
        print("|---:|---|---:|---:|---:|---:|")
        for row in rows:
            for kind, (files, raw, packed, biggest) in row[label, "search"].items():
                print(f"| {row['size']} | `{kind}` | {files} | {kb(raw)} | {kb(packed)} | {kb(biggest)} |")
        print()
    if args.lighthouse_runs:
        print(f"## Lighthouse 12.2.3 mobile Performance of {ARTICLE} (median of {args.lighthouse_runs})\n")
        print("| worksheets | " + " | ".join(labels) + " |")
        print("|---:|" + "---:|" * len(labels))
        for row in rows:
            print(f"| {row['size']} | " + " | ".join(str(row[label, "performance"]) for label in labels) + " |")
    for size, found in scores.items():
        print(f"\n## Lighthouse 12.2.3 mobile, every kind of page, {size} worksheets "
              f"(median of {args.lighthouse_runs})\n")
        print("| page | Performance | Accessibility | Best Practices | SEO |")
        print("|---|---:|---:|---:|---:|")
        for page, s in found.items():
            print(f"| `/{page}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {seo_cell(s)} |")
    if not rows:
        return 0
    first, last = rows[0], rows[-1]
    growth = (last["this site"] - first["this site"]) / max(1, last["size"] - first["size"])
    print(f"\nBuild: {growth * 1000:.0f} ms per added worksheet between {first['size']} and {last['size']}; "
          f"median per worksheet {statistics.median(r['this site'] / r['size'] for r in rows) * 1000:.0f} ms.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
