"""The files a worksheet gets without writing them: its glossary page, its
printable sheet, its flashcards and vocabulary test (front matter only: the
builders fill them), its vocabulary as an Anki deck and a Quizlet file, its pop-up
texts, its lines for the answer boxes' quotation check, and the places of
its PDFs when the build prints them. Its own data (glossary.yml, notes.yml)
is read by the pages, never published."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from worksheet import Worksheet
from worksheet.anki_deck import apkg_bytes
from worksheet.data_script import worksheet_script
from worksheet.flashcards import cards, quizlet_text
from worksheet.model import GLOSSARY, NOTES

from .pages import LINES, PAGE_KINDS, TIPS

#: Pages a worksheet gets when its folder does not hold them: front matter only.
PAGES = {
    # Out of the search index: searching finds the terms where they stand in
    # the text, whose pop-ups define them; the index every first visit
    # downloads stays a third lighter.
    "glossary.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
    "worksheet.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
    "practice.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
    "vocabulary-test.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n",
}
#: A worksheet's data files.
DATA = (GLOSSARY, NOTES)


def tips_script(ws: Worksheet) -> str:
    """The worksheet's pop-up texts, by entry, as a script the pop-ups load
    (overrides/assets/js/popups.js)."""
    return worksheet_script("__glossaryTips", ws.slug, {entry.slug: entry.tooltip() for entry in ws.glossary.entries})


def lines_script(ws: Worksheet) -> str:
    """The article's printed lines ("" for a blank one), as a script the
    answer boxes load to check quotations (overrides/assets/js/answers.js)."""
    return worksheet_script("__articleLines", ws.slug, [line.text for line in ws.article.lines])


def export_names(ws: Worksheet) -> dict[str, str]:
    """The vocabulary's exports, by kind: {"anki": path in the worksheet's folder, "quizlet": …}."""
    name = ws.slug or "vocabulary"
    return {"anki": f"exports/{name}.apkg", "quizlet": f"exports/{name}-quizlet.txt"}


def exports(ws: Worksheet, folder: Path) -> dict[str, bytes]:
    """{path in the worksheet's folder: content} of its vocabulary's exports.
    The deck's notes are dated by the last change to the files they come
    from (in ``folder``), so that two builds of the same files give the same
    deck and a newer one updates the notes a student imported."""
    deck = cards(ws)
    names = export_names(ws)
    sources = [folder / name for name in (GLOSSARY, "article.md", "index.md")]
    changed = max((path.stat().st_mtime for path in sources if path.exists()), default=0.0)
    return {names["anki"]: apkg_bytes(deck, worksheet=ws.slug or "worksheet", title=ws.title, timestamp=int(changed)),
            names["quizlet"]: quizlet_text(deck).encode("utf-8")}


def data_files(files: Files) -> list[File]:
    """The worksheets' data files among ``files``, whatever exclude_docs says:
    their classroom-only records would be there for any student to download."""
    return [file for file in files if file.src_uri.rsplit("/", 1)[-1] in DATA]


def worksheet_files(config, files: Files, ws: Worksheet, pdf_names: list[str]) -> list[File]:
    """What the worksheet ``ws`` gets besides the files of its folder."""
    out = [File.generated(config, ws.src(name), content=source,
                          inclusion=InclusionLevel.UNDEFINED if name in PAGE_KINDS else InclusionLevel.NOT_IN_NAV)
           for name, source in PAGES.items() if files.get_file_from_path(ws.src(name)) is None]
    out.append(File.generated(config, ws.src(TIPS), content=tips_script(ws)))
    out.append(File.generated(config, ws.src(LINES), content=lines_script(ws)))
    out += [File.generated(config, ws.src(name), content=content)
            for name, content in exports(ws, Path(config.docs_dir) / ws.slug).items()]
    out += [File.generated(config, ws.src(name), content=b"") for name in pdf_names]
    return out
