"""Valid HTML: the Nu HTML checker (npm vnu-jar, run with Java) finds no
error in either edition, apart from Material's own and the checker's own
gaps, listed below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT

pytestmark = [pytest.mark.java, pytest.mark.node]

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Errors from Material for MkDocs' own templates, not from this project:
#: (why, message pattern, pattern of the offending markup).
MATERIAL_ERRORS = [
    (
        # base.html: the drawer and the search are opened by two hidden
        # checkboxes that carry autocomplete="off", so that Firefox does not
        # restore them checked when going back to a page. HTML allows it on
        # text-like inputs only; browsers ignore it on a checkbox.
        "autocomplete on Material's drawer and search toggles",
        r"^Attribute 'autocomplete' is only allowed when the input type is ",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
    ),
    (
        # partials/nav-item.html: the label of a nested section of the menu
        # gets tabindex="{{ tabindex }}", set to "0" for a collapsible one
        # and to nothing for a section (navigation.tabs), which leaves an
        # empty attribute. Browsers treat it as no tabindex.
        "empty tabindex on Material's menu section labels",
        r"^Bad value '' for attribute 'tabindex' on element 'label'",
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
    ),
]
#: What the checker does not know yet, in the styles a page holds in its head.
CHECKER_GAPS = [
    (
        # answers.css: an answer box grows with its text (field-sizing:
        # content, in Chromium since 123); the checker's CSS data predates it.
        "field-sizing, a CSS property newer than the checker",
        r"^CSS: .field-sizing.: Property .field-sizing. doesn.t exist",
        r"d-sizing: content",
    ),
]
KNOWN = MATERIAL_ERRORS + CHECKER_GAPS


def allowed(message: dict) -> str | None:
    for why, text, markup in KNOWN:
        if re.search(text, message.get("message", "")) and re.search(markup, message.get("extract", "")):
            return why
    return None


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:").replace(str(site), "").lstrip("/")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}\n      {extract}"


def vnu(site: Path) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found: ./run.sh test installs Debian's default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} not found: run `npm ci` (./run.sh test does)")
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--asciiquotes",
                             "--format", "json", "--stdout", "--exit-zero-always", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"vnu failed to run:\n{result.stderr}"
    return json.loads(result.stdout)["messages"]


@pytest.mark.parametrize("edition", ["classroom", "student"])
def test_no_html_error_of_ours(request, edition):
    site = request.getfixturevalue("site" if edition == "classroom" else "student_site")
    messages = vnu(site)
    ours = [m for m in messages if not allowed(m)]
    assert not ours, "\n  ".join(describe(m, site) for m in ours)
    assert {allowed(m) for m in messages} == {why for why, _, _ in KNOWN}, "remove a stale allow-list entry"
