"""Mutation scores of the rules that matter most: how many small planted bugs
(a sign flipped, a character dropped from a pattern, a comparison turned round)
the tests catch.

The core's quotations and references and the importer's margin numbers and
line fitting go through mutmut; the scripts a student and a teacher run in the
browser (the quotation check, the hand-in file, the review page's marks and
CSV) through Stryker. Each target is run with the fast tests that cover it, so
that a run fits on a small machine; a table of killed, survived and timed-out
mutants closes the run, with the surviving ones listed under it.

    .venv/bin/python scripts/mutation.py                  # every target
    .venv/bin/python scripts/mutation.py review.js        # the targets named
    .venv/bin/python scripts/mutation.py --list           # the targets

Needs the test environment (./run.sh test installs mutmut's and Stryker's
pinned versions). Work files go to build/mutation/, outside the sources.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import functools
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutation"
JS = ROOT / "overrides" / "assets" / "js"


@dataclass(frozen=True)
class PythonTarget:
    """Modules of scripts/ (package/module.py) and the pytest arguments of their tests."""

    name: str
    modules: list[str]
    tests: list[str]


@dataclass(frozen=True)
class ScriptTarget:
    """A site script, the node:test file of its tests, and, when only part of
    it runs without a page, the functions mutated."""

    name: str
    script: str
    tests: str
    functions: list[str] = field(default_factory=list)


TARGETS = [
    PythonTarget("quotations and references",
                 ["worksheet/quotes.py", "worksheet/answer_check.py", "worksheet/refs.py", "worksheet/citations.py"],
                 ["tests/engine/test_core_matching.py", "tests/engine/test_answer_check.py", "-m", "not node"]),
    PythonTarget("margin numbers and line fitting",
                 ["sheet_import/margin_numbers.py", "sheet_import/line_fitting.py"],
                 ["tests/engine/test_import_layout.py", "-m", "not ocr", "-k", "not never_finishes"]),
    ScriptTarget("answer-check.js", "answer-check.js", "tests/js/answer-check.test.js"),
    ScriptTarget("hand-in-file.js", "hand-in-file.js", "tests/js/hand-in-file.test.js"),
    ScriptTarget("review.js", "review.js", "tests/js/review.test.js", ["parseMark", "number", "csvCell", "csvText"]),
]


@dataclass
class Score:
    killed: int = 0
    survived: int = 0
    timeouts: int = 0
    other: int = 0  # no tests reach it, or the run of it failed
    survivors: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        caught = self.killed + self.timeouts
        total = caught + self.survived + self.other
        return 100 * caught / total if total else 0.0


def run_python(target: PythonTarget) -> Score:
    """mutmut 3 in a folder laid out as it expects (src/<package>), so that the
    tests import the mutated modules by their own names."""
    folder = WORK / re.sub(r"\W+", "-", target.name)
    shutil.rmtree(folder, ignore_errors=True)
    for package in sorted({module.split("/")[0] for module in target.modules}):
        shutil.copytree(ROOT / "scripts" / package, folder / "src" / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", folder / "tests", ignore=shutil.ignore_patterns("__pycache__", "js"))
    shutil.copy(ROOT / "pytest.ini", folder / "pytest.ini")
    (folder / "pyproject.toml").write_text(
        "[tool.mutmut]\n"
        f"source_paths = {json.dumps(['src'])}\n"
        f"only_mutate = {json.dumps(['src/' + module for module in target.modules])}\n"
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-p', 'no:xdist', '-q'])}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(target.tests)}\n"
        f"also_copy = {json.dumps(['pytest.ini'])}\n"
        "use_git_change_detection = false\n", encoding="utf-8")
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run(mutmut + ["run", "--max-children", "2"], cwd=folder, check=False)
    listing = subprocess.run(mutmut + ["results", "--all", "true"], cwd=folder, capture_output=True, text=True,
                             check=True).stdout
    score = Score()
    for name, status in re.findall(r"^\s*(\S+): (.+)$", listing, flags=re.M):
        status = status.strip()
        if status == "killed":
            score.killed += 1
        elif status == "survived":
            score.survived += 1
            score.survivors.append(f"{name.rpartition('.')[0]}: {mutmut_change(folder, name)}")
        elif status == "timeout":
            score.timeouts += 1
        else:
            score.other += 1
            score.survivors.append(f"{name} ({status})")
    return score


@functools.cache
def _functions(path: Path) -> dict[str, str]:
    source = path.read_text(encoding="utf-8")
    return {node.name: ast.get_source_segment(source, node) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef)}


def mutmut_change(folder: Path, name: str) -> str:
    """The line a mutmut mutant changes, as it reads mutated, from the mutants
    mutmut wrote beside the original functions."""
    module, _, function = name.rpartition(".")
    bodies = _functions(folder / "mutants" / "src" / (module.replace(".", "/") + ".py"))
    original = bodies.get(function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "").split("\n")[1:]
    mutated = bodies.get(function, "").split("\n")[1:]
    changed = [line[2:].strip() for line in difflib.ndiff(original, mutated) if line.startswith("+ ")]
    return " / ".join(changed) or "(a line removed)"


def function_lines(path: Path, name: str) -> tuple[int, int]:
    """The first and last lines of a two-space-indented function of a script."""
    rows = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, row in enumerate(rows) if row.startswith(f"  function {name}("))
    end = next(i for i in range(start, len(rows)) if rows[i] == "  }")
    return start + 1, end + 1


def run_script(target: ScriptTarget) -> Score:
    """Stryker, its command runner running the script's node:test file in one Node process."""
    folder = WORK / target.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    script = f"overrides/assets/js/{target.script}"
    mutate = [f"{script}:{a}-{b}" for a, b in (function_lines(ROOT / script, f) for f in target.functions)] or [script]
    report = folder / "mutation.json"
    config = {
        "mutate": mutate,
        "testRunner": "command",
        "commandRunner": {"command": f"node {target.tests}"},
        "coverageAnalysis": "off",
        "concurrency": 2,
        "reporters": ["json", "clear-text"],
        "jsonReporter": {"fileName": str(report)},
        "ignorePatterns": ["/*", "!/overrides", "/overrides/*", "!/overrides/assets", "!/tests", "/tests/*",
                           "!/tests/js", "!/tests/fixtures", "/tests/fixtures/scans"],
        "disableTypeChecks": False,
        "tempDirName": str((folder / "sandbox").relative_to(ROOT)),
        "cleanTempDir": "always",
        "timeoutMS": 10000,
    }
    (folder / "stryker.config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    stryker = ROOT / "node_modules" / ".bin" / "stryker"
    subprocess.run([str(stryker), "run", str(folder / "stryker.config.json")], cwd=ROOT, check=False)
    score = Score()
    for path, file in json.loads(report.read_text(encoding="utf-8"))["files"].items():
        for mutant in file["mutants"]:
            status = mutant["status"]
            if status == "Killed":
                score.killed += 1
            elif status == "Timeout":
                score.timeouts += 1
            elif status in ("Survived", "NoCoverage"):
                score.survived += 1
                line = mutant["location"]["start"]["line"]
                score.survivors.append(f"{Path(path).name}:{line} {mutant['mutatorName']}: "
                                       f"{mutant.get('replacement', '')!r}")
            else:
                score.other += 1
                score.survivors.append(f"{Path(path).name} {status}")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="names of targets (default: all)")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    args = parser.parse_args()
    if args.list:
        for target in TARGETS:
            print(target.name)
        return 0
    unknown = [name for name in args.targets if name not in {t.name for t in TARGETS}]
    if unknown:
        parser.error(f"no target {', '.join(unknown)}: --list gives them")
    chosen = [t for t in TARGETS if not args.targets or t.name in args.targets]
    scores = {}
    for target in chosen:
        print(f"== {target.name}", flush=True)
        scores[target.name] = run_python(target) if isinstance(target, PythonTarget) else run_script(target)
    print(f"\n{'target':34} {'killed':>7} {'survived':>9} {'timeouts':>9} {'other':>6} {'score':>7}")
    for name, score in scores.items():
        print(f"{name:34} {score.killed:7} {score.survived:9} {score.timeouts:9} {score.other:6} {score.percent:6.1f}%")
    for name, score in scores.items():
        if score.survivors:
            print(f"\nSurvivors, {name}:")
            for survivor in score.survivors:
                print(f"  {survivor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
