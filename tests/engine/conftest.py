"""The tiny library of tests/fixtures/library/, built with the project's
configuration and theme, in each edition and form a teacher publishes."""

from __future__ import annotations

import pytest

from support import build, project
from support_review import serve_marked
from support_sites import (base_url, browser_context_args, made_once, pdf_site, pdf_student_site,  # noqa: F401
                           served_site, served_student, site, student_site)


@pytest.fixture(scope="session")
def library(tmp_path_factory):
    """A project folder: the project's mkdocs.yml and overrides/, the tiny library as docs/."""
    return project(tmp_path_factory.mktemp("library"))


@pytest.fixture(scope="session")
def sites():
    """The name this folder's built sites go by in the run's shared folder."""
    return "engine"


@pytest.fixture(scope="session")
def offline_site(library, sites):
    """The offline copy's site: addresses ending in .html, opened from files."""
    return made_once(f"{sites}-offline",
                     lambda folder: build(library, folder / "site", offline=True, site_url="")) / "site"


@pytest.fixture(scope="session")
def review_url(tmp_path_factory):
    """The marked library of support_review.py, built and served: where a class hands in and is marked."""
    yield from serve_marked(tmp_path_factory.mktemp("marked"))
