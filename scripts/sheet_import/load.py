"""Which reader a source needs, told by its first bytes: a PDF, page images
(PNG, JPEG or TIFF, one file per page, in order), or else a plain text."""

from __future__ import annotations

from pathlib import Path

from worksheet.language import DEFAULT

from .page_words import image_words, pdf_pages
from .scan import read_scan
from .sheet import OCR, ImportFailure, Sheet
from .text_sheet import read_text_sheet

IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def load_sheet(paths: list[Path], keep: Path | None = None, language: str = DEFAULT) -> Sheet:
    """The sheet in ``paths``: one text or PDF file, or the images of its pages,
    in ``language`` (the OCR's). Pages read by OCR are kept, cleaned, in the
    folder ``keep`` when given (``page-1.jpg``…)."""
    kinds = [_kind(path) for path in paths]
    if len(paths) > 1 and set(kinds) != {"image"}:
        raise ImportFailure("several files are imported together only as the page images of one sheet")
    if kinds[0] == "pdf":
        kind, pages = pdf_pages(paths[0], keep, language)
        return read_scan(paths[0].name, kind, pages)
    if kinds[0] == "image":
        name = paths[0].name if len(paths) == 1 else f"{paths[0].name} … {paths[-1].name}"
        pages = [image_words(path, keep and keep / f"page-{k}.jpg", language) for k, path in enumerate(paths, 1)]
        return read_scan(name, OCR, pages)
    return read_text_sheet(paths[0])


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except FileNotFoundError:
        raise ImportFailure(f"{path.name}: file not found") from None
    except OSError as exc:
        raise ImportFailure(f"{path.name}: cannot read it ({exc.strerror or exc})") from None
    if head.startswith(b"%PDF"):
        return "pdf"
    return "image" if head.startswith(IMAGE_SIGNATURES) else "text"
