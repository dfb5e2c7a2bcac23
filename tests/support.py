"""Building, serving and reading sites for the tests."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup
from worksheet.interface_text import load as interface_table

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBRARY = FIXTURES / "library" / "docs"  # the tiny library the engine tests build
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # npm ci
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def project(folder: Path, docs: Path = LIBRARY) -> Path:
    """A copy of the project's site configuration and theme in ``folder``, with
    ``docs`` as its docs folder; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", folder / "overrides", dirs_exist_ok=True)
    shutil.copytree(docs, folder / "docs", dirs_exist_ok=True)
    return folder


def mkdocs(root: Path, *args: str, edition: str | None = None, pdfs: bool = False, offline: bool = False,
           site_url: str | None = None, python: str = sys.executable, env: dict | None = None,
           ) -> subprocess.CompletedProcess:
    """``mkdocs ARGS`` run in the project folder ``root``, as the README says;
    ``properdocs ARGS`` when the environment sets SITE_GENERATOR=properdocs."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    environment["SITE_EDITION"] = edition or "classroom"
    environment["SITE_PDFS"] = "true" if pdfs else "false"
    environment["OFFLINE"] = "true" if offline else "false"
    if site_url is not None:
        environment["SITE_URL"] = site_url
    # No -q: in MkDocs 1.6 it also stops warnings from counting under --strict.
    generator = os.environ.get("SITE_GENERATOR", "mkdocs")
    return subprocess.run([python, "-m", generator, *args], cwd=root, env=environment, capture_output=True, text=True)


def build(root: Path, dest: Path, **options) -> Path:
    """``mkdocs build --strict`` of the project in ``root`` into ``dest``; fails
    the test with the log when the build fails."""
    result = mkdocs(root, "build", "--strict", "-d", str(dest), **options)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return dest


def strict_build(root: Path, **options) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the project in ``root``, whatever its outcome."""
    return mkdocs(root, "build", "--strict", "-d", str(root / "site"), **options)


def article_lines(worksheet: Path) -> list[str]:
    """The printed lines of the worksheet in the folder ``worksheet``, read
    from the article block of its source, spaces collapsed."""
    source = (worksheet / "article.md").read_text(encoding="utf-8")
    block = source.split("```article\n", 1)[1].split("\n```", 1)[0]
    return [" ".join(row.split()) for row in block.split("\n")]


def line_of(path: Path, needle: str) -> int:
    """The number of the first row of ``path`` that holds ``needle``."""
    rows = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, row in enumerate(rows, 1) if needle in row)


def log_of(result: subprocess.CompletedProcess) -> str:
    return result.stdout + result.stderr


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    """Serves a built site on 127.0.0.1 in a background thread."""

    def __init__(self, directory: Path, port: int = 0):
        handler = functools.partial(_Quiet, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve_apart(directory: Path, port: int, pids: Path) -> str:
    """Serves a built site on 127.0.0.1 from a process of its own, which
    outlives the test process that started it, so that every worker of a
    parallel run may use it; its id is added to ``pids`` for the run to end
    it. Returns its address once it answers."""
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                "--directory", str(directory)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    with pids.open("a", encoding="utf-8") as file:
        file.write(f"{process.pid}\n")
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return f"http://127.0.0.1:{port}/"
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the server of {directory} did not start on port {port}") from None
            time.sleep(0.1)


def soup(site: Path, page: str) -> BeautifulSoup:
    """The parsed HTML of a built page, by its address: ``soup(site, "bikes/article/")``."""
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return " ".join(element.get_text().split())


def printed_lines(page: BeautifulSoup) -> dict[int, str]:
    """{n: text of the element with id L<n>} for every numbered line of an article page."""
    found = {}
    for element in page.select("[id^=L]"):
        m = re.fullmatch(r"L(\d+)", element["id"])
        if m:
            found[int(m.group(1))] = element.get_text()
    return found


def shelf_titles(site, sequence: str) -> list[str]:
    """The titles of the worksheet cards under the home page's shelf ``sequence``."""
    home = soup(site, "")
    heading = next(h for h in home.find_all(["h2", "h3"]) if text(h) == sequence)
    return [text(a) for a in heading.find_parent(["section", "div"]).select(".worksheet-card-title a")]


def normalise(value: str) -> str:
    """Whitespace collapsed (none before punctuation), case ignored."""
    return re.sub(r"\s+([,.;:!?)])", r"\1", " ".join(value.split())).casefold()


def chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def tab_until(page, selector: str, limit: int = 100) -> None:
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} in {limit} presses")


def axe_violations(page, tags: list[str] = WCAG) -> list[str]:
    """What axe-core finds on the page as it stands, one line a node: by the
    rules of ``tags``, WCAG 2.1 A and AA unless told."""
    if not AXE.exists():
        raise AssertionError("axe-core missing: ./run.sh test installs it (npm ci)")
    # Once the page is still: colours read mid-transition (Material fades its
    # header and tabs) are neither the old ones nor the new.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags)
    return [f"{v['id']} ({v['impact']}): {n['target']} {n['failureSummary'][:160]}"
            for v in result["violations"] for n in v["nodes"]]


#: A word a line of a PDF broke at a soft hyphen (hyphenation.py): the soft
#: hyphen, the hyphen printed, and the line break.
SOFT_BREAK = re.compile("\u00ad\u2010?[^\\S\f]*\n[^\\S\f]*")


def pdf_text(path: Path) -> str:
    """A PDF's text as a reader copies it: a word hyphenated at a line end is whole again."""
    raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return SOFT_BREAK.sub("", raw)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pages_of(site: Path) -> list[str]:
    """Every page's address in a built site (directory addresses), home first."""
    paths = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    return ["" if p == "./" else p for p in paths]


def served(folder: Path, root: Path, **options) -> tuple[Path, StaticServer]:
    """The project in ``root`` built strict into ``folder``/site for a free
    port on loopback, and served there."""
    port = free_port()
    site = build(root, folder / "site", site_url=f"http://127.0.0.1:{port}/", **options)
    return site, StaticServer(site, port)


def node_eval(module: Path, expression: str, data, language: str = "en"):
    """The value of ``expression`` run by Node, as JSON, where ``m`` is
    ``require(module)`` and ``data`` is ``data``: the site's scripts that also
    load as Node modules (assets/js/answer-check.js, hand-in-file.js) tested
    without a browser."""
    program = (f"new Function({json.dumps(interface_table(language).script())}).call(globalThis);"
               "const m = require(process.argv[1]); let input = '';"
               "process.stdin.on('data', d => input += d).on('end', () => {const data = JSON.parse(input);"
               f"process.stdout.write(JSON.stringify({expression}))}})")
    node = shutil.which("node")
    if not node:
        raise AssertionError("node not found: ./run.sh test installs Debian's nodejs")
    result = subprocess.run([node, "-e", program, str(module)], input=json.dumps(data),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
