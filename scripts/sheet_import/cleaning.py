"""A page image made ready for OCR with OpenCV: the sheet found on the desk
and its perspective undone, the page turned straight, the light evened out.

- the page: the largest four-sided outline in the photo, when it is smaller
  than the photo (a flat scan is all page) and holds all the print (the edge
  of a shadow is no sheet's edge), warped to a rectangle. The outline is the
  paper brighter than the desk, or, when a shadow cuts the sheet, the region
  the edges of the light enclose (a shadow darkens desk and sheet alike, so
  its edge runs on across the desk and is opened away); with neither, the
  whole photo is read;
- the skew: each text line smeared into a blob, the median angle of the
  blobs' minimum-area rectangles (``SKEW = "blobs"``), or the ``deskew``
  package's Hough estimate (``SKEW = "deskew"``);
- the light: the page divided by its own background (a large closing), so
  that shade and a falling-off light become white paper.
"""

from __future__ import annotations

import statistics

from .sheet import ImportFailure

SKEW = "blobs"  # how the skew is measured: "blobs" (OpenCV alone) or "deskew" (the deskew package)
WORK_WIDTH = 1000  # pixels: the page is found on a copy this wide
MIN_PAGE = 0.4  # share of the photo a sheet must cover to be taken for the page
MAX_INK_OUTSIDE = 0.03  # share of the print that may lie outside the sheet found (specks on the desk)
MAX_SKEW = 10.0  # degrees: a larger angle is not a skewed line


def _cv2():
    try:
        import cv2
    except ImportError:
        raise ImportFailure("OpenCV is missing: pip install -r requirements-import.txt -c constraints.txt") from None
    return cv2


def clean_page(image):
    """The grey page ``image`` (a numpy array) flattened, straightened and evenly lit."""
    page = _flattened(image)
    page = _straightened(page)
    return _evenly_lit(page)


def _flattened(image):
    """The sheet alone, seen from straight above, when it lies on a darker desk."""
    cv2 = _cv2()
    import numpy as np

    scale = WORK_WIDTH / image.shape[1]
    small = cv2.GaussianBlur(cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), (5, 5), 0)
    quad = next((q for q in (_outline(small, mask) for mask in (_brighter_than_desk, _enclosed_by_edges))
                 if q is not None), None)
    if quad is None:
        return image  # no sheet found: the whole photo is read
    corners = _in_order(quad.reshape(4, 2).astype(np.float32) / scale)
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    target = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)


def _outline(small, mask):
    """The sheet's four corners in the paper ``mask(small)`` gives, or None
    when its largest outline is no sheet holding all the print."""
    cv2 = _cv2()

    contours, _ = cv2.findContours(mask(small), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(outline) / (small.shape[0] * small.shape[1])
    quad = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True)
    if len(quad) != 4 or not MIN_PAGE <= area <= 0.97 or _ink_outside(small, quad) > MAX_INK_OUTSIDE:
        return None
    return quad


def _brighter_than_desk(small):
    """Paper: what is brighter than the desk (Otsu), small gaps closed."""
    cv2 = _cv2()
    import numpy as np

    _, paper = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cv2.morphologyEx(paper, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))


def _enclosed_by_edges(small):
    """Paper under a shadow: the print closed away, the edges of what is left
    (the sheet's, and the shadow's, which crosses desk and sheet alike) and
    the regions they enclose away from the photo's border; the shadow's edge,
    a thin line where it crosses the desk, opened away."""
    cv2 = _cv2()
    import numpy as np

    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))
    light = np.log1p(background.astype(np.float32))
    light = cv2.normalize(light, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    edges = cv2.dilate(cv2.Canny(light, 20, 60), np.ones((5, 5), np.uint8))
    filled = edges.copy()
    h, w = filled.shape
    outside = np.zeros((h + 2, w + 2), np.uint8)
    for x, y in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)):
        if filled[y, x] == 0:
            cv2.floodFill(filled, outside, (x, y), 128)
    filled = np.where(filled == 128, 0, 255).astype(np.uint8)
    paper = cv2.morphologyEx(filled, cv2.MORPH_OPEN, np.ones((21, 21), np.uint8))
    return cv2.erode(paper, np.ones((9, 9), np.uint8))  # inside the thickened edge: no rim of desk is kept


def _ink_outside(small, quad) -> float:
    """Share of the photo's ink (print) that lies outside ``quad``: a true sheet
    holds all of it; a shadow's or a light's edge cuts through the text."""
    cv2 = _cv2()
    import numpy as np

    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    inside = np.zeros_like(ink)
    cv2.fillPoly(inside, [quad.reshape(-1, 2)], 255)
    inside = cv2.dilate(inside, np.ones((31, 31), np.uint8))  # the sheet's own edge is no print
    total = cv2.countNonZero(ink)
    return cv2.countNonZero(cv2.bitwise_and(ink, cv2.bitwise_not(inside))) / total if total else 0.0


def _in_order(points):
    """Top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.float32([points[sums.argmin()], points[diffs.argmin()], points[sums.argmax()], points[diffs.argmax()]])


def skew_angle(image) -> float:
    """The angle, in degrees, that turns the page's lines level (OpenCV's sense of rotation)."""
    if SKEW == "deskew":
        try:
            from deskew import determine_skew
        except ImportError:
            raise ImportFailure("the deskew route needs the deskew package: pip install deskew") from None

        cv2 = _cv2()
        scale = WORK_WIDTH / image.shape[1]
        angle = determine_skew(cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
        return float(angle or 0.0) if abs(angle or 0.0) <= MAX_SKEW else 0.0
    return _blob_angle(image)


def _blob_angle(image) -> float:
    cv2 = _cv2()
    import numpy as np

    scale = WORK_WIDTH / image.shape[1]
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    lines = cv2.dilate(ink, np.ones((2, 15), np.uint8))
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    angles = []
    for contour in contours:
        (_, _), (w, h), angle = cv2.minAreaRect(contour)
        if w < h:
            w, h, angle = h, w, angle + 90
        angle = (angle + 45) % 90 - 45  # OpenCV's conventions vary: brought into [-45, 45)
        if w > 8 * h and w > 0.2 * small.shape[1] and abs(angle) <= MAX_SKEW:
            angles.append(angle)
    return statistics.median(angles) if angles else 0.0


def _straightened(image):
    cv2 = _cv2()

    angle = skew_angle(image)
    if abs(angle) < 0.05:
        return image
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _evenly_lit(image):
    cv2 = _cv2()
    import numpy as np

    background = cv2.morphologyEx(image, cv2.MORPH_CLOSE, np.ones((31, 31), np.uint8))
    return cv2.divide(image, background, scale=255)
