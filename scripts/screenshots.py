#!/usr/bin/env python3
"""Screenshots of the built site, for the README and for reviewing changes.

Usage: python scripts/screenshots.py [--site DIR] [--out DIR] [--pages PATH,PATH] [--full]

Takes each page (default: every page of the built site; or the addresses
given, such as ``social-credit/article/``) at 1280 px and 390 px wide, in
student mode (teacher mode off) and teacher mode, light palette, with
Debian's chromium. Files are named after the address: ``social-credit-article-390-teacher.png``.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from worksheet_site.pdfs import CHROMIUM_ARGS, chromium_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--pages", help="addresses, comma-separated (default: every page)")
    parser.add_argument("--full", action="store_true", help="whole page, not just the first screen")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site}: no built site (run mkdocs build first)")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.pages:
        paths = [p.strip().lstrip("/") for p in args.pages.split(",")]
    else:
        paths = sorted(page.parent.relative_to(args.site).as_posix() + "/"
                       for page in args.site.rglob("index.html"))
        paths = ["" if p == "./" else p for p in paths]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width, height in ((1280, 900), (390, 844)):
            for mode in ("student", "teacher"):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for path in paths:
                    page.goto(f"{base}{path}?teacher={'1' if mode == 'teacher' else '0'}")
                    page.wait_for_timeout(300)
                    if args.full:  # a phone draws only what is near the screen; a whole-page picture needs it all
                        page.add_style_tag(content="* { content-visibility: visible !important }")
                    name = path.strip("/").replace("/", "-") or "home"
                    shot = args.out / f"{name}-{width}-{mode}.png"
                    page.screenshot(path=shot, full_page=args.full)
                    print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
                context.close()
        browser.close()
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
