"""The sites a folder of tests reads, built once per run from the project its
``library`` fixture gives (a folder holding mkdocs.yml, overrides/ and docs/):
both editions, served on loopback, and with their PDFs.

A folder's conftest.py defines ``library`` and imports these fixtures; each
folder that imports them gets its own, built from its own library.
"""

from __future__ import annotations

import pytest

from support import build, served


def _serving(folder, root, **options):
    site, server = served(folder, root, **options)
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, library):
    yield from _serving(tmp_path_factory.mktemp("classroom"), library)


@pytest.fixture(scope="session")
def site(served_site):
    """The classroom edition, without PDFs (they need a browser: see pdf_site)."""
    return served_site[0]


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory, library):
    """The classroom edition with its PDFs, printed by chromium."""
    return build(library, tmp_path_factory.mktemp("classroom-pdfs") / "site", pdfs=True)


@pytest.fixture(scope="session")
def base_url(served_site):
    """pytest-playwright resolves page.goto("bikes/article/") against this."""
    return served_site[1].url


@pytest.fixture(scope="session")
def served_student(tmp_path_factory, library):
    yield from _serving(tmp_path_factory.mktemp("student"), library, edition="student")


@pytest.fixture(scope="session")
def student_site(served_student):
    return served_student[0]


@pytest.fixture(scope="session")
def pdf_student_site(tmp_path_factory, library):
    """The student edition with its PDFs."""
    return build(library, tmp_path_factory.mktemp("student-pdfs") / "site", edition="student", pdfs=True)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url):
    """pytest-playwright's, with this folder's site as the base address."""
    return {**browser_context_args, "base_url": base_url}
