"""Sheets in Spanish and German, made by the sheet generator from the opening
of a worksheet's public-domain text (Bécquer's "El rayo de luna", Kafka's
"Gemeinschaft"), imported with ``--language``: accented letters read right,
each line at its number, the language written in the draft, and no ordinary
word of the language taken for an OCR error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT
from sheet_import import import_sheet

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "sheets"))
import generator  # noqa: E402

pytestmark = [pytest.mark.browser]  # the sheet is printed by chromium

SEED = 21
LAYOUT = {"pages": 1, "columns": 1, "headers": 1, "source": "above", "footer": "none", "width": 64}
#: (worksheet, language, how many of its printed lines, words with letters English lacks)
TEXTS = {
    "es": ("rayo-de-luna", 10, ["había", "insólito", "leía", "última", "debían", "enseñaban", "entretenían", "días"]),
    "de": ("gemeinschaft", 7, ["fünf", "Quecksilberkügelchen", "Schließlich", "fünfte"]),
}


def opening(language: str) -> dict:
    """The first printed lines of the worksheet's article, to the last full
    stop, as a text of the generator."""
    slug, count, _ = TEXTS[language]
    page = (ROOT / "docs" / slug / "article.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---")[1])
    rows = page.split("```article\n")[1].splitlines()[:count]
    paragraphs: list[str] = []
    for row in rows:
        if row.startswith("  ") or not paragraphs:
            paragraphs.append(row.strip())
        else:
            paragraphs[-1] += " " + row.strip()
    paragraphs[-1] = paragraphs[-1][:paragraphs[-1].rindex(".") + 1]
    return {"title": meta["headline"], "author": meta["author"], "publication": meta["publication"],
            "date": str(meta["date"]), "paragraphs": paragraphs, "language": language}


def imported(tmp_path: Path, language: str, kind: str, read_as: str | None = None):
    sheet = generator.draw(SEED, opening(language), **LAYOUT)
    pdf = generator.pdf_of(sheet, tmp_path / "sheet.pdf")
    paths = [pdf] if kind == "pdf" else generator.scan_of(pdf, SEED, tmp_path / "scan")
    return sheet.truth, import_sheet(paths, tmp_path / "docs", "draft", read_as or language), paths


@pytest.mark.parametrize("kind", ["pdf", pytest.param("scan", marks=pytest.mark.ocr)])
@pytest.mark.parametrize("language", ["es", "de"])
def test_a_sheet_in_spanish_or_german_imports_right(tmp_path, language, kind):
    truth, done, _ = imported(tmp_path, language, kind)
    assert [line.text for line in done.sheet.lines] == truth.lines
    words = set(re.findall(r"\w+", " ".join(line.text for line in done.sheet.lines)))
    assert set(TEXTS[language][2]) <= words
    assert done.sheet.margin_numbers == truth.numbers
    assert done.suspects == [], "an ordinary word taken for an OCR error"
    index = yaml.safe_load((done.folder / "index.md").read_text(encoding="utf-8").split("---")[1])
    assert index["language"] == language
    assert all(c.term.lower() not in {"había", "fünf", "wir", "los"} for c in done.candidates)


@pytest.mark.ocr
def test_english_ocr_loses_the_spanish_letters_that_spanish_ocr_reads(tmp_path):
    """The language matters: read as English, the same scan's accents are lost or the words suspected."""
    truth, done, _ = imported(tmp_path, "es", "scan", read_as="en")
    assert [line.text for line in done.sheet.lines] != truth.lines or done.suspects or len(done.candidates) > 30


def test_the_command_takes_the_language_and_refuses_an_unknown_one_in_one_line(tmp_path):
    sheet = generator.draw(SEED, opening("es"), **LAYOUT)
    pdf = generator.pdf_of(sheet, tmp_path / "sheet.pdf")
    command = [sys.executable, str(ROOT / "scripts" / "import_sheet.py"), str(pdf), "--docs", str(tmp_path / "docs")]
    wrong = subprocess.run([*command, "--slug", "wrong", "--language", "pt"], capture_output=True, text=True)
    assert wrong.returncode == 2
    assert wrong.stderr.strip().splitlines() == [
        "import: --language 'pt' is not one the importer knows: write one of en, fr, es, de, it"]
    assert not (tmp_path / "docs" / "wrong").exists()
    right = subprocess.run([*command, "--slug", "rayo", "--language", "es"], capture_output=True, text=True)
    assert right.returncode in (0, 3), right.stderr
    assert "language: es\n" in (tmp_path / "docs" / "rayo" / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language, mended", [("en", "and I said"), ("es", "and | said")])
def test_the_pronoun_i_is_mended_only_in_english(language, mended):
    from sheet_import.self_checks import self_check
    from sheet_import.sheet import PLAIN_TEXT, PrintedLine, Sheet

    sheet = Sheet("sheet.txt", PLAIN_TEXT, [PrintedLine("and | said")], "certain")
    assert self_check(sheet, language)[0].lines[0].text == mended


def test_a_misread_german_noun_is_suspected_though_capitalised():
    from sheet_import.ocr_suspects import find_suspects
    from sheet_import.sheet import PrintedLine

    lines = [PrintedLine("Die Leute wurden auf uns aufrnerksam, und die Freunde sagten nichts.", True)]
    assert [(s.found, s.suggestion) for s in find_suspects(lines, "de")] == [("aufrnerksam", "aufmerksam")]
    lines = [PrintedLine("Wir sind fünf Freunde und stehen vor dem Tcr.", True)]
    assert [(s.found, s.suggestion) for s in find_suspects(lines, "de")] == [("Tcr", "Tor")]
