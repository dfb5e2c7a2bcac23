"""The real site, as a teacher publishes it: built from docs/ with --strict,
both editions with their PDFs, served on loopback."""

from __future__ import annotations

import pytest

from support import ROOT, build, served


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    site, server = served(tmp_path_factory.mktemp("real-classroom"), ROOT)
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def site(served_site):
    """The classroom edition, without PDFs (they need a browser: see pdf_site)."""
    return served_site[0]


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory):
    """The classroom edition with its PDFs, printed by chromium."""
    return build(ROOT, tmp_path_factory.mktemp("real-pdfs") / "site", pdfs=True)


@pytest.fixture(scope="session")
def base_url(served_site):
    return served_site[1].url


@pytest.fixture(scope="session")
def served_student(tmp_path_factory):
    site, server = served(tmp_path_factory.mktemp("real-student"), ROOT, edition="student")
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def student_site(served_student):
    return served_student[0]



@pytest.fixture(scope="session")
def pdf_student_site(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("real-student-pdfs") / "site", edition="student", pdfs=True)


@pytest.fixture(scope="session")
def pdfs(pdf_site):
    """The first worksheet's PDFs, by file name."""
    return {path.name: path for path in sorted((pdf_site / "social-credit" / "pdf").glob("*.pdf"))}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url):
    """pytest-playwright's, with this folder's site as the base address."""
    return {**browser_context_args, "base_url": base_url}
