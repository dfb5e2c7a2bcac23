"""The importer on scans: the round trip through paper (the site's own
worksheet PDF, rendered to 300-dpi images and read back by OCR), the same PDF
through its text layer, a blank page, and a PDF with no text when no OCR is
installed."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from support import ROOT
from support_filling import built_once_filled
from sheet_import import ImportFailure, import_sheet, load_sheet
from sheet_import.report import report
from test_import_text import SiteWorksheet
from worksheet.quotes import plain_marks

pytestmark = [pytest.mark.ocr, pytest.mark.browser]  # the round trip prints the site with chromium

WORD_ACCURACY = 0.98  # share of the site's words an OCR round trip must give back exactly


@pytest.fixture(scope="module")
def tesseract():
    if not shutil.which("tesseract"):
        pytest.fail("tesseract not found: ./run.sh test installs Debian's tesseract-ocr and tesseract-ocr-eng")


@pytest.fixture(scope="module")
def page_images(pdfs, tmp_path_factory, tesseract) -> list[Path]:
    """The site's worksheet as a scanner would see it: 300-dpi PNG pages."""
    folder = tmp_path_factory.mktemp("scan")
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(SiteWorksheet.printed_pdf(pdfs)), str(folder / "page")],
                   check=True)
    return sorted(folder.glob("page-*.png"))


@pytest.fixture(scope="module")
def round_trip(page_images, tmp_path_factory):
    return import_sheet(page_images, tmp_path_factory.mktemp("docs"), "round-trip")


def words(lines) -> list[list[str]]:
    return [plain_marks(line.text).split() for line in lines]


def word_accuracy(found: list[str], expected: list[str]) -> float:
    """Share of the expected words that come back exactly, in order."""
    matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(expected)


def test_the_round_trip_gives_back_all_65_lines_with_the_same_breaks(round_trip):
    """Each line holds as many words as the site's: no word moved to another
    line, and no margin number or note marker read as a word."""
    site = SiteWorksheet.article()
    lines = round_trip.sheet.lines
    assert len(lines) == len(site) == 65
    assert [n for n, l in enumerate(lines, 1) if l.blank] == [l.number for l in site.lines if l.blank]
    assert [len(w) for w in words(lines)] == [len(w) for w in words(site.lines)]
    assert [l.starts_paragraph for l in lines] == [l.starts_paragraph for l in site.lines]


def test_the_round_trip_reads_the_margin_numbers_as_line_numbers(round_trip):
    assert round_trip.sheet.margin_numbers == list(range(5, 66, 5))
    assert not any(word.isdigit() and int(word) % 5 == 0 and int(word) <= 65
                   for line in round_trip.sheet.lines for word in line.text.split())


def test_the_round_trip_keeps_at_least_98_percent_of_words_exact(round_trip):
    found = [w for line in words(round_trip.sheet.lines) for w in line]
    expected = [w for line in words(SiteWorksheet.article().lines) for w in line]
    assert word_accuracy(found, expected) >= WORD_ACCURACY


def test_the_round_trip_gives_back_the_questions_headline_and_byline(round_trip):
    sheet = round_trip.sheet
    assert [q.text for q in sheet.questions] == SiteWorksheet.questions()
    assert sheet.headline == SiteWorksheet.article().meta["headline"]
    assert (sheet.byline.author, sheet.byline.publication, sheet.byline.date) == (
        "Charles Rollet", "WIRED UK", "5 June 2018")


def test_the_round_trip_report(round_trip):
    lines = report(round_trip).splitlines()
    assert lines[0] == f"Imported page-1.png … page-5.png (scan read by Tesseract OCR) into {round_trip.folder}/"
    assert lines[1:3] == ["  lines found:          65 (2 blank)",
                          "  numbers matched:      13 (5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65)"]
    assert "  questions found:      7" in lines
    assert "the margin numbers 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65 confirm the numbering" in " ".join(lines)


def test_a_pdf_with_a_text_layer_is_read_from_it_exactly(pdfs):
    sheet = load_sheet([SiteWorksheet.printed_pdf(pdfs)])
    site = SiteWorksheet.article()
    assert sheet.kind == "PDF text layer"
    assert [line.text for line in sheet.lines] == [line.text for line in site.lines]
    assert sheet.margin_numbers == list(range(5, 66, 5))
    assert [q.text for q in sheet.questions] == SiteWorksheet.questions()


# -- pages with nothing to read ------------------------------------------------------------


def blank_pdf(path: Path) -> Path:
    """A one-page A4 PDF with nothing on it: no text layer, nothing to OCR."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def blank_png(path: Path, width: int = 600, height: int = 800) -> Path:
    """A white greyscale PNG: a scanned blank page."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    pixels = zlib.compress((b"\x00" + b"\xff" * width) * height)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))
    return path


def test_a_blank_page_gives_one_line_and_no_draft(tmp_path, tesseract):
    for page in (blank_png(tmp_path / "blank.png"), blank_pdf(tmp_path / "blank.pdf")):
        with pytest.raises(ImportFailure) as failure:
            import_sheet([page], tmp_path / "docs", "blank")
        assert str(failure.value) == f"{page.name}: no text found on the page (blank, or too faint to read)"
    assert not (tmp_path / "docs" / "blank").exists()


def test_a_pdf_with_no_text_and_no_ocr_gives_one_line(tmp_path):
    """Run where Tesseract is not installed: only the poppler tools are on the PATH."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("pdftotext", "pdftoppm"):
        (tools / tool).symlink_to(shutil.which(tool))
    page = blank_pdf(tmp_path / "scan.pdf")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_sheet.py"), str(page), "--slug", "scan",
                             "--docs", str(tmp_path / "docs")],
                            capture_output=True, text=True, env={**os.environ, "PATH": str(tools)})
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("import: scan.pdf: the PDF has no text layer, and Tesseract is not installed to read "
                             "its pages (apt-get install tesseract-ocr tesseract-ocr-eng)\n")


def test_the_draft_once_filled_in_builds_into_a_worksheet(round_trip, tmp_path):
    """Its TODOs written, the draft is a worksheet like any other: checked,
    built strict, with its article numbered as the sheet."""
    assert built_once_filled(round_trip.folder, tmp_path / "project").count('class="line-text" id="L') == 65
