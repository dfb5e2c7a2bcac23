"""A scanned PDF's pages are read at the scanner's own resolution: a 200-dpi
scan is not enlarged to 300 dpi before OCR (which only costs time), and a
coarse one is brought up to what Tesseract reads well."""

from __future__ import annotations

import sys

import pytest

from support import ROOT
from sheet_import.page_words import DPI, MIN_DPI, render_dpi

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))
from corpus import image_pdf, load, print_pdf, scan  # noqa: E402

pytestmark = [pytest.mark.browser]  # the sheet is printed by chromium

SHEET = load(ROOT / "tests" / "fixtures" / "scans" / "gettysburg.yml")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resolution")
    return print_pdf(SHEET, folder / "sheet.pdf"), folder


@pytest.mark.parametrize("scanned,rendered", [(200, 200), (240, 240), (300, 300), (400, DPI), (100, MIN_DPI)])
def test_a_scanned_pdf_is_rendered_at_its_images_resolution(printed, scanned, rendered):
    pdf, folder = printed
    pages = scan(pdf, scanned, folder / f"scan-{scanned}")
    assert render_dpi(image_pdf(pages, folder / f"scanned-{scanned}.pdf")) == rendered


def test_a_pdf_without_images_is_rendered_at_the_full_resolution(printed):
    pdf, _ = printed
    assert render_dpi(pdf) == DPI
