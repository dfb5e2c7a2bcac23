"""Valid HTML: the Nu HTML checker (npm vnu-jar, run with Java) finds no
error in either edition, apart from Material's own, listed below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: Errors that come from Material for MkDocs 9.8.2's own templates, not from
#: this project. Each is (why, message pattern, pattern of the offending markup).
#: The README's "Quality gates" section lists the same ones.
MATERIAL_ERRORS = [
    (
        # base.html: Material's drawer and search are opened by two hidden
        # checkboxes (#__drawer, #__search) that carry autocomplete="off", so
        # that Firefox does not restore them checked (drawer or search left
        # open) when going back to a page. HTML allows autocomplete on text-like
        # inputs only; on a checkbox other browsers ignore it. Harmless, and
        # fixing it would mean copying Material's whole base.html.
        "autocomplete on Material's drawer and search toggles",
        r"^Attribute 'autocomplete' is only allowed when the input type is ",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
    ),
]


def allowed(message: dict) -> str | None:
    """The allow-list entry that explains this message, if any."""
    for why, text, markup in MATERIAL_ERRORS:
        if re.search(text, message.get("message", "")) and re.search(markup, message.get("extract", "")):
            return why
    return None


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:").replace(str(site), "").lstrip("/")
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}\n      {extract}"


def vnu(site: Path) -> list[dict]:
    """The checker's errors on every HTML file of a built site."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found: ./run.sh test installs Debian's default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} not found: run `npm ci` (./run.sh test does)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--asciiquotes",
         "--format", "json", "--stdout", "--exit-zero-always", str(site)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, f"vnu failed to run:\n{result.stderr}"
    messages = json.loads(result.stdout)["messages"]
    assert all(m["type"] in ("error", "non-document-error") for m in messages), messages
    return messages


@pytest.fixture(scope="module")
def classroom_messages(site):
    return vnu(site)


@pytest.fixture(scope="module")
def student_messages(student_site):
    return vnu(student_site[0])


def check(messages: list[dict], site: Path, edition: str):
    ours = [m for m in messages if not allowed(m)]
    assert not ours, (
        f"The Nu HTML checker found {len(ours)} error(s) in the {edition} edition that are not Material's own. "
        "They come from this project's markup (overrides/, scripts/worksheet/render.py, scripts/hook.py "
        "or docs/); fix the markup rather than extend the allow-list:\n  "
        + "\n  ".join(describe(m, site) for m in ours)
    )


def test_the_classroom_edition_has_no_html_error_of_ours(classroom_messages, site):
    check(classroom_messages, site, "classroom")


def test_the_student_edition_has_no_html_error_of_ours(student_messages, student_site):
    check(student_messages, student_site[0], "student")


def test_every_allowed_material_error_still_occurs(classroom_messages):
    """An allow-list entry that no longer matches anything is removed (here and in the README)."""
    seen = {allowed(m) for m in classroom_messages}
    stale = [why for why, _, _ in MATERIAL_ERRORS if why not in seen]
    assert not stale, f"no longer reported, remove from MATERIAL_ERRORS and the README: {stale}"
