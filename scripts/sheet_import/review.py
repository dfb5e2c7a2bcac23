"""The review material of a draft read by OCR: each cleaned page image and
the recovered lines with their place on it, kept in
``<project>/.import-review/<slug>/`` beside the docs folder (never inside it),
so that ``mkdocs serve`` can show a page beside its lines and no build ever
publishes an image.

``review.json``::

    {"source": "sheet.jpg",
     "pages": ["page-1.jpg", …],
     "lines": [{"number": 5, "text": "…", "numbered": true, "unsure": ["tam"],
                "page": 0, "box": [left, top, right, bottom]}, …]}

A box is given in shares of its page's width and height; a blank line has no
page and no box.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .page_words import KEPT_SCALE
from .sheet import Sheet

FOLDER = ".import-review"  # beside the docs folder; the MkDocs plugin reads it under `mkdocs serve`


def review_folder(docs: Path, slug: str) -> Path:
    return docs.resolve().parent / FOLDER / slug


def write_review(folder: Path, sheet: Sheet, kept: Path) -> None:
    """``review.json`` and the page images kept in ``kept``, into ``folder`` (replaced)."""
    import cv2

    pages = sorted(kept.glob("page-*.jpg"), key=lambda p: int(p.stem.split("-")[1]))
    sizes = [[side / KEPT_SCALE for side in cv2.imread(str(page), cv2.IMREAD_GRAYSCALE).shape] for page in pages]
    lines = []
    for number, line in enumerate(sheet.lines, start=1):
        entry = {"number": number, "text": line.text, "numbered": line.numbered, "unsure": list(line.unsure)}
        if line.place is not None and line.place[0] < len(sizes):
            page, left, top, right, bottom = line.place
            height, width = sizes[page]
            entry |= {"page": page, "box": [left / width, top / height, right / width, bottom / height]}
        lines.append(entry)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for page in pages:
        shutil.copy(page, folder / page.name)
    review = {"source": sheet.source, "pages": [p.name for p in pages], "lines": lines}
    (folder / "review.json").write_text(json.dumps(review, ensure_ascii=False, indent=1), encoding="utf-8")
