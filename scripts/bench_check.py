#!/usr/bin/env python3
"""Benchmark of the worksheet checks. Prints figures; asserts nothing.

1. A synthetic worksheet of 5,000 article lines and 1,000 questions (each
   with 3 line references, 2 quotations in the question and 2 quoted, line-
   referenced ones in the model answer), plus glossary and notes, is written
   to a temporary folder, then loaded and checked with the real
   ``load_worksheet`` and ``check``. The same at 2x and 4x that size shows
   how the cost grows. Target: under 1 s at 1x.
2. The real site's ``mkdocs build``, with the hook and without it (a
   temporary copy of mkdocs.yml with no ``hooks:`` entry, on the same docs/).
   Target: the hook adds under 10 %.

Usage: python scripts/bench_check.py [--repeat N] [--no-build]

Figures vary with the machine's load: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from worksheet import load_worksheet  # noqa: E402
from worksheet.checks import check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LINES, QUESTIONS, TERMS, NOTES = 5_000, 1_000, 200, 200


# -- a synthetic worksheet ---------------------------------------------------------

def synthetic(folder: Path, scale: int, seed: int = 1) -> None:
    """Write a clean worksheet of ``scale`` times the base size into ``folder``."""
    rng = random.Random(seed)
    vocabulary = [_word(rng) for _ in range(3_000 * scale)]  # terms stay as frequent at every size
    n_lines, n_questions = LINES * scale, QUESTIONS * scale
    lines = []
    for n in range(1, n_lines + 1):
        if n % 40 == 0:
            lines.append("")  # a blank line between paragraphs
        else:
            lines.append(("  " if n % 40 == 1 else "") + " ".join(rng.choices(vocabulary, k=rng.randint(6, 10))))
    article = "---\nheadline: A synthetic article\n---\n\n```article\n" + "\n".join(lines) + "\n```\n"

    def passage(first: int, last: int) -> tuple[str, int, int]:
        """A few words from lines first..last, possibly over a line break."""
        n = rng.randint(first, last)
        while not lines[n - 1]:
            n = n - 1 if n > first else n + 1
        words = lines[n - 1].split()
        nxt = lines[n].split() if n < len(lines) and n < last and lines[n] else []
        if nxt and rng.random() < 0.3:  # over the line break
            return " ".join(words[-2:] + nxt[:2]), n, n + 1
        start = rng.randrange(0, max(1, len(words) - 3))
        return " ".join(words[start : start + rng.randint(2, 4)]), n, n

    questions = ["# Questions\n"]
    for k in range(1, n_questions + 1):
        ranges = []
        for _ in range(3):
            first = rng.randint(1, n_lines - 12)
            ranges.append((first, first + rng.randint(2, 10)))
        links = ", ".join(f"[lines {a}–{b}](article.md#L{a})" for a, b in ranges)
        q_quotes = [passage(*rng.choice(ranges))[0] for _ in range(2)]
        a_quotes = [passage(*rng.choice(ranges)) for _ in range(2)]
        answer = " and ".join(
            f'"{text}" ' + (f"(l. {a})" if a == b else f"(lines {a}–{b})") for text, a, b in a_quotes
        )
        questions.append(
            f"## Question {k} {{ #q{k} }}\n\nWhat does « {q_quotes[0]} » mean, and why \"{q_quotes[1]}\"?\n\n"
            f"Lines: {links}\n\nWriting space: 4 lines\n\n### Model answer\n\nThe text says {answer}.\n\n"
            f"### Teacher notes\n\n- Check the quotations.\n"
        )

    terms = rng.sample(vocabulary, TERMS * scale)
    glossary = "".join(
        f"- term: {t}\n  forms: [{t}s]\n  pos: noun\n  definition: A word of the synthetic article.\n  french: un mot\n\n"
        for t in terms
    )
    notes = []
    for n in rng.sample([i for i, text in enumerate(lines, 1) if text], NOTES * scale):
        notes.append(f"- line: {n}\n  phrase: {lines[n - 1].split()[0]}\n  note: A note.\n")

    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("article.md", article), ("questions.md", "\n".join(questions)),
                       ("glossary.yml", glossary), ("notes.yml", "\n".join(notes))):
        (folder / name).write_text(text, encoding="utf-8")


def _word(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9)))


def time_check(folder: Path, repeat: int) -> tuple[float, float, int]:
    """Best (load, check) seconds over ``repeat`` runs, and the problem count."""
    loads, checks = [], []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        ws = load_worksheet(folder)
        t1 = time.perf_counter()
        problems = check(ws)
        t2 = time.perf_counter()
        loads.append(t1 - t0)
        checks.append(t2 - t1)
    return min(loads), min(checks), len(problems)


# -- the real site's build, with and without the hook ---------------------------------

def config_without_hook(folder: Path) -> Path:
    """A copy of mkdocs.yml with no ``hooks:`` entry, its relative paths made
    absolute so that it builds the same docs/ from another folder."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:[ \t]+-.*\n)+", "", text, flags=re.M)
    text = re.sub(r"^(docs_dir:\s*)(\S+)", lambda m: m[1] + str(ROOT / m[2]), text, flags=re.M)
    text = re.sub(r"^(\s+custom_dir:\s*)(\S+)", lambda m: m[1] + str(ROOT / m[2]), text, flags=re.M)
    if not re.search(r"^docs_dir:", text, flags=re.M):
        text += f"\ndocs_dir: {ROOT / 'docs'}\n"
    config = folder / "mkdocs-without-hook.yml"
    config.write_text(text, encoding="utf-8")
    return config


