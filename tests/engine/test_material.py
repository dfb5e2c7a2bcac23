"""Material for MkDocs is used through its public extension points only: its
files reach the site byte for byte, no partial of it is copied, and the
oldest version the project supports builds the site and passes the engine
tests too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import material
import pytest

from support import ROOT

MATERIAL = Path(material.__file__).parent / "templates"


def material_assets(templates: Path) -> list[Path]:
    return sorted(p.relative_to(templates) for p in (templates / "assets").rglob("*") if p.is_file())


def test_materials_files_reach_the_site_byte_for_byte(site):
    assets = material_assets(MATERIAL)
    assert any(p.name.startswith("bundle.") for p in assets) and any("workers" in p.parts for p in assets)
    changed = [str(p) for p in assets if (site / p).read_bytes() != (MATERIAL / p).read_bytes()]
    assert changed == []
    pages = [p for p in site.rglob("index.html")]
    [bundle] = [p for p in assets if re.fullmatch(r"bundle\.[0-9a-f]+\.min\.js", p.name)]
    assert all(f"assets/javascripts/{bundle.name}" in p.read_text(encoding="utf-8") for p in pages)


def test_no_partial_of_material_is_copied():
    """No template of the site stands in for one of Material's: the site adds
    to Material's pages through main.html's blocks only, each keeping
    Material's own content (``super()``)."""
    for template in (ROOT / "overrides").rglob("*.html"):
        name = template.relative_to(ROOT / "overrides").as_posix()
        assert name == "main.html" or not (MATERIAL / name).exists(), name
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert main.startswith('{% extends "base.html" %}')
    blocks = re.findall(r"\{% block (\w+)", main)
    assert blocks == ["extrahead", "header", "config", "content"]
    assert main.count("super()") == len(blocks)


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


@pytest.mark.skipif(os.environ.get("STUDY_SITE_OLDEST_MATERIAL") == "1", reason="already on the oldest Material")
def test_the_engine_tests_pass_on_the_oldest_supported_material(oldest_material, tmp_path):
    env = {**os.environ, "PYTHONPATH": f"{oldest_material}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "STUDY_SITE_OLDEST_MATERIAL": "1"}
    version = subprocess.run([sys.executable, "-c", "import material; print(material.__version__)"],
                             env=env, capture_output=True, text=True).stdout.strip()
    assert version == oldest_supported()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/engine",
                             "-m", "not browser and not pdf", "--basetemp", str(tmp_path / "run")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout)
