#!/usr/bin/env python3
"""How fast the review page reads a class, and what a huge answer costs.

Usage: python scripts/bench_review.py [--students N] [--runs N] [--worksheet SLUG]

Builds the site (classroom edition) into a temporary folder and serves it on
loopback. Then, in Debian's chromium:
- the review page reads N hand-in files (default 35) of the worksheet with
  the most questions (each answer some 60 words, with three quotations of
  the article, one of them misquoted), and shows every answer with its
  checks, the model answers and the class summary: the time from the files
  being picked to the last answer shown (median of --runs runs; target
  under 1 s);
- the quotation check of a 640,000-character answer: in full (what every
  keystroke cost before the answer box checked only its first 20,000
  characters) and as the answer box checks it now.
A benchmark, not a test: it exits 0 whatever it measures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import ROOT, browser_on, build  # noqa: E402
from worksheet.fingerprint import text_fingerprint  # noqa: E402
from worksheet.library import load_library  # noqa: E402

FIRST = "Worksheet answers: hand-in file, format 1"


def hand_in(ws, student: int, rng: random.Random) -> str:
    """A student's hand-in file: every question answered, quoting the article."""
    lines = [(n, line.text) for n, line in enumerate(ws.article.lines, start=1) if len(line.text.split()) >= 4]
    rows = [FIRST, f"worksheet: {ws.slug}", f"title: {ws.title}", f"text: {text_fingerprint([ws.article])}",
            f"name: Student {student:02d}", "class: 2nde 3", "written: 2026-12-01T09:30:00.000Z"]
    for q in ws.questions.questions:
        quotes = []
        for i in range(3):
            n, line = rng.choice(lines)
            words = line.split()
            start = rng.randrange(len(words) - 3)
            quote = " ".join(words[start:start + 3])
            quotes.append(f'"{quote if i else quote + " indeed"}" (l. {n})')
        answer = (f"The writer says {quotes[0]}, which shows the main idea of the passage. "
                  f"Later we read {quotes[1]}, and this is a second point that supports it. "
                  f"Finally {quotes[2]}: so the text argues its case with examples and figures.")
        rows += ["", f"[{q.id}] {q.title}", "written: 2026-12-01T09:20:00.000Z", f"| {answer}"]
    return "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=35)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--worksheet", help="the worksheet's folder (default: the one with the most questions)")
    options = parser.parse_args()
    library = load_library(ROOT / "docs")
    ws = library.worksheet(options.worksheet) if options.worksheet else \
        max(library.worksheets, key=lambda w: len(w.questions.questions))
    rng = random.Random(25)
    files = [{"name": f"student-{i:02d}.txt", "mimeType": "text/plain",
              "buffer": hand_in(ws, i, rng).encode("utf-8")} for i in range(1, options.students + 1)]
    answers = options.students * len(ws.questions.questions)
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        site = Path(tmp) / "site"
        build(ROOT, site)
        with browser_on(site) as (browser, base, _):
            times = []
            for _ in range(options.runs):
                page = browser.new_page()
                page.goto(base + "review/", wait_until="networkidle")
                page.evaluate(f"""() => {{
                    document.querySelector(".review-drop input[type=file]").addEventListener("change", () => {{
                        window.__start = performance.now();
                        new MutationObserver((_, observer) => {{
                            if (document.querySelectorAll(".review-answer").length === {answers}
                                && document.querySelector(".review-table tbody tr")) {{
                                window.__took = performance.now() - window.__start;
                                observer.disconnect();
                            }}
                        }}).observe(document.querySelector(".review"), {{childList: true, subtree: true}});
                    }}, {{capture: true}});
                }}""")
                page.locator(".review-drop input[type=file]").set_input_files(files)
                page.wait_for_function("window.__took !== undefined", timeout=60000)
                times.append(page.evaluate("window.__took"))
                page.close()
            page = browser.new_page()
            page.goto(base + f"{ws.slug}/questions/", wait_until="networkidle")
            page.locator("textarea[id^=answer-]").first.fill('"the"')
            page.wait_for_function(f"window.__articleLines && window.__articleLines['{ws.slug}']")
            huge = page.evaluate(f"""() => {{
                const lines = window.__articleLines['{ws.slug}'];
                const source = new AnswerCheck.Source(lines);
                const words = lines.join(" ").split(/\\s+/).filter(Boolean);
                let answer = "";
                for (let i = 0; answer.length < 640000; i++)
                    answer += `It says "${{words.slice(i % 200, i % 200 + 4).join(" ")}}" (l. ${{i % 30 + 1}}). `;
                answer = answer.slice(0, 640000);
                let start = performance.now();
                const all = AnswerCheck.check(answer, [source]).length;
                const full = performance.now() - start;
                start = performance.now();
                AnswerCheck.check(answer.slice(0, 20000), [source]);
                return [full, performance.now() - start, all];
            }}""")
    print(f"Review page, {ws.slug} ({len(ws.questions.questions)} questions), "
          f"{options.students} hand-in files, {answers} answers:")
    print(f"  read, checked and shown: median {statistics.median(times):.0f} ms "
          f"(runs: {', '.join(f'{t:.0f}' for t in times)}; target < 1000 ms)")
    print(f"Quotation check of a 640,000-character answer ({huge[2]} quotations and mentions):")
    print(f"  in full (before): {huge[0]:.0f} ms    first 20,000 characters (now): {huge[1]:.0f} ms")


if __name__ == "__main__":
    main()
