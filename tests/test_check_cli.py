"""``python scripts/check.py``: exit codes, sorted output, warnings, --coverage."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import ROOT
from test_check_rules import TULIP, broken_worksheet, g, q
from test_second_worksheet import CHECK, article_lines, run_check, tiny_worksheet

LOCATED = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.+)$")


def check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), *args], cwd=cwd, capture_output=True, text=True)


def test_the_real_worksheet_is_clean_from_any_folder(tmp_path):
    for cwd in (ROOT, tmp_path):
        result = check(cwd=cwd)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_problems_are_listed_one_a_line_sorted_by_file_and_line(tmp_path):
    broken_worksheet(tmp_path, [
        q("[lines 11–13](article.md#L11)", "[lines 13–11](article.md#L13)"),
        q("## Question 1 { #q1 }", "## Question 1"),
        q("« Parents and activists »", "« Parents and tourists »"),
        g("  pos: verb\n", ""),
        ("notes.yml", "line: 8", "line: 7"),
    ])
    result = run_check(tmp_path)
    assert result.returncode == 1
    rows = result.stdout.splitlines()
    assert len(rows) == 5
    located = [LOCATED.match(row) for row in rows]
    assert all(located), rows
    keys = [(m["path"], int(m["line"])) for m in located]
    assert keys == sorted(keys)
    assert keys == [("docs/glossary.yml", 7), ("docs/notes.yml", 1), ("docs/questions.md", 9),
                    ("docs/questions.md", 11), ("docs/questions.md", 29)]  # 9 before 11: numbers, not text


def test_messages_name_files_from_the_working_folder(tmp_path):
    broken_worksheet(tmp_path, [q("{ #q2 }", "{ #q3 }")])
    inside = check("--docs", ".", cwd=tmp_path / "docs").stdout
    outside = check("--docs", str(tmp_path / "docs"), cwd=ROOT).stdout
    assert inside.startswith("questions.md:25: question 2 has id 'q3'")
    assert outside.startswith(f"{(tmp_path / 'docs' / 'questions.md').as_posix()}:25: question 2 has id 'q3'")


def test_warnings_are_printed_but_pass(tmp_path):
    broken_worksheet(tmp_path, [g("- term: activist", TULIP + "- term: activist")])
    result = run_check(tmp_path)
    assert result.returncode == 0
    assert result.stdout == "docs/glossary.yml:13: warning: glossary entry 'tulip' occurs nowhere in the article or the questions\n"


def test_a_warning_beside_an_error_still_fails(tmp_path):
    broken_worksheet(tmp_path, [g("- term: activist", TULIP + "- term: activist"), q("{ #q2 }", "{ #q1 }")])
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert [row.split(": ", 1)[0] for row in result.stdout.splitlines()] == ["docs/glossary.yml:13", "docs/questions.md:25"]


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


@pytest.mark.parametrize("damage,expected", [
    (lambda docs: (docs / "article.md").unlink(), "docs/article.md: file not found"),
    (lambda docs: (docs / "glossary.yml").write_bytes(b"- term: caf\xe9\n"), "docs/glossary.yml:1: not valid UTF-8 text"),
    (lambda docs: (docs / "notes.yml").write_bytes(b"- line: 8\n  phrase: \xff\n"), "docs/notes.yml:2: not valid UTF-8 text"),
    (lambda docs: (docs / "questions.md").write_text("---\ntitle: [Questions\n---\n"),
     "docs/questions.md:3: invalid front matter: expected ',' or ']', but got '<stream end>'"),
    (lambda docs: (docs / "glossary.yml").write_text("term: wobble\n"),
     "docs/glossary.yml:1: expected a list, one '- ' item per glossary entry"),
    (lambda docs: (docs / "notes.yml").write_text("- just a sentence\n"),
     "docs/notes.yml:1: every item must be a note with named fields"),
    (lambda docs: ((docs / "questions.md").unlink(), (docs / "questions.md").mkdir()),
     "docs/questions.md: cannot read file: Is a directory"),
])
def test_unreadable_input_is_one_line_naming_the_file(damage, expected, tmp_path):
    tiny_worksheet(tmp_path)
    damage(tmp_path / "docs")
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, expected + "\n", "")


def test_notes_are_optional(tmp_path):
    tiny_worksheet(tmp_path)
    (tmp_path / "docs" / "notes.yml").unlink()
    assert run_check(tmp_path).returncode == 0


def coverage_rows(stdout: str) -> dict[int, tuple[str, str]]:
    """{line: (questions column, text)} from the --coverage report."""
    rows = {}
    for row in stdout.splitlines():
        m = re.match(r"^\s*(\d+)  (\(blank\)|-|q\d+(?:, q\d+)*)\s*(.*)$", row)
        if m:
            rows[int(m[1])] = (m[2], m[3])
    return rows


def test_coverage_shows_who_cites_each_line_and_lists_uncited_lines(tmp_path):
    broken_worksheet(tmp_path, [q("[lines 1–4](article.md#L1), [lines 11–13](article.md#L11)",
                                  "[lines 6–7](article.md#L6), [lines 12–13](article.md#L12)")])
    result = run_check(tmp_path, "--coverage")
    assert result.returncode == 0
    rows = coverage_rows(result.stdout)
    lines = article_lines()
    assert sorted(rows) == list(range(1, len(lines) + 1))
    assert {n: text for n, (_, text) in rows.items() if text} == {n: t for n, t in enumerate(lines, 1) if t}
    cited = {n: ids for n, (ids, _) in rows.items()}
    assert cited == {1: "-", 2: "-", 3: "-", 4: "-", 5: "q1", 6: "q1, q2", 7: "q1, q2", 8: "q1", 9: "q1",
                     10: "(blank)", 11: "-", 12: "q2", 13: "q2"}
    assert result.stdout.splitlines()[-1] == "Lines no question cites (5): 1–4, 11"


def test_coverage_of_a_fully_cited_worksheet(tmp_path):
    tiny_worksheet(tmp_path)
    result = run_check(tmp_path, "--coverage")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "Lines no question cites (0): none"


def test_coverage_comes_after_the_problems(tmp_path):
    broken_worksheet(tmp_path, [q("{ #q2 }", "{ #q3 }")])
    result = run_check(tmp_path, "--coverage")
    assert result.returncode == 1
    rows = result.stdout.splitlines()
    assert rows[0].startswith("docs/questions.md:25: question 2 has id 'q3'")
    assert coverage_rows(result.stdout)[1] == ("q3", article_lines()[0])


def test_a_reader_that_stops_early_ends_the_output_quietly(tmp_path):
    """``check.py --coverage | head``: the reader closes the pipe after one
    line, long before the report (larger than a pipe's buffer) is written."""
    tiny_worksheet(tmp_path)
    article = tmp_path / "docs" / "article.md"
    filler = "".join(f"one more line, number {n}, to fill the pipe\n" for n in range(14, 3014))
    article.write_text(article.read_text(encoding="utf-8").replace("to park.\n```", f"to park.\n{filler}```"),
                       encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(CHECK), "--docs", "docs", "--coverage"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert (first.startswith("   1  q2"), errors, process.wait()) == (True, "", 0)


def test_coverage_of_the_real_worksheet_lists_every_line():
    result = check("--coverage")
    assert result.returncode == 0
    rows = coverage_rows(result.stdout)
    assert sorted(rows) == list(range(1, max(rows) + 1))
    assert result.stdout.splitlines()[-1].startswith("Lines no question cites (")
