"""The tiny library of tests/fixtures/library/, built with the project's
configuration and theme, in each edition and form a teacher publishes."""

from __future__ import annotations

import pytest

from support import build, project, served


@pytest.fixture(scope="session")
def library(tmp_path_factory):
    """A project folder: the project's mkdocs.yml and overrides/, the tiny library as docs/."""
    return project(tmp_path_factory.mktemp("library"))


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, library):
    site, server = served(tmp_path_factory.mktemp("classroom"), library)
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def site(served_site):
    """The classroom edition, without PDFs (they need a browser: see pdf_site)."""
    return served_site[0]


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory, library):
    """The classroom edition with its PDFs, printed by chromium."""
    return build(library, tmp_path_factory.mktemp("classroom-pdfs") / "site", pdfs=True)


@pytest.fixture(scope="session")
def pdf_student_site(tmp_path_factory, library):
    """The student edition with its PDFs."""
    return build(library, tmp_path_factory.mktemp("student-pdfs") / "site", edition="student", pdfs=True)


@pytest.fixture(scope="session")
def base_url(served_site):
    """pytest-playwright resolves page.goto("bikes/article/") against this."""
    return served_site[1].url


@pytest.fixture(scope="session")
def served_student(tmp_path_factory, library):
    site, server = served(tmp_path_factory.mktemp("student"), library, edition="student")
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def student_site(served_student):
    return served_student[0]


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, library):
    """The offline copy's site: addresses ending in .html, opened from files."""
    return build(library, tmp_path_factory.mktemp("offline") / "site", offline=True, site_url="")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url):
    """pytest-playwright's, with this folder's site as the base address."""
    return {**browser_context_args, "base_url": base_url}
