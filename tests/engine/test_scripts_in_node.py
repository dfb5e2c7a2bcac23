"""The tests of the site's scripts that run without a page (tests/js/, Node's
own test runner): the quotation check against the shared fixture, the
hand-in file, and the review page's marks and CSV. scripts/mutation.py runs
them under Stryker."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from worksheet.interface_text import load  # noqa: E402

pytestmark = pytest.mark.node


@pytest.mark.parametrize("tests", sorted((ROOT / "tests" / "js").glob("*.test.js")), ids=lambda path: path.name)
def test_the_scripts_rules_hold(tests, tmp_path):
    node = shutil.which("node")
    assert node, "node not found: ./run.sh test installs Debian's nodejs"
    # The interface's English texts, as every page has them before its scripts (siteText).
    texts = tmp_path / "site-text.js"
    texts.write_text(load("en").script(), encoding="utf-8")
    result = subprocess.run([node, "--test", str(tests)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "SITE_TEXT_SCRIPT": str(texts)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
