"""Material for MkDocs is used through its public extension points only: its
files reach the site byte for byte, and no partial of it is copied. (The
oldest version the project supports passes the engine tests too:
tests/test_engine_alone.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import material

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
