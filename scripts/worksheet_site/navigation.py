"""The site's menu, when mkdocs.yml gives none: home, each sequence with its
worksheets, the worksheets of no sequence, the vocabulary, and (classroom
edition) the review page."""

from __future__ import annotations

from pathlib import Path

from worksheet import Worksheet
from worksheet.library import Library

from . import review, vocabulary
from .pages import PAGE_KINDS


def nav(library: Library, docs_dir: str, *, student: bool, t) -> list:
    """The menu; ``t`` gives the interface's words (worksheet/interface_text.py)."""
    docs = Path(docs_dir)

    def worksheet_items(ws: Worksheet) -> list:
        # A worksheet's own page (index.md), when it has one, is its
        # section's page (Material's navigation.indexes), titled as the worksheet.
        items: list = [ws.src("index.md")] if (docs / ws.src("index.md")).exists() else []
        items += [{t(label): ws.src(name)} for name, (_, label) in PAGE_KINDS.items() if name != "index.md"]
        # Any other page of its folder, after its own (titled as the page).
        others = sorted((docs / ws.slug).glob("*.md")) if ws.slug else []
        return items + [ws.src(path.name) for path in others if path.name not in PAGE_KINDS]

    listed: set[str] = set()
    menu: list = [{t("pages.home"): "index.md"}] if (docs / "index.md").exists() else []
    for sequence in library.sequences:
        items: list = [sequence.src]  # titled as the sequence
        for ws in sequence.worksheets:
            if ws.slug not in listed:
                listed.add(ws.slug)
                items.append({ws.title: worksheet_items(ws)})
        menu.append({sequence.title: items})
    for ws in library.worksheets:
        if ws.slug not in listed:
            menu.append({ws.title: worksheet_items(ws)})
    menu.append({t("pages.vocabulary"): vocabulary.PAGE[0]})
    if not student:
        menu.append({t(review.LABEL): review.PAGE[0]})
    return menu
