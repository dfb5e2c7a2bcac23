"""Nothing of one worksheet is written into the engine: a site holding only
the tiny library says nothing of the first worksheet's text, anywhere."""

from __future__ import annotations

import re
import zipfile

import pytest

from support import ROOT, pdf_text

#: The first worksheet's names, as whole words; its counts in words.
LEFTOVERS = re.compile(r"\b(?:China|WIRED|Rollet|Sesame)\b|\b(?:social credit|seven)\b", re.IGNORECASE)
PROPER = re.compile(r"\b(?:China|WIRED|Rollet|Sesame)\b")


def leftovers(name: str, content: str) -> list[str]:
    found = [m.group() for m in LEFTOVERS.finditer(content)]
    # Proper names count in their own spelling only: "wired" is an ordinary word in Material's sources.
    return [f"{name}: {word}" for word in found if word.lower() in {"social credit", "seven"} or PROPER.fullmatch(word)]


@pytest.mark.pdf
@pytest.mark.browser  # chromium prints the PDFs
def test_no_output_file_names_the_first_worksheet(pdf_site, pdf_student_site, offline_site):
    found = []
    for root in (pdf_site, pdf_student_site, offline_site):
        for path in sorted(root.rglob("*")):
            if path.is_file():
                content = pdf_text(path) if path.suffix == ".pdf" else path.read_bytes().decode("utf-8", "replace")
                found += leftovers(path.relative_to(root).as_posix(), content)
    assert found == []


def test_the_search_finds_the_words_and_nothing_else():
    found = leftovers("page.html", "A WIRED UK article on China's Social Credit, in seven questions, by Rollet.")
    assert found == ["page.html: WIRED", "page.html: China", "page.html: Social Credit", "page.html: seven",
                     "page.html: Rollet"]
    assert leftovers("bundle.js", "HasEventTarget is wired up; Seventeen") == []


def test_the_offline_copy_readme_is_derived_from_the_site(library, tmp_path):
    import subprocess
    import sys

    script = ROOT / "scripts" / "make_offline.py"
    out = tmp_path / "copy.zip"
    result = subprocess.run([sys.executable, str(script), "--out", str(out), "--no-pdfs", "--config",
                             str(library / "mkdocs.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out) as archive:
        readme = archive.read("study-site/README.txt").decode("utf-8")
    assert readme.startswith("Reading worksheets (classroom edition, offline copy)")
    assert leftovers("README.txt", readme) == []
