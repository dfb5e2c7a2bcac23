"""The tests of the site's scripts that run without a page (tests/js/, Node's
own test runner): the quotation check against the shared fixture, the
hand-in file, and the review page's marks and CSV. scripts/mutation.py runs
them under Stryker."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from support import ROOT

pytestmark = pytest.mark.node


@pytest.mark.parametrize("tests", sorted((ROOT / "tests" / "js").glob("*.test.js")), ids=lambda path: path.name)
def test_the_scripts_rules_hold(tests):
    node = shutil.which("node")
    assert node, "node not found: ./run.sh test installs Debian's nodejs"
    result = subprocess.run([node, "--test", str(tests)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
