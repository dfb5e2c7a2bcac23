"""The programs the importer runs (Debian's ``tesseract-ocr`` and
``poppler-utils``), each within a time limit: a file that keeps one of them
busy gets one line saying so, never a wait without end."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .sheet import ImportFailure

#: Seconds one run of a program may take. Reading a page at 300 dpi takes
#: Tesseract a few seconds; rendering a PDF's pages, about one a page.
TIMEOUT = 300


def run(command: list[str], source: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``command`` run on ``source`` (the teacher's file), its output captured
    as text; an ``ImportFailure`` naming the file when it runs out of time."""
    try:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise ImportFailure(f"{source.name}: {command[0]} was still at work after {TIMEOUT:g} seconds and was "
                            "stopped: the file may be damaged or very large; try its pages one by one, "
                            "or smaller images") from None
