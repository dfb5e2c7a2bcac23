"""Reading the search index a site ships, as a visitor's browser could."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

FRAGMENT_HEADER = b"pagefind_dcd"


def indexed_pages(site: Path) -> list[dict]:
    """Every page Pagefind's index holds: its address, title, text and anchors."""
    pages = []
    for path in sorted((site / "pagefind").glob("**/fragment/*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(FRAGMENT_HEADER), path.name
        pages.append(json.loads(raw[len(FRAGMENT_HEADER):]))
    return pages


def every_search_text(site: Path) -> str:
    """All the text of every file of the search index, decompressed: the
    pages' text and titles, and the words of the index chunks."""
    parts = []
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file() or path.suffix == ".js" or path.name.startswith("wasm."):
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        parts.append(data.decode("utf-8", "replace"))
    material = site / "search" / "search_index.json"
    if material.is_file():
        parts.append(material.read_text(encoding="utf-8"))
    return "\n".join(parts)


def indexed_text(site: Path) -> str:
    """The text and titles of every indexed page, one string."""
    return " ".join(p["content"] + " " + " ".join(map(str, p["meta"].values())) for p in indexed_pages(site))
