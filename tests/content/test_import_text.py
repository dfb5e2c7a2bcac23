"""The importer on plain texts: the original OCR'd sheet (its margin numbers
merged into the prose), a sheet with no numbers, a file that is not UTF-8,
and the draft folder it writes."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from support import FIXTURES, ROOT
from support_filling import built_once_filled
from sheet_import import ImportFailure, import_sheet, load_sheet
from sheet_import.ocr_suspects import Suspect
from sheet_import.report import report
from worksheet import load_worksheet
from worksheet.article import Article, parse_article
from worksheet.source import split_front_matter

SHEET = FIXTURES / "sheet.txt"
MARGIN_NUMBERS = [20, 25, 30, 40, 50, 60, 65]  # the numbers OCR merged into the sheet's prose
#: The site's editor's note lists what its article changed from the sheet: (line, as printed, as on the site).
DOCUMENTED_CORRECTIONS = [(14, None, "[perks.]"), (30, "guite", "quite")]


class SiteWorksheet:
    """The site's own worksheet, the one an import must give back. The only
    place these tests name its files: the content will move to
    ``docs/social-credit/`` and the printable sheet to ``/social-credit/worksheet/``."""

    DOCS = ROOT / "docs" / "social-credit"
    PDF = "worksheet.pdf"  # its name among the ``pdfs`` fixture's files

    @classmethod
    def article_text(cls) -> str:
        return (cls.DOCS / "article.md").read_text(encoding="utf-8")

    @classmethod
    def article(cls) -> Article:
        return parse_article(cls.article_text(), "article.md")

    @classmethod
    def questions(cls) -> list[str]:
        """Its open questions, the ones the paper sheet asked (its exercises are read apart)."""
        return [q.text.text for q in load_worksheet(cls.DOCS).questions.questions if not q.exercise_kind]

    @classmethod
    def printed_pdf(cls, pdfs: dict):
        return pdfs[cls.PDF]


def words_of(lines) -> list[str]:
    return [word for line in lines for word in line.text.split()]


def as_printed(article: Article) -> list[list[str]]:
    """The site's lines, word by word, with the documented corrections undone:
    the sheet as it was printed."""
    lines = [line.text.split() for line in article.lines]
    for number, printed, corrected in DOCUMENTED_CORRECTIONS:
        words = lines[number - 1]
        at = words.index(corrected)
        words[at : at + 1] = [printed] if printed else []
    return lines


@pytest.fixture(scope="module")
def sheet():
    return load_sheet([SHEET])


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    return import_sheet([SHEET], tmp_path_factory.mktemp("docs"), "social-credit")


def test_the_corrections_are_the_ones_the_site_documents():
    note = SiteWorksheet.article_text().split('!!! note "Editor\'s note"')[1]
    for number, printed, corrected in DOCUMENTED_CORRECTIONS:
        assert f"(l. {number})" in note and f'"{corrected}"' in note
        if printed:
            assert f'"{printed}"' in note


def test_the_seven_margin_numbers_hold(sheet):
    """Line n starts where the site's line n starts: the same words stand before it."""
    site = as_printed(SiteWorksheet.article())
    assert sheet.margin_numbers == MARGIN_NUMBERS
    assert len(sheet.lines) == len(site) == 65
    for number in MARGIN_NUMBERS:
        before = sum(len(words) for words in site[: number - 1])
        assert len(words_of(sheet.lines[: number - 1])) == before, number
        assert sheet.lines[number - 1].text.split()[0] == site[number - 1][0], number


def test_the_article_words_in_order_are_the_sites_apart_from_the_documented_corrections(sheet):
    printed = [word for line in as_printed(SiteWorksheet.article()) for word in line]
    assert words_of(sheet.lines) == printed


def test_prose_numbers_stay_prose(sheet):
    """1.4 billion, 2014, 2015, 2020 and 350 to 950 are the article's, not margin numbers."""
    text = " ".join(line.text for line in sheet.lines)
    for phrase in ("1.4 billion", "launched in 2014", "nationwide by 2020.", "in 2015.", "from 350 to 950"):
        assert phrase in text


def test_paragraphs_start_indented_lines_or_follow_blank_ones(sheet):
    starts = [n for n, line in enumerate(sheet.lines, start=1) if line.starts_paragraph]
    blanks = [n for n, line in enumerate(sheet.lines, start=1) if line.blank]
    assert blanks == [44, 62]  # as on the sheet: the count between 40 and 50, and 60 and 65, needs them
    assert starts == [1, 8, 15, 37, 45, 55, 63]  # the break before line 25 is lost in the OCR'd text