def time_build(config: Path, dest: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_EDITION", None)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def time_hook_code(dest: Path) -> tuple[float, float, dict[str, float]]:
    """An in-process build of the real site with the hook's event handlers
    timed: (build seconds, seconds spent in the hook, seconds per event)."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(dest))
    plugins = config.plugins
    hook = next(name for name in plugins if name.endswith("hook.py"))
    spent: dict[str, float] = {}

    def timed(event, method):
        def run(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[event] = spent.get(event, 0.0) + time.perf_counter() - t0
        return run

    for event, methods in plugins.events.items():
        for i, method in enumerate(methods):
            if plugins._event_origins.get(method) == hook:
                methods[i] = timed(event, method)
    t0 = time.perf_counter()
    build(config)
    return time.perf_counter() - t0, sum(spent.values()), spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (default 5): the best check time, the median build time")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs build timings")
    args = parser.parse_args()

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f}; "
          f"best of {args.repeat} runs\n")
    print("Synthetic worksheets (load_worksheet + check):")
    print(f"{'size':>5} {'lines':>7} {'questions':>9} {'quotations':>10} {'load s':>7} {'check s':>8} "
          f"{'total s':>8} {'µs/line':>8} {'problems':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for scale in (1, 2, 4):
            folder = Path(tmp) / f"x{scale}"
            synthetic(folder, scale)
            load, checked, problems = time_check(folder, args.repeat)
            total = load + checked
            base = base or total
            print(f"{scale:>4}x {LINES * scale:>7,} {QUESTIONS * scale:>9,} {4 * QUESTIONS * scale:>10,} "
                  f"{load:>7.3f} {checked:>8.3f} {total:>8.3f} {total / (LINES * scale) * 1e6:>8.1f} {problems:>8}")
        print("Target: under 1 s at 1x; linear growth keeps µs/line flat.\n")

        if args.no_build:
            return 0
        print("The real site's mkdocs build:")
        with_hook, without_hook = [], []
        config = config_without_hook(Path(tmp))
        for i in range(args.repeat):  # alternate, so that both see the same machine load
            with_hook.append(time_build(ROOT / "mkdocs.yml", Path(tmp) / f"with-{i}"))
            without_hook.append(time_build(config, Path(tmp) / f"without-{i}"))
        a, b = statistics.median(with_hook), statistics.median(without_hook)
        print(f"  with the hook     {a:6.2f} s  (median of {args.repeat}, mkdocs build -q in a new process)")
        print(f"  without the hook  {b:6.2f} s  (the article then builds as a plain code block)")
        print(f"  difference        {a - b:+6.2f} s  = {(a - b) / b * 100:+.1f} %   (target: under 10 %)")
        runs = [time_hook_code(Path(tmp) / f"in-process-{i}") for i in range(args.repeat)]
        build_s, hook_s, events = min(runs, key=lambda run: run[1])
        detail = ", ".join(f"{event} {s * 1000:.0f} ms" for event, s in sorted(events.items()))
        print(f"  the hook's own code: {hook_s * 1000:.0f} ms of a {build_s:.2f} s build = "
              f"{hook_s / build_s * 100:.1f} %  ({detail})")
        load, checked, _ = time_check(ROOT / "docs", args.repeat)
        print(f"  loading and checking the real worksheet: {(load + checked) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
