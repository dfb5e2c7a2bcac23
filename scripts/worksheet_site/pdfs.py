"""Each worksheet's PDFs, printed from the built site by chromium (Playwright).

The worksheet is the printed sheet page with teacher mode off; the answer
key, in the classroom edition only, the same page with teacher mode on. The
vocabulary test and its key are printed the same way from the vocabulary
test page. All print on A4 as a browser prints them (the site's print
stylesheet), each word hyphenated by the language it is written in
(hyphenation.py).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mkdocs.exceptions import PluginError

from .hyphenation import hyphenate

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: kind -> (file name in the worksheet's folder, teacher mode on, the page printed)
KINDS = {"worksheet": ("pdf/worksheet.pdf", False, "worksheet.md"),
         "answer_key": ("pdf/answer-key.pdf", True, "worksheet.md"),
         "vocabulary_test": ("pdf/vocabulary-test.pdf", False, "vocabulary-test.md"),
         "vocabulary_key": ("pdf/vocabulary-test-key.pdf", True, "vocabulary-test.md")}


def kinds(*, student: bool) -> list[str]:
    """The PDFs an edition has: no key in the student edition."""
    return [kind for kind, (_, teacher, _) in KINDS.items() if not (student and teacher)]


def page_name(kind: str) -> str:
    """The worksheet's page the PDF ``kind`` prints."""
    return KINDS[kind][2]


def file_name(kind: str) -> str:
    return KINDS[kind][0]


def chromium_path() -> str | None:
    """The browser to drive: $CHROMIUM_PATH, else Debian's chromium."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def render(site: Path, sheets: list[tuple[str, dict[str, str]]], *, student: bool) -> list[Path]:
    """Prints each ``(worksheet folder, {page name: page URL})`` of the built
    ``site`` (the pages of ``page_name``); the PDFs written."""
    browser_path = chromium_path()
    if not browser_path:
        raise PluginError("PDFs: chromium not found (apt-get install chromium, or set CHROMIUM_PATH); "
                          "or build without them (pdfs: false)")
    from playwright.sync_api import sync_playwright  # only a build that makes PDFs needs it

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
            for folder, urls in sheets:
                for kind in kinds(student=student):
                    name, teacher, printed = KINDS[kind]
                    url = urls[printed]
                    target = site / folder / name
                    context = browser.new_context()
                    context.route(lambda address: not address.startswith(base), lambda route: route.abort())
                    page = context.new_page()
                    page.goto(f"{base}{url}?teacher={int(teacher)}", wait_until="networkidle")
                    page.emulate_media(media="print")
                    hyphenate(page)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
                    written.append(target)
                    context.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return written
