"""The engine's tests pass whatever worksheets docs/ holds: run on a copy of
the project whose docs/ holds only the tiny test library, they pass (the
browser and npm ones aside, which the full run covers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from support import LIBRARY, ROOT

KEPT = ("mkdocs.yml", "pyproject.toml", "pytest.ini", "overrides", "scripts", "tests")


def test_the_engine_tests_pass_with_another_docs_folder(tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in KEPT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, copy / name)
    shutil.copytree(LIBRARY, copy / "docs")
    env = {**os.environ, "PYTHONPATH": str(copy / "scripts"), "STUDY_SITE_OLDEST_MATERIAL": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/engine",
                             "-m", "not browser and not node", "--basetemp", str(tmp_path / "run")],
                            cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
