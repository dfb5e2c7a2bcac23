"""``python scripts/check.py``: exit codes, sorted output, warnings, --coverage."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import LIBRARY, ROOT, article_lines
from test_check_rules import CHECK, QUESTIONS, TULIP, broken_library, g, q, run_check

LOCATED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.+)$")


def check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), *args], cwd=cwd, capture_output=True, text=True)


def test_the_library_is_clean_from_any_folder(tmp_path):
    for cwd in (ROOT, tmp_path):
        result = check("--docs", str(LIBRARY), cwd=cwd)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_problems_are_listed_one_a_line_sorted_by_file_and_line(tmp_path):
    broken_library(tmp_path, [
        q("lines: 1–4, 11–13", "lines: 1–4, 13–11"),
        q("    lines: 5–9\n", "    lines: 5–9\n    id: Q1\n"),
        q("« Parents and activists »", "« Parents and tourists »"),
        g("  pos: verb\n", ""),
        ("bikes/notes.yml", "line: 8", "line: 7"),
    ])
    result = run_check(tmp_path)
    assert result.returncode == 1
    rows = result.stdout.splitlines()
    located = [LOCATED.match(row) for row in rows]
    assert all(located), rows
    keys = [(m["path"], int(m["line"])) for m in located]
    assert keys == sorted(keys)
    assert keys == [("docs/bikes/glossary.yml", 7), ("docs/bikes/notes.yml", 1), (QUESTIONS, 5),
                    (QUESTIONS, 8), (QUESTIONS, 21)]  # 5 before 8 before 21: numbers, not text


def test_messages_name_files_from_the_working_folder(tmp_path):
    broken_library(tmp_path, [q("lines: 5–9", "lines: 9–5")])
    inside = check("--docs", ".", cwd=tmp_path / "docs").stdout
    outside = check("--docs", str(tmp_path / "docs"), cwd=ROOT).stdout
    assert inside.startswith("bikes/questions.md:4: q1: range 9–5 runs backwards")
    assert outside.startswith(f"{(tmp_path / 'docs' / 'bikes' / 'questions.md').as_posix()}:4: q1: range 9–5")


def test_warnings_are_printed_but_pass(tmp_path):
    broken_library(tmp_path, [g("- term: activist", TULIP + "- term: activist")])
    result = run_check(tmp_path)
    assert result.returncode == 0
    assert result.stdout == ("docs/bikes/glossary.yml:13: warning: glossary entry 'tulip' occurs nowhere in the "
                             "article or the questions\n")


def test_a_warning_beside_an_error_still_fails(tmp_path):
    broken_library(tmp_path, [g("- term: activist", TULIP + "- term: activist"), q("lines: 5–9", "lines: 9–5")])
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert [row.split(": ", 1)[0] for row in result.stdout.splitlines()] == ["docs/bikes/glossary.yml:13", f"{QUESTIONS}:4"]


@pytest.mark.parametrize("args,error", [
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
    (["--docs", "no-such-folder"], "no-such-folder: no such folder"),
    (["--docs", "mkdocs.yml"], "mkdocs.yml: no such folder"),
    (["--docs"], "argument --docs: expected one argument"),
    (["extra"], "unrecognized arguments: extra"),
])
def test_usage_errors_exit_2(args, error):
    result = check(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("usage: check.py")
    assert result.stderr.rstrip().endswith(f"error: {error}")


def test_help_exits_0():
    result = check("--help")
    assert result.returncode == 0
    assert "--coverage" in result.stdout and "--docs" in result.stdout


def test_a_folder_with_no_worksheet_says_so(tmp_path):
    result = check("--docs", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, f"{tmp_path}: no worksheet (a folder holding an article.md)\n")


@pytest.mark.parametrize("damage,expected", [
    (lambda docs: (docs / "questions.md").unlink(), "docs/bikes/questions.md: file not found"),
    (lambda docs: (docs / "glossary.yml").write_bytes(b"- term: caf\xe9\n"), "docs/bikes/glossary.yml:1: not valid UTF-8 text"),
    (lambda docs: (docs / "notes.yml").write_bytes(b"- line: 8\n  phrase: \xff\n"), "docs/bikes/notes.yml:2: not valid UTF-8 text"),
    (lambda docs: (docs / "questions.md").write_text("---\ntitle: [Questions\n---\n"),
     "docs/bikes/questions.md:2: invalid front matter: the list opened with '[' on this line is not closed with ']'"),
    (lambda docs: (docs / "glossary.yml").write_text("term: wobble\n"),
     "docs/bikes/glossary.yml:1: expected a list, one '- ' item per glossary entry"),
    (lambda docs: (docs / "notes.yml").write_text("- just a sentence\n"),
     "docs/bikes/notes.yml:1: every item must be a note with named fields"),
    (lambda docs: ((docs / "questions.md").unlink(), (docs / "questions.md").mkdir()),
     "docs/bikes/questions.md: cannot read file: Is a directory"),
])
def test_unreadable_input_is_one_line_naming_the_file(damage, expected, tmp_path):
    broken_library(tmp_path, [])
    damage(tmp_path / "docs" / "bikes")
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, expected + "\n", "")


def test_notes_and_the_worksheets_page_are_optional(tmp_path):
    broken_library(tmp_path, [])
    (tmp_path / "docs" / "bikes" / "notes.yml").unlink()
    (tmp_path / "docs" / "bikes" / "index.md").unlink()
    assert run_check(tmp_path).returncode == 0


def coverage_rows(stdout: str) -> dict[int, tuple[str, str]]:
    """{line: (questions column, text)} from the first worksheet of a --coverage report."""
    rows = {}
    for row in stdout.split("\n# ")[1].splitlines():
        m = re.match(r"^\s*(\d+)  (\(blank\)|-|q\d+(?:, q\d+)*)\s*(.*)$", row)
        if m:
            rows[int(m[1])] = (m[2], m[3])
    return rows


def test_coverage_shows_who_cites_each_line_and_lists_uncited_lines(tmp_path):
    broken_library(tmp_path, [q("lines: 1–4, 11–13", "lines: 6–7, 12–13")])
    result = run_check(tmp_path, "--coverage")
    assert result.returncode == 0
    assert result.stdout.startswith("# docs/bikes/article.md\n")
    rows = coverage_rows("\n" + result.stdout)
    lines = article_lines(LIBRARY / "bikes")
    assert sorted(rows) == list(range(1, len(lines) + 1))
    assert {n: text for n, (_, text) in rows.items() if text} == {n: t for n, t in enumerate(lines, 1) if t}
    assert {n: ids for n, (ids, _) in rows.items()} == {
        1: "-", 2: "-", 3: "-", 4: "-", 5: "q1", 6: "q1, q2", 7: "q1, q2", 8: "q1", 9: "q1", 10: "(blank)",
        11: "-", 12: "q2", 13: "q2"}
    assert "Lines no question cites (5): 1–4, 11" in result.stdout.splitlines()


def test_coverage_comes_after_the_problems(tmp_path):
    broken_library(tmp_path, [q("lines: 5–9", "lines: 9–5")])
    result = run_check(tmp_path, "--coverage")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(f"{QUESTIONS}:4: q1: range 9–5 runs backwards")
    assert result.stdout.splitlines()[1] == "# docs/bikes/article.md"


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path):
    """``check.py --coverage | head``: the reader closes the pipe after one
    line, long before the report (larger than a pipe's buffer) is written."""
    broken_library(tmp_path, [])
    article = tmp_path / "docs" / "bikes" / "article.md"
    filler = "".join(f"one more line, number {n}, to fill the pipe\n" for n in range(14, 3014))
    article.write_text(article.read_text(encoding="utf-8").replace("to park.\n```", f"to park.\n{filler}```"),
                       encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(CHECK), "--docs", "docs", "--coverage"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert (first, errors, process.wait()) == ("# docs/bikes/article.md\n", "", 0)
