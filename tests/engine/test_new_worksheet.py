"""``./run.sh new SLUG``: an empty worksheet to fill in. The checker refuses
it, one message per TODO, until each is written; then it builds like any other."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT, log_of, project, strict_build
from support_filling import fill_in

NEW = ROOT / "scripts" / "new_worksheet.py"
CHECK = ROOT / "scripts" / "check.py"


def test_a_new_worksheet_lists_what_to_write_then_builds(tmp_path):
    root = project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(NEW), "ferries", "--docs", str(root / "docs")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    folder = root / "docs" / "ferries"
    assert sorted(p.name for p in folder.iterdir()) == ["article.md", "glossary.yml", "index.md", "notes.yml",
                                                        "questions.md"]
    check = subprocess.run([sys.executable, str(CHECK), "--docs", "docs"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 1
    assert check.stdout.splitlines() == [
        "docs/ferries/article.md:2: TODO: write the article's headline",
        "docs/ferries/article.md:3: TODO: write the article's author",
        "docs/ferries/article.md:4: TODO: write where the article was published",
        "docs/ferries/article.md:5: TODO: write the article's date",
        "docs/ferries/article.md:9: TODO: write the article's text, one printed line per line",
        "docs/ferries/article.md:14: TODO: write the editor's note",
        "docs/ferries/index.md:2: TODO: write the worksheet's title",
        "docs/ferries/index.md:3: TODO: write the worksheet's level (such as B1–B2)",
        "docs/ferries/index.md:4: TODO: write the worksheet's theme or axis",
        "docs/ferries/index.md:5: TODO: write the time the worksheet takes (such as 1 hour)",
        "docs/ferries/index.md:8: TODO: write the worksheet's introduction",
        "docs/ferries/questions.md:4: q1: TODO: write the lines it draws on (lines: 25–29, 30–36)",
        "docs/ferries/questions.md:7: q1: TODO: write its text",
        "docs/ferries/questions.md:10: q1: TODO: write the model answer",
        "docs/ferries/questions.md:14: q1: TODO: write the teacher notes",
    ]
    assert strict_build(root).returncode == 1
    fill_in(folder)
    result = strict_build(root)
    assert result.returncode == 0, log_of(result)
    assert (root / "site" / "ferries" / "article" / "index.html").is_file()


def test_a_folder_that_exists_is_left_alone(tmp_path):
    root = project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(NEW), "bikes", "--docs", str(root / "docs")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "bikes: already exists" in result.stderr
