"""The engine's tests pass whatever worksheets docs/ holds, and on the
oldest Material the project supports: run on a copy of the project whose
docs/ holds only the tiny test library, with that Material first on the
path, they pass. Those of the browser, the PDFs and the npm tools aside,
and those of ``mkdocs serve`` and ProperDocs, which the full run covers on
the Material it installs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from support import LIBRARY, ROOT

KEPT = ("mkdocs.yml", "pyproject.toml", "pytest.ini", "overrides", "scripts", "tests")


def oldest_supported() -> str:
    """The oldest Material the project supports, as pyproject.toml states it."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'"mkdocs-material>=([0-9.]+),', text).group(1)


@pytest.fixture(scope="module")
def oldest_material(tmp_path_factory):
    """The oldest supported Material, installed apart (PyPI), to put first on the path."""
    target = tmp_path_factory.mktemp("oldest-material")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                             "--no-deps", "--target", str(target), f"mkdocs-material=={oldest_supported()}"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.mark.slow
def test_the_engine_tests_pass_with_another_docs_folder_on_the_oldest_material(oldest_material, tmp_path):
    copy = tmp_path / "project"
    copy.mkdir()
    for name in KEPT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, copy / name)
    shutil.copytree(LIBRARY, copy / "docs")
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_XDIST")}
    env["PYTHONPATH"] = os.pathsep.join([str(oldest_material), str(copy / "scripts")])
    version = subprocess.run([sys.executable, "-c", "import material; print(material.__version__)"],
                             env=env, capture_output=True, text=True).stdout.strip()
    assert version == oldest_supported()
    # Over every core: once the rest of a parallel run is done, this run has them all.
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto",
                             "--dist", "loadscope", "tests/engine", "-m", "not browser and not pdf and not node",
                             "--ignore", "tests/engine/test_serve.py", "--ignore", "tests/engine/test_properdocs.py",
                             "--basetemp", str(tmp_path / "run")],
                            cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout)
