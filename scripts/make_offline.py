#!/usr/bin/env python3
"""Make the offline copy of the study site: a zip to open from a USB stick.

Usage: python scripts/make_offline.py [--student] [--out ZIP] [--site DIR] [--no-pdfs] [--config FILE]

Builds the site with Material's offline plugin (OFFLINE=true, --strict):
page addresses end in .html, so a browser opens them straight from the
files, and the search index is a script, so search works through file://
too. The worksheet plugin makes the rest work there (no instant navigation,
the search shim shipped with the site) and renders the PDFs (unless
--no-pdfs). The classroom edition by default, the student edition with
--student.

Source maps are left out, and so are lunr's language files when the search
is in English only. Writes build/study-site-offline.zip by default
(build/study-site-student-offline.zip with --student) and prints its size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent

README = """\
{title} ({edition}, offline copy)

Open index.html in a web browser (double-click it). Everything works from
the files, with no internet connection: {what}.

Keep the folder whole: copy all of it (to a USB stick, a laptop, a shared
drive), not index.html alone.
"""


def build(config: Path, dest: Path, *, student: bool, pdfs: bool) -> str:
    """Builds the offline site; returns the line saying which edition it is."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true",
           "SITE_EDITION": "student" if student else "classroom", "SITE_PDFS": "true" if pdfs else "false"}
    # No canonical link to a development address: SITE_URL (the published
    # site's address) when given, none otherwise.
    env.setdefault("SITE_URL", "")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"make_offline.py: mkdocs build failed\n{result.stdout}{result.stderr}")
    return next((line.split("worksheet: ", 1)[1] for line in (result.stdout + result.stderr).splitlines()
                 if "worksheet: Built the" in line), "")


def readme(config: Path, site: Path, *, student: bool) -> str:
    title = load_config(str(config)).site_name
    what = ["the pages", "the search", "the pop-up definitions"]
    if not student:
        what.append("the Teacher mode button")
    if any(site.rglob("*.pdf")):
        what.append("the printable worksheets (PDF)" + ("" if student else " and their answer keys"))
    text = README.format(title=title, edition="student edition" if student else "classroom edition",
                         what=", ".join(what[:-1]) + " and " + what[-1])
    return "\n\n".join(textwrap.fill(" ".join(p.split()), 74) for p in text.split("\n\n")) + "\n"


def english_only(site: Path) -> bool:
    index = site / "search" / "search_index.json"
    return json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] == ["en"]


def write_zip(site: Path, out: Path, folder: str) -> int:
    """Zip the site under one top-level folder; the number of files."""
    skip_lunr = english_only(site)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    count = 0
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_dir() or rel.endswith((".map", ".gz")):
                continue
            if skip_lunr and rel.startswith("assets/javascripts/lunr/"):
                continue
            zf.write(path, f"{folder}/{rel}")
            count += 1
    tmp.replace(out)
    return count


def make_offline(out: Path, *, student: bool = False, site: Path | None = None, pdfs: bool = True,
                 config: Path = ROOT / "mkdocs.yml") -> str:
    """Build the offline copy and zip it into ``out``; returns the build's
    line saying which edition it is."""
    with tempfile.TemporaryDirectory(prefix="study-site-offline-") as tmp:
        site = site or Path(tmp) / "site"
        said = build(config, site, student=student, pdfs=pdfs)
        (site / "README.txt").write_text(readme(config, site, student=student), encoding="utf-8")
        write_zip(site, out, "study-site-student" if student else "study-site")
    return said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--student", action="store_true", help="the student edition (no answers)")
    parser.add_argument("--out", type=Path, help="the zip to write (default: build/study-site[-student]-offline.zip)")
    parser.add_argument("--site", type=Path, help="build the offline site into DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-pdfs", action="store_true", help="leave the PDFs out")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml (default: the project's)")
    args = parser.parse_args()
    out = args.out or ROOT / "build" / ("study-site-student-offline.zip" if args.student else "study-site-offline.zip")
    start = time.perf_counter()
    said = make_offline(out, student=args.student, site=args.site, pdfs=not args.no_pdfs, config=args.config.resolve())
    print(f"{out}  {out.stat().st_size / 1024:.0f} KB  ({time.perf_counter() - start:.1f} s)")
    if said:
        print(said)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
