#!/usr/bin/env python3
"""Make the offline copy of the study site: a zip to open from a USB stick.

Usage: python scripts/make_offline.py [--student] [--out ZIP] [--site DIR] [--no-pdfs]

Builds the site with Material's offline plugin (OFFLINE=true, --strict): page
addresses end in .html, so a browser opens them straight from the files, and
the search index is a script, so search works through file:// too. The
classroom edition by default, the student edition with --student.

Two fixes to Material's offline output, made to the built pages:
- Material loads the shim that lets search run from file:// from unpkg.com;
  the copy uses the one installed by npm (node_modules/iframe-worker), so it
  makes no request at all.
- Instant navigation cannot work from file://, and Material 9.8.2 does not
  simply turn it off there: with the feature on, its page-ready signal
  (document$) never fires, and whatever waits for it stays dead (the pop-up
  definitions, the teacher toggle's state). The feature is taken out of each
  page's configuration.

The PDFs are rendered when chromium is available (from a normal build:
make_pdfs.py expects directory addresses). Source maps are left out, and so
are lunr's language files when the search is in English only. Writes
build/study-site-offline.zip by default (build/study-site-student-offline.zip
with --student) and prints its size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_TAG = re.compile(r'<script src="https://unpkg\.com/iframe-worker/shim"></script>')
LOCAL_SHIM = "assets/javascripts/iframe-worker-shim.js"
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
FEATURES = re.compile(r'("features":\s*)(\[[^\]]*\])')

README = """\
{title}

Open index.html in a web browser (double-click it). Everything works from
the files, with no internet connection: {what}.

Keep the folder whole: copy all of it (to a USB stick, a laptop, a shared
drive), not index.html alone.
"""


def python() -> str:
    """The project's Python (the one with MkDocs and Playwright)."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def mkdocs_build(dest: Path, *, student: bool, offline: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    env.pop("SITE_EDITION", None)
    if student:
        env["SITE_EDITION"] = "student"
    if offline:
        # No canonical link to a development address: SITE_URL (the published
        # site's address) when given, none otherwise.
        env.setdefault("SITE_URL", "")
    result = subprocess.run(
        [python(), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"make_offline.py: mkdocs build failed\n{result.stdout}{result.stderr}")


def use_local_shim(site: Path) -> int:
    """Point every page at a copy of the iframe-worker shim; the number of pages changed."""
    if not SHIM.exists():
        sys.exit(f"make_offline.py: {SHIM.relative_to(ROOT)} not found: run `npm ci` first")
    target = site / LOCAL_SHIM
    target.write_text("/* iframe-worker 1.0.4, (c) Martin Donath, MIT licence */\n"
                      + SHIM.read_text(encoding="utf-8"), encoding="utf-8")
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        prefix = "../" * (len(page.relative_to(site).parts) - 1)
        new, count = SHIM_TAG.subn(f'<script src="{prefix}{LOCAL_SHIM}"></script>', html)
        if count:
            page.write_text(new, encoding="utf-8")
            changed += 1
        if "unpkg.com" in new:
            sys.exit(f"make_offline.py: {page.relative_to(site)} still loads a script from unpkg.com")
    return changed


def without_instant_navigation(site: Path) -> int:
    """Take navigation.instant (and its sub-features) out of every page's
    Material configuration; the number of pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        match = CONFIG.search(html)
        if not match:
            continue
        features = FEATURES.search(match.group(2))
        if not features:
            continue
        kept = [f for f in json.loads(features.group(2)) if not f.startswith("navigation.instant")]
        config = FEATURES.sub(lambda m: m.group(1) + json.dumps(kept), match.group(2), count=1)
        if config != match.group(2):
            page.write_text(html[:match.start(2)] + config + html[match.end(2):], encoding="utf-8")
            changed += 1
    return changed


def add_pdfs(site: Path, *, student: bool) -> bool:
    """Render the PDFs from a normal build of the same edition and copy them
    into the offline site. False when chromium is missing."""
    if not (os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")):
        return False
    with tempfile.TemporaryDirectory(prefix="study-site-pdf-") as tmp:
        normal = Path(tmp) / "site"
        mkdocs_build(normal, student=student, offline=False)
        result = subprocess.run([python(), str(ROOT / "scripts" / "make_pdfs.py"), "--site", str(normal)],
                                cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"make_offline.py: make_pdfs.py failed\n{result.stdout}{result.stderr}")
        shutil.rmtree(site / "pdf", ignore_errors=True)
        shutil.copytree(normal / "pdf", site / "pdf")
    return True


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
            if path.is_dir() or rel.endswith(".map") or rel.endswith(".gz"):
                continue
            if skip_lunr and rel.startswith("assets/javascripts/lunr/"):
                continue
            zf.write(path, f"{folder}/{rel}")
            count += 1
    tmp.replace(out)
    return count


def make_offline(out: Path, *, student: bool = False, site: Path | None = None,
                 pdfs: bool = True) -> Path:
    """Build the offline copy and zip it into ``out``; returns ``out``."""
    with tempfile.TemporaryDirectory(prefix="study-site-offline-") as tmp:
        site = site or Path(tmp) / "site"
        mkdocs_build(site, student=student, offline=True)
        use_local_shim(site)
        without_instant_navigation(site)
        has_pdfs = add_pdfs(site, student=student) if pdfs else False
        if not has_pdfs:
            print("make_offline.py: no PDFs in this copy "
                  + ("(--no-pdfs)" if not pdfs else "(chromium not found)"), file=sys.stderr)
        edition = "student edition" if student else "classroom edition"
        what = ["the pages", "the search", "the pop-up definitions"]
        what += [] if student else ["the Teacher mode button"]
        what += [] if not has_pdfs else ["the printable worksheet in pdf/"
                                         + ("" if student else " (and its answer key)")]
        text = README.format(title=f"China's social credit — a study site ({edition}, offline copy)",
                             what=", ".join(what[:-1]) + " and " + what[-1])
        (site / "README.txt").write_text(
            "\n\n".join(textwrap.fill(" ".join(p.split()), 74) for p in text.split("\n\n")) + "\n",
            encoding="utf-8")
        folder = "study-site-student" if student else "study-site"
        write_zip(site, out, folder)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--student", action="store_true", help="the student edition (no answers)")
    parser.add_argument("--out", type=Path, help="the zip to write (default: build/study-site[-student]-offline.zip)")
    parser.add_argument("--site", type=Path, help="build the offline site into DIR and keep it (default: a temporary folder)")
    parser.add_argument("--no-pdfs", action="store_true", help="leave the PDFs out")
    args = parser.parse_args()
    out = args.out or ROOT / "build" / ("study-site-student-offline.zip" if args.student else "study-site-offline.zip")
    start = time.perf_counter()
    make_offline(out, student=args.student, site=args.site, pdfs=not args.no_pdfs)
    print(f"{out}  {out.stat().st_size / 1024:.0f} KB  ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
