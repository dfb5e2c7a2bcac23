"""Fixtures: the real site, built once per run with --strict and served on
loopback; Playwright drives Debian's chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from support import ROOT, StaticServer, free_port, mkdocs_build

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_port):
    """The classroom edition, built as a teacher would publish it."""
    dest = tmp_path_factory.mktemp("site")
    mkdocs_build(dest, site_url=f"http://127.0.0.1:{site_port}/")
    return dest


@pytest.fixture(scope="session")
def student_site(tmp_path_factory):
    """The student edition, with its PDF, as it would be published: the same
    site with every answer removed at build time."""
    port = free_port()
    dest = tmp_path_factory.mktemp("student-site")
    mkdocs_build(dest, edition="student", site_url=f"http://127.0.0.1:{port}/")
    make_pdfs(dest)
    return dest, port


@pytest.fixture(scope="session")
def student_server(student_site):
    dest, port = student_site
    srv = StaticServer(dest, port)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def server(site, site_port):
    srv = StaticServer(site, site_port)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def base_url(server):
    """pytest-playwright resolves page.goto("article/") against this."""
    return server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.fail("chromium not found: ./run.sh test installs Debian's chromium (or set CHROMIUM_PATH)")
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture
def outside_requests():
    return []


@pytest.fixture
def context(context, base_url, outside_requests):
    """Every request to another host is refused and recorded."""

    def refuse(route):
        outside_requests.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(base_url), refuse)
    return context


def make_pdfs(site) -> dict:
    """Run scripts/make_pdfs.py as the README says (its own process: Playwright's
    sync API cannot nest inside the browser tests' event loop)."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_pdfs.py"), "--site", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return {path.name: path for path in sorted((site / "pdf").glob("*.pdf"))}


@pytest.fixture(scope="session")
def pdfs(site):
    """The ready-made PDFs of the classroom edition."""
    return make_pdfs(site)