def test_the_seven_questions_are_found_verbatim(sheet):
    assert [q.text for q in sheet.questions] == SiteWorksheet.questions()
    assert [q.number for q in sheet.questions] == list(range(1, 8))


def test_guite_is_flagged_and_the_dropped_word_too(draft):
    assert draft.suspects == [Suspect(14, "similar"), Suspect(30, "guite", "quite")]


def test_headline_and_byline(sheet):
    assert sheet.headline == "the odd reality of life under china's all-seeing credit score system"
    assert (sheet.byline.author, sheet.byline.publication, sheet.byline.date) == (
        "Charles Rollet", "wired.com", "June 5, 2018")


def test_only_the_numbered_lines_are_said_to_be_certain(sheet):
    assert sheet.certainty.startswith(
        "The lines were rebuilt from a plain text: only the 7 numbered lines (20, 25, 30, 40, 50, 60, 65) "
        "are certain. The breaks between them were fitted evenly")


def test_the_report(draft):
    lines = report(draft).splitlines()
    assert lines[0] == f"Imported sheet.txt (plain text) into {draft.folder}/"
    assert lines[1:10] == [
        "  lines found:          65 (2 blank)",
        "  numbers matched:      7 (20, 25, 30, 40, 50, 60, 65)",
        "  to check:             0",
        "  suspected errors:     2",
        '    line 14: the paragraph ends with "similar" and no full stop: a word may be missing at the line end.',
        '    line 30: "guite" may be "quite".',
        "  questions found:      7",
        f"  glossary candidates:  {len(draft.candidates)}",
        "  headline:             the odd reality of life under china's all-seeing credit score system",
    ]
    assert " ".join(lines).count("only the 7 numbered lines") == 1


# -- the draft folder ----------------------------------------------------------------------


def test_the_draft_holds_the_five_files_of_a_worksheet(draft):
    assert sorted(p.name for p in draft.folder.iterdir()) == [
        "article.md", "glossary.yml", "index.md", "notes.yml", "questions.md"]
    assert draft.folder.name == "social-credit"


def test_the_draft_article_parses_line_for_line(draft):
    text = (draft.folder / "article.md").read_text(encoding="utf-8")
    article = parse_article(text, "article.md")
    assert [line.text for line in article.lines] == [line.text for line in draft.sheet.lines]
    assert [line.starts_paragraph for line in article.lines] == [
        line.starts_paragraph or (n > 1 and draft.sheet.lines[n - 2].blank)
        for n, line in enumerate(draft.sheet.lines, start=1)]
    assert article.meta == {"headline": draft.sheet.headline, "author": "Charles Rollet",
                            "publication": "wired.com", "date": "June 5, 2018"}


def test_the_editors_note_says_how_the_lines_were_found_and_lists_the_suspects(draft):
    text = (draft.folder / "article.md").read_text(encoding="utf-8")
    note = text.split('!!! note "Editor\'s note"\n\n', 1)[1]
    assert all(row.startswith("    ") for row in note.splitlines() if row)
    flat = " ".join(note.split())
    assert "only the 7 numbered lines (20, 25, 30, 40, 50, 60, 65) are certain" in flat
    assert '- Line 30: `guite` may be `quite`.' in flat
    assert '- Line 14: the paragraph ends with `similar` and no full stop' in flat


def test_the_draft_index_and_notes(draft):
    assert (draft.folder / "index.md").read_text(encoding="utf-8") == (
        "---\n"
        "title: the odd reality of life under china's all-seeing credit score system\n"
        "level: TODO\ntheme: TODO\ntime: TODO\nlanguage: en\n"
        "---\n\n"
        "TODO: two or three sentences introducing the worksheet.\n")
    notes = (draft.folder / "notes.yml").read_text(encoding="utf-8")
    assert notes.startswith("# Notes on names, facts and allusions in the article.\n")
    assert yaml.safe_load(notes) == []


def test_the_draft_questions_one_block_each_verbatim(draft):
    text = (draft.folder / "questions.md").read_text(encoding="utf-8")
    meta, body, _ = split_front_matter(text, "questions.md")
    assert meta == {}  # the site names the page
    blocks = re.findall(r"^//// question\n(.*?)^////$", body, re.M | re.S)
    assert len(blocks) == 7
    assert blocks[0] == (
        "    lines: TODO\n    writing-space: 6\n\nIntroduce the document\n\n"
        "/// model-answer\nTODO\n///\n\n/// teacher-notes\nTODO\n///\n")
    assert [b.split("\n\n")[1] for b in blocks] == SiteWorksheet.questions()


