"""The real site, as a teacher publishes it: built from docs/ with --strict,
both editions with their PDFs, served on loopback."""

from __future__ import annotations

import pytest

from support import ROOT
from support_sites import (base_url, browser_context_args, pdf_site, pdf_student_site,  # noqa: F401
                           served_site, served_student, site, student_site)


@pytest.fixture(scope="session")
def library():
    """The project itself: its docs/ is the real library."""
    return ROOT


@pytest.fixture(scope="session")
def sites():
    """The name this folder's built sites go by in the run's shared folder."""
    return "content"


@pytest.fixture(scope="session")
def pdfs(pdf_site):
    """The first worksheet's PDFs, by file name."""
    return {path.name: path for path in sorted((pdf_site / "social-credit" / "pdf").glob("*.pdf"))}
