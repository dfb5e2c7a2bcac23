"""Fixtures shared by every test: Playwright drives Debian's chromium (never a
downloaded browser), and a page may not reach any other host than the site.

tests/engine/ builds the tiny library of tests/fixtures/ with the project's
configuration and theme: it passes whatever worksheets docs/ holds.
tests/content/ builds the real site and checks its worksheets.

A run may be spread over several processes (pytest-xdist, as ./run.sh test
does): the sites the tests share are built once per run, in a folder the
run's processes share (support_sites.py), and the servers started there
are ended with the run. A module's tests run in one process, so that what a
module builds for itself is built once too. ``quick`` marks the tests that
need no browser, PDF, OCR, Java, nor a run of the engine's tests again.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

from support import CHROMIUM_ARGS, chromium
from support_sites import SHARED

#: What a quick run leaves out.
SLOW_MARKS = ("browser", "pdf", "ocr", "java", "slow")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the run's first process: its workers inherit the folder
        os.environ[SHARED] = tempfile.mkdtemp(prefix="study-site-tests-")


def pytest_unconfigure(config):
    if hasattr(config, "workerinput") or SHARED not in os.environ:
        return
    folder = Path(os.environ.pop(SHARED))
    pids = folder / "servers.pids"
    for pid in pids.read_text(encoding="utf-8").split() if pids.exists() else []:
        try:
            os.kill(int(pid), signal.SIGTERM)
        except ProcessLookupError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """``quick`` on the tests that need none of ``SLOW_MARKS``; the slowest
    single test first, so that a parallel run does not wait for it at the end."""
    for item in items:
        if not any(item.get_closest_marker(mark) for mark in SLOW_MARKS):
            item.add_marker(pytest.mark.quick)
    items.sort(key=lambda item: not item.get_closest_marker("slow"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium()
    if not path:
        pytest.fail("chromium not found: ./run.sh test installs Debian's chromium (or set CHROMIUM_PATH)")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture
def outside_requests():
    """Requests to any other host than the site: refused, and recorded here."""
    return []


@pytest.fixture
def context(context, base_url, outside_requests):
    def refuse(route):
        outside_requests.append(route.request.url)
        route.abort()

    origin = base_url.split("/", 3)
    origin = "/".join(origin[:3]) + "/"
    context.route(lambda url: not url.startswith(origin), refuse)
    return context


@pytest.fixture
def phone(browser, base_url):
    """A page on a phone (390 pixels wide, a touch screen), in a context of its own."""
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()
