"""The words on each page of a scanned sheet, with their boxes: read from a
PDF's text layer (``pdftotext -bbox-layout``) or by Tesseract OCR from page
images (a PDF's pages are rendered grey with ``pdftoppm`` first).

A page image is cleaned first (``cleaning``), then read with Tesseract's own
layout (TSV: blocks, lines, words with their confidence and box). Tesseract
drops a mark standing alone, such as a margin's "5" or a question's "2.":
what ink the first pass left unread, in marks of a text's size, is set side
by side on one strip and read again as a single line of digits.

Thin adapters around Debian's ``tesseract-ocr`` and ``poppler-utils``; every
failure is an ``ImportFailure`` of one line.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from worksheet.language import DEFAULT

from . import tools
from .languages import tesseract_data
from .sheet import OCR, TEXT_LAYER, ImportFailure

DPI = 300  # resolution a PDF's pages are rendered at for OCR, at most
MIN_DPI = 150  # and at least: a scan coarser than this is enlarged to it
SURE_ENOUGH = 50  # a word read with this confidence is not read again by the digits pass
TALLEST = 2.5  # a "word" this many times taller than the text's words is a stack of marks
MAX_MARKS = 200  # lone marks read by the digits pass, at most
MARGIN_REACH = 6  # word heights: how far from the text a margin number may stand
MAX_STRIP = 30000  # pixels: the widest strip of marks read at once (Tesseract reads up to 32,767)
KEPT_SCALE = 0.5  # size of the kept pages, as a share of the pages read
KEPT_QUALITY = 70  # JPEG quality of the cleaned pages kept for the review screen
PAGE_WIDTH = 8.27  # inches: an A4 sheet's width, which gives a photo's resolution once the page is found
INSTALL_OCR = "apt-get install tesseract-ocr tesseract-ocr-eng"


@dataclass(frozen=True)
class PageWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    line: tuple  # the words of one line share this key, in reading order
    confidence: float = 100.0  # Tesseract's confidence in the word, 0-100

    @property
    def height(self) -> float:
        return self.bottom - self.top


def ocr_available() -> bool:
    return shutil.which("tesseract") is not None


def image_words(path: Path, keep: Path | None = None, language: str = DEFAULT) -> list[PageWord]:
    """Tesseract's words on one page image, cleaned first; the cleaned page is
    saved as ``keep`` (a JPEG) when given."""
    if not ocr_available():
        raise ImportFailure(f"{path.name}: Tesseract is not installed, so the image cannot be read ({INSTALL_OCR})")
    from .cleaning import _cv2, clean_page

    cv2 = _cv2()
    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise ImportFailure(f"{path.name}: not a readable image")
    page = clean_page(image)
    if keep is not None:  # half size is enough to read a line against
        small = cv2.resize(page, None, fx=KEPT_SCALE, fy=KEPT_SCALE, interpolation=cv2.INTER_AREA)
        cv2.imwrite(str(keep), small, [cv2.IMWRITE_JPEG_QUALITY, KEPT_QUALITY])
    with tempfile.TemporaryDirectory() as folder:
        cleaned = Path(folder) / "page.png"
        cv2.imwrite(str(cleaned), page)
        dpi = str(round(page.shape[1] / PAGE_WIDTH))
        words = [w for w in _tesseract(cleaned, path, "--dpi", dpi, data=tesseract_data(language)) if w.text]
        unit = word_height(words)
        words = [w for w in words if w.height <= TALLEST * unit]  # a stack of marks read as one "word"
        return words + _lone_digits(page, words, unit, Path(folder), path, dpi)


def word_height(words: list[PageWord]) -> float:
    """A page's typical word height: the yardstick of every gap."""
    heights = sorted(w.height for w in words if sum(c.isalpha() for c in w.text) >= 2)
    return heights[len(heights) // 2] if heights else 1.0


def _lone_digits(page, words: list[PageWord], unit: float, folder: Path, path: Path, dpi: str) -> list[PageWord]:
    """Digits standing alone that the layout pass left unread or garbled."""
    from .cleaning import _cv2

    cv2 = _cv2()
    import numpy as np

    _, ink = cv2.threshold(page, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rim = max(1, int(unit / 2))  # a rim of desk or shadow along the page's edge would enclose every mark
    ink[:rim, :], ink[-rim:, :], ink[:, :rim], ink[:, -rim:] = 0, 0, 0, 0
    for word in words:
        if word.confidence >= SURE_ENOUGH or any(c.isdigit() or c.islower() for c in word.text):
            corners = (int(word.left) - 3, int(word.top) - 3), (int(word.right) + 3, int(word.bottom) + 3)
            cv2.rectangle(ink, *corners, 0, -1)
    gap = max(1, int(unit / 3))
    blobs, _ = cv2.findContours(cv2.dilate(ink, np.ones((gap, gap), np.uint8)), cv2.RETR_EXTERNAL,
                                cv2.CHAIN_APPROX_SIMPLE)
    boxes = [cv2.boundingRect(b) for b in blobs]
    near = _near_text(words, unit)  # specks on a desk around the sheet are no margin numbers
    boxes = [(x, y, w, h) for x, y, w, h in boxes
             if 0.5 * unit <= h <= 1.6 * unit and w <= 3 * unit and near(x, y, w, h)][:MAX_MARKS]
    if not boxes:
        return []
    pad, height = int(3 * unit), int(max(h for *_, h in boxes) + 2 * unit)  # wide apart: one word each
    found, batch, width = [], [], pad
    for k, box in enumerate(boxes):  # strips narrower than Tesseract's widest image
        if batch and width + box[2] + 2 * pad > MAX_STRIP:
            found += _read_strip(ink, boxes, batch, pad, height, unit, folder, path, dpi)
            batch, width = [], pad
        batch.append(k)
        width += box[2] + 2 * pad
    return found + _read_strip(ink, boxes, batch, pad, height, unit, folder, path, dpi)


def _near_text(words: list[PageWord], unit: float):
    """Whether a box stands within reach of the text read: beside its lines, in a margin at most
    ``MARGIN_REACH`` word heights wide."""
    sure = [w for w in words if w.confidence >= SURE_ENOUGH] or words
    if not sure:
        return lambda x, y, w, h: True
    reach = MARGIN_REACH * unit
    left, right = min(w.left for w in sure) - reach, max(w.right for w in sure) + reach
    top, bottom = min(w.top for w in sure) - unit, max(w.bottom for w in sure) + unit
    return lambda x, y, w, h: left <= x and x + w <= right and top <= y and y + h <= bottom


def _read_strip(ink, boxes, batch: list[int], pad: int, height: int, unit: float, folder: Path, path: Path,
                dpi: str) -> list[PageWord]:
    """The marks ``batch`` (indices into ``boxes``) set side by side on one strip, read as digits."""
    from .cleaning import _cv2

    cv2 = _cv2()
    import numpy as np

    strip = np.full((height, sum(boxes[k][2] for k in batch) + pad * (2 * len(batch) + 1)), 255, np.uint8)
    places, x = [], pad
    for k in batch:
        bx, by, bw, bh = boxes[k]
        strip[int(unit):int(unit) + bh, x:x + bw] = 255 - ink[by:by + bh, bx:bx + bw]
        places.append(x)
        x += bw + 2 * pad
    image = folder / "digits.png"
    cv2.imwrite(str(image), strip)
    found = []
    for word in _tesseract(image, path, "--dpi", dpi, "--psm", "7", "-c", "tessedit_char_whitelist=0123456789."):
        i = max(range(len(batch)), key=lambda i: min(word.right, places[i] + boxes[batch[i]][2]) - max(word.left, places[i]))
        bx, by, bw, bh = boxes[batch[i]]
        if word.text.strip(".").isdigit():
            found.append(PageWord(word.text, bx, by, bx + bw, by + bh, ("digits", batch[i]), word.confidence))
    return found


def _tesseract(image: Path, source: Path, *options: str, data: str = "eng") -> list[PageWord]:
    """The words Tesseract reads in ``image`` with its trained ``data`` (``eng``, ``spa``…)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread is faster on a shared machine
    result = tools.run(["tesseract", str(image), "-", "-l", data, *options, "tsv"], source, env=env)
    if result.returncode != 0 and "loading language" in result.stderr:
        raise ImportFailure(f"{source.name}: Tesseract has no '{data}' data to read this language: "
                            f"apt-get install tesseract-ocr-{data}")
    if result.returncode != 0:
        raise ImportFailure(f"{source.name}: the OCR could not read this image: try a sharper photo, taken "
                            "straight above the sheet in even light, or a scan of the page")
    words = []
    for row in csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row["level"] == "5" and text:
            left, top = float(row["left"]), float(row["top"])
            key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
            words.append(PageWord(text, left, top, left + float(row["width"]), top + float(row["height"]), key,
                                  float(row["conf"])))
    return words


def pdf_pages(path: Path, keep: Path | None = None, language: str = DEFAULT) -> tuple[str, list[list[PageWord]]]:
    """(how it was read, the words of each page) of a PDF: its text layer when
    it has one, else OCR of its rendered pages (kept in the folder ``keep`` as
    ``page-1.jpg``… when given)."""
    pages = _text_layer(path)
    if any(pages):
        return TEXT_LAYER, pages
    if not ocr_available():
        raise ImportFailure(f"{path.name}: the PDF has no text layer, and Tesseract is not installed to read "
                            f"its pages ({INSTALL_OCR})")
    with tempfile.TemporaryDirectory() as folder:
        _run(["pdftoppm", "-r", str(render_dpi(path)), "-gray", "-png", str(path), str(Path(folder) / "page")], path)
        images = sorted(Path(folder).glob("page*.png"))
        return OCR, [image_words(image, keep and keep / f"page-{k}.jpg", language)
                     for k, image in enumerate(images, 1)]


def render_dpi(path: Path) -> int:
    """The resolution a scanned PDF's pages are rendered at: its images' own
    (``pdfimages -list``), so that nothing is enlarged past what the scanner
    saw, between ``MIN_DPI`` and ``DPI``; ``DPI`` when it holds no image."""
    if shutil.which("pdfimages") is None:
        return DPI
    listed = tools.run(["pdfimages", "-list", str(path)], path).stdout.splitlines()
    found = []
    for row in listed[2:]:  # below the heading and its rule
        cells = row.split()
        try:
            found.append(min(float(cells[12]), float(cells[13])))  # x-ppi, y-ppi
        except (IndexError, ValueError):
            continue
    return max(MIN_DPI, min(DPI, round(max(found)))) if found else DPI


def _text_layer(path: Path) -> list[list[PageWord]]:
    out = _run(["pdftotext", "-bbox-layout", str(path), "-"], path)
    try:
        root = ET.fromstring(out)
    except ET.ParseError as exc:
        raise ImportFailure(f"{path.name}: pdftotext gave unreadable output ({exc})") from None
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = []
        for n, line in enumerate(page.iter("{http://www.w3.org/1999/xhtml}line")):
            for word in line.iter("{http://www.w3.org/1999/xhtml}word"):
                box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
                if (word.text or "").strip():
                    words.append(PageWord(word.text.strip(), *box, (n,)))
        pages.append(words)
    return pages


def _run(command: list[str], path: Path) -> str:
    if shutil.which(command[0]) is None:
        raise ImportFailure(f"{path.name}: {command[0]} is not installed (apt-get install poppler-utils)")
    result = tools.run(command, path)
    if result.returncode != 0:
        raise ImportFailure(f"{path.name}: not a readable PDF ({_first_line(result.stderr)})")
    return result.stdout


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")