def test_the_draft_glossary_lists_rare_words_with_their_lines(draft):
    text = (draft.folder / "glossary.yml").read_text(encoding="utf-8")
    entries = yaml.safe_load(text)
    terms = [e["term"] for e in entries]
    assert terms == sorted(terms) and len(terms) == len(draft.candidates) >= 20
    assert {"amalgamated", "trustworthiness", "no-deposit", "e-commerce", "dystopian"} <= set(terms)
    assert not {"guite", "creemers", "rogier", "leiden", "china", "the"} & set(terms)
    assert all(e["forms"] == [] and e["pos"] == e["definition"] == e["french"] == "TODO" for e in entries)
    assert "# lines 8, 65 (Zipf frequency 3.19)\n- term: dystopian\n" in text
    assert text.startswith("# Glossary of the article:")


def test_an_existing_folder_is_never_overwritten(draft):
    with pytest.raises(ImportFailure, match=r"social-credit: already exists; choose another --slug"):
        import_sheet([SHEET], draft.folder.parent, "social-credit")


# -- other sheets --------------------------------------------------------------------------


def test_a_sheet_with_no_numbers_still_imports_and_says_so(tmp_path):
    source = SHEET.read_text(encoding="utf-8")
    for number in MARGIN_NUMBERS:
        source = source.replace(f" {number} ", " ", 1)
    plain = tmp_path / "plain.txt"
    plain.write_text(source, encoding="utf-8")
    done = import_sheet([plain], tmp_path / "docs", "plain")
    sheet = done.sheet
    assert sheet.margin_numbers == []
    assert words_of(sheet.lines) == words_of(load_sheet([SHEET]).lines)
    assert [line.text.split()[0] for line in sheet.lines if line.starts_paragraph] == [
        "In", "It", "China's", "Yet", "Along", "As", "But,"]
    assert not any(line.blank for line in sheet.lines)
    assert max(len(line.text) for line in sheet.lines) <= 70
    assert sheet.certainty == (
        "No margin line numbers were found: the lines come from the paragraphs, wrapped at about 55 "
        "characters, and no line is certain. Number them against the paper sheet.")
    assert "  numbers matched:      0 (none)" in report(done).splitlines()
    assert len(sheet.questions) == 7


def test_a_file_that_is_not_utf8_gives_one_line_and_no_draft(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Title\n\nA caf\u00e9 in the town.\n".encode("latin-1"))
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_sheet.py"), str(latin),
                             "--slug", "cafe", "--docs", str(tmp_path / "docs")], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("import: latin.txt: not UTF-8 text (byte 0xe9 on line 3); "
                             "save it as UTF-8 and import it again\n")
    assert not (tmp_path / "docs" / "cafe").exists()


def test_a_missing_file_gives_one_line(tmp_path):
    with pytest.raises(ImportFailure) as failure:
        import_sheet([tmp_path / "nowhere.txt"], tmp_path, "nowhere")
    assert str(failure.value) == "nowhere.txt: file not found"


def test_a_slug_must_be_a_folder_name(tmp_path):
    with pytest.raises(ImportFailure) as failure:
        import_sheet([SHEET], tmp_path, "Social Credit")
    assert str(failure.value) == "--slug 'Social Credit': use small letters, digits and hyphens, e.g. social-credit"


def test_the_command_writes_the_draft_and_says_it_needs_checking(tmp_path):
    """The sheet has two suspected OCR errors: the draft is written, and the exit status (3) says to check it."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_sheet.py"), str(SHEET),
                             "--slug", "social-credit", "--docs", str(tmp_path)], capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (3, "")
    assert "CHECK the draft against the paper sheet" in result.stdout
    assert result.stdout.startswith(f"Imported sheet.txt (plain text) into {tmp_path / 'social-credit'}/\n")
    assert (tmp_path / "social-credit" / "article.md").is_file()


def test_the_draft_once_filled_in_builds_into_a_worksheet(draft, tmp_path):
    """Its TODOs written, the draft is a worksheet like any other: checked,
    built strict, with its article numbered as the sheet."""
    assert built_once_filled(draft.folder, tmp_path / "project").count('class="line-text" id="L') == 65
