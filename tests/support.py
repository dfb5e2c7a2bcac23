"""Building and serving the real site for the tests."""

from __future__ import annotations

import functools
import json
import os
import re
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(dest: Path, *, config: Path = ROOT / "mkdocs.yml", edition: str | None = None,
                 site_url: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` into ``dest``; fails the test with the log when it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_EDITION", None)
    if edition:
        env["SITE_EDITION"] = edition
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        # No -q: in MkDocs 1.6 it also stops warnings from counting under --strict.
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticServer:
    """Serves a built site on 127.0.0.1:port in a background thread."""

    def __init__(self, directory: Path, port: int):
        handler = functools.partial(_Quiet, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def soup(site: Path, page: str) -> BeautifulSoup:
    """The parsed HTML of a built page, e.g. ``soup(site, "article")``."""
    path = site / page / "index.html" if page else site / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def script_global(script: str, name: str) -> dict:
    """The data a build-time script sets as ``window.<name>={...};`` on a line of its own."""
    match = re.search(rf"^window\.{name}=(\{{.*\}});$", script, re.MULTILINE)
    assert match, f"no window.{name} in the script"
    return json.loads(match.group(1))


def glossary_tips(site: Path) -> dict:
    """Each glossary entry's pop-up text, from the site's script."""
    [bundle] = (site / "assets").glob("site.*.js")
    return script_global(bundle.read_text(encoding="utf-8"), "__glossaryTips")


def text(element) -> str:
    return " ".join(element.get_text().split())


def tab_until(page, selector: str, limit: int = 100) -> None:
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} in {limit} presses")
