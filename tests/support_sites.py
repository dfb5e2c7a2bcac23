"""The sites a folder of tests reads, built once per test run from the
project its ``library`` fixture gives (a folder holding mkdocs.yml,
overrides/ and docs/): both editions, served on loopback, with their PDFs,
and (tests/engine/) the offline copy.

A folder's conftest.py defines ``library`` and ``sites`` (the name its
sites go by) and imports these fixtures. In a parallel run (pytest-xdist)
the first worker that needs a site builds it, under a lock, into the
folder the run shares (tests/conftest.py); the others wait for it and read
it, and the served ones are served by a process of their own that the run
ends when it ends.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest
from filelock import FileLock

from support import build, free_port, serve_apart

#: The folder a test run shares between its workers (made by tests/conftest.py).
SHARED = "STUDY_SITE_TEST_SHARED"


def shared_dir() -> Path:
    return Path(os.environ[SHARED])


def made_once(name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``name`` of the run's shared folder, filled by ``make``
    once per run, whichever worker asks first."""
    folder = shared_dir() / name
    with FileLock(f"{folder}.lock"):
        done = folder / ".made"
        if not done.exists():
            folder.mkdir(exist_ok=True)
            make(folder)
            done.touch()
    return folder


def _served(name: str, root: Path, **options) -> tuple[Path, str]:
    """The project ``root`` built strict for a free port on loopback, and
    served there: (the site, its address)."""
    def make(folder: Path) -> None:
        port = free_port()
        build(root, folder / "site", site_url=f"http://127.0.0.1:{port}/", **options)
        url = serve_apart(folder / "site", port, shared_dir() / "servers.pids")
        (folder / "url").write_text(url, encoding="utf-8")

    folder = made_once(name, make)
    return folder / "site", (folder / "url").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def served_site(library, sites):
    return _served(f"{sites}-classroom", library)


@pytest.fixture(scope="session")
def site(served_site):
    """The classroom edition, without PDFs (they need a browser: see pdf_site)."""
    return served_site[0]


@pytest.fixture(scope="session")
def pdf_site(library, sites):
    """The classroom edition with its PDFs, printed by chromium."""
    return made_once(f"{sites}-classroom-pdfs", lambda folder: build(library, folder / "site", pdfs=True)) / "site"


@pytest.fixture(scope="session")
def base_url(served_site):
    """pytest-playwright resolves page.goto("bikes/article/") against this."""
    return served_site[1]


@pytest.fixture(scope="session")
def served_student(library, sites):
    return _served(f"{sites}-student", library, edition="student")


@pytest.fixture(scope="session")
def student_site(served_student):
    return served_student[0]


@pytest.fixture(scope="session")
def pdf_student_site(library, sites):
    """The student edition with its PDFs."""
    return made_once(f"{sites}-student-pdfs",
                     lambda folder: build(library, folder / "site", edition="student", pdfs=True)) / "site"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url):
    """pytest-playwright's, with this folder's site as the base address."""
    return {**browser_context_args, "base_url": base_url}
