"""ProperDocs, MkDocs 1.x's maintained fork, builds the same site as MkDocs
1.6.1: every file the same, byte for byte, but the generator tag."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support import build, log_of

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files_of(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def properdocs():
    result = subprocess.run([sys.executable, "-m", "properdocs", "--version"], capture_output=True, text=True)
    assert result.returncode == 0, "properdocs missing: ./run.sh test installs it (requirements-test.txt)"
    assert "1.6.7" in result.stdout
    return result.stdout


@pytest.mark.parametrize("edition", ["classroom", "student"])
def test_properdocs_builds_the_same_site_as_mkdocs(properdocs, library, tmp_path, edition):
    with_mkdocs = build(library, tmp_path / "mkdocs", edition=edition)
    dest = tmp_path / "properdocs"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "-d", str(dest)], cwd=library, capture_output=True, text=True,
                            env={**os.environ, "SITE_EDITION": edition, "SITE_PDFS": "false",
                                 "OFFLINE": "false"})
    assert result.returncode == 0, log_of(result)
    assert b"ProperDocs 1.6.7" in (dest / "index.html").read_bytes()  # it was ProperDocs that built it
    mine, theirs = files_of(with_mkdocs), files_of(dest)
    assert sorted(mine) == sorted(theirs)
    assert [name for name in mine if mine[name] != theirs[name]] == []
