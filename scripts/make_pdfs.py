#!/usr/bin/env python3
"""Render the ready-made PDFs of a built site with Debian's chromium, on A4.

Usage: python scripts/make_pdfs.py [--site DIR]

Writes DIR/pdf/worksheet.pdf (the student worksheet: teacher mode off) and,
for the classroom edition, DIR/pdf/answer-key.pdf (teacher mode on). The
student edition has no teacher toggle, and gets the worksheet only.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGE = "worksheet/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium_path() -> str | None:
    """The browser to drive: $CHROMIUM_PATH, else Debian's chromium."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def make_pdfs(site: Path) -> list[Path]:
    """The PDFs written, in order."""
    sheet = site / PAGE / "index.html"
    if not sheet.exists():
        raise SystemExit(f"make_pdfs.py: {sheet} not found: build the site first (mkdocs build)")
    browser_path = chromium_path()
    if not browser_path:
        raise SystemExit("make_pdfs.py: chromium not found (apt-get install chromium, or set CHROMIUM_PATH)")
    classroom = 'class="teacher-toggle"' in sheet.read_text(encoding="utf-8")
    jobs = [("worksheet.pdf", "0")] + ([("answer-key.pdf", "1")] if classroom else [])
    out = site / "pdf"
    out.mkdir(exist_ok=True)
    (out / "answer-key.pdf").unlink(missing_ok=True)  # never a stale key in a student edition
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            for name, teacher in jobs:
                context = browser.new_context()
                context.route(lambda url: not url.startswith(base), lambda route: route.abort())
                page = context.new_page()
                page.goto(f"{base}{PAGE}?teacher={teacher}", wait_until="networkidle")
                if teacher == "1":
                    # Teacher mode puts the answer key in the sheet's slots (assets/js/teacher.js).
                    page.wait_for_function("!document.querySelector('[data-answer-key]')")
                page.emulate_media(media="print")
                page.pdf(path=str(out / name), format="A4", print_background=True, prefer_css_page_size=True)
                written.append(out / name)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    args = parser.parse_args()
    start = time.perf_counter()
    for path in make_pdfs(args.site):
        print(f"{path}  {path.stat().st_size / 1024:.0f} KB")
    print(f"done in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
