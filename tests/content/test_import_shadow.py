"""Phone photos with a strong shadow across the sheet (tests/fixtures/scans/
gettysburg.yml, printed by chromium, rendered at 300 dpi, photographed with
perspective and uneven light, then a shadow cast over 40–50 % of the page):
the sheet is still found and read like a scan; a sheet filling the whole
photo under a shadow is read whole; nothing fails in a library's words."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import ROOT
from sheet_import import import_sheet
from sheet_import.cleaning import _cv2, clean_page

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "scans"))
from corpus import load, phone_photo, print_pdf, scan, score  # noqa: E402

pytestmark = [pytest.mark.ocr, pytest.mark.browser]  # the sheet is printed by chromium

SHEET = load(ROOT / "tests" / "fixtures" / "scans" / "gettysburg.yml")
#: (seed, share of the page in shadow, light left under it): a seed draws the shadow's direction.
SHADOWS = [(11, 0.40, 0.45), (12, 0.45, 0.40), (13, 0.50, 0.35), (14, 0.45, 0.30)]


def shadowed(photo: Path, out: Path, seed: int, share: float, light: float) -> Path:
    """``photo`` with a shadow's straight, slightly soft edge crossing it at a
    random angle, darkening ``share`` of the sheet to ``light`` of its light."""
    cv2 = _cv2()
    import numpy as np

    rng = np.random.default_rng(seed)
    image = cv2.imread(str(photo), cv2.IMREAD_GRAYSCALE).astype(np.float32)
    h, w = image.shape
    angle = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    along = np.cos(angle) * (xx - w / 2) + np.sin(angle) * (yy - h / 2)
    inner = along[int(0.08 * h):int(0.92 * h), int(0.08 * w):int(0.92 * w)]  # about the sheet, not the desk
    shade = (along > np.quantile(inner, 1 - share)).astype(np.float32)
    shade = cv2.GaussianBlur(shade, (0, 0), 0.004 * w)
    image *= 1 - (1 - light) * shade
    cv2.imwrite(str(out), np.clip(image, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 70])
    return out


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shadow")
    return scan(print_pdf(SHEET, folder / "sheet.pdf"), 300, folder / "scan")[0]


def read_right(done) -> tuple:
    sheet = done.sheet
    found = score(SHEET, [line.text for line in sheet.lines], sheet.margin_numbers, [q.text for q in sheet.questions])
    return found.kept, found.numbers_right, found.questions_verbatim, found.word_accuracy >= 0.97


@pytest.mark.parametrize("seed,share,light", SHADOWS)
def test_a_photo_with_a_strong_shadow_is_found_and_read_like_a_scan(page, tmp_path, seed, share, light):
    photo = shadowed(phone_photo(page, tmp_path / "photo.jpg", seed=seed, skew=2.0), tmp_path / "shadow.jpg",
                     seed, share, light)
    cv2 = _cv2()
    image = cv2.imread(str(photo), cv2.IMREAD_GRAYSCALE)
    started = time.perf_counter()
    cleaned = clean_page(image)
    # The sheet was found: the desk around it is cut away, an A4 page is left.
    assert cleaned.shape[0] < 0.95 * image.shape[0] and cleaned.shape[1] < 0.95 * image.shape[1]
    assert abs(cleaned.shape[0] / cleaned.shape[1] - 297 / 210) < 0.03
    done = import_sheet([photo], tmp_path / "docs", "gettysburg")
    print(f"shadow over {share:.0%} at {light:.0%} light: read in {time.perf_counter() - started:.1f} s")
    assert read_right(done) == (20, 4, 5, True)
    assert done.sheet.headline == "The Gettysburg Address"


def test_a_sheet_filling_the_photo_under_a_shadow_is_read_whole(page, tmp_path):
    """No edge of the sheet shows, so none is found: the whole photo is read."""
    photo = shadowed(phone_photo(page, tmp_path / "photo.jpg", seed=21, skew=1.0, desk=False),
                     tmp_path / "shadow.jpg", 21, 0.45, 0.4)
    done = import_sheet([photo], tmp_path / "docs", "gettysburg")
    assert read_right(done) == (20, 4, 5, True)


def test_a_photo_of_the_desk_alone_fails_in_one_plain_sentence(page, tmp_path):
    """A photo with nothing to read: one line, in the importer's words, nothing written."""
    photo = shadowed(phone_photo(page, tmp_path / "photo.jpg", seed=3, skew=0.0), tmp_path / "shadow.jpg",
                     3, 0.5, 0.3)
    cv2 = _cv2()
    image = cv2.imread(str(photo), cv2.IMREAD_GRAYSCALE)
    image[:] = cv2.GaussianBlur(image, (0, 0), 40)  # out of focus: no print left
    cv2.imwrite(str(photo), image)
    docs = tmp_path / "docs"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_sheet.py"), str(photo), "--slug", "desk",
                             "--docs", str(docs)], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("import: shadow.jpg: ")
    assert "Traceback" not in result.stderr and "Image too large" not in result.stderr
    assert not docs.exists() or not any(docs.iterdir())
