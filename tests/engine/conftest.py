"""The tiny library of tests/fixtures/library/, built with the project's
configuration and theme, in each edition and form a teacher publishes."""

from __future__ import annotations

import pytest

from support import StaticServer, build, free_port, project


@pytest.fixture(scope="session")
def library(tmp_path_factory):
    """A project folder: the project's mkdocs.yml and overrides/, the tiny library as docs/."""
    return project(tmp_path_factory.mktemp("library"))


def _served(tmp_path_factory, library, name: str, prefix: str = "", **options):
    port = free_port()
    server_url = f"http://127.0.0.1:{port}/{prefix}"
    site = build(library, tmp_path_factory.mktemp(name) / "site", site_url=server_url, **options)
    return site, StaticServer(site, port, prefix)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, library):
    site, server = _served(tmp_path_factory, library, "classroom", pdfs=True)
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def site(served_site):
    """The classroom edition, with its PDFs."""
    return served_site[0]


@pytest.fixture(scope="session")
def base_url(served_site):
    """pytest-playwright resolves page.goto("bikes/article/") against this."""
    return served_site[1].url


@pytest.fixture(scope="session")
def served_student(tmp_path_factory, library):
    site, server = _served(tmp_path_factory, library, "student", edition="student", pdfs=True)
    yield site, server
    server.close()


@pytest.fixture(scope="session")
def student_site(served_student):
    return served_student[0]


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, library):
    """The offline copy's site: addresses ending in .html, opened from files."""
    return build(library, tmp_path_factory.mktemp("offline") / "site", offline=True, site_url="")
