#!/usr/bin/env python3
"""Speed budget of the study site: page weight and Lighthouse scores, as a table.

Usage: python scripts/bench_site.py [--site DIR | --student] [--no-lighthouse] [--runs N] [--strict]

Builds the classroom edition (mkdocs build --strict, into a temporary folder;
the student edition with --student) unless --site names a built one, and
serves it on 127.0.0.1 the way a static host does: text files gzip-encoded
(gzip -9), images as they are.

Weight: in Debian's chromium (Playwright), the first load of /article/ and
everything it requests until the network is idle (HTML, CSS, JS, sitemap,
favicon, and the search worker and index if a page loads them: this site's
wait until the search is first opened), then, in the same tab, a click on
each navigation tab in turn (instant navigation: /questions/, /glossary/,
/worksheet/, /), then a first search, whose downloads are printed apart.
Bytes are the response bodies as transferred (gzip-encoded where the server
compresses), headers not counted; 1 KB = 1000 bytes. Budgets: 90 KB for the
first load, 12 KB for each later page.

Lighthouse 12.2.3 (node_modules, `npm ci`), default mobile profile, on each
page; thresholds: Performance >= 95, Accessibility 100, Best Practices 100,
SEO >= 95. With --runs N, each page is audited N times and the median score
of each category is kept (Performance varies on a busy machine). Audits that
cost points in a category below its threshold are listed.

A benchmark, not a test: the exit status is 0 unless --strict is given and a
budget or threshold is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LIGHTHOUSE_FLAGS = "--headless=new " + " ".join(CHROMIUM_ARGS)

FIRST = "article/"
LATER = [("Questions", "questions/"), ("Glossary", "glossary/"), ("Worksheet", "worksheet/"), ("Home", "")]
PAGES = ["", "article/", "questions/", "glossary/", "worksheet/"]
FIRST_BUDGET = 90_000
LATER_BUDGET = 12_000
#: category id -> (label, minimum score out of 100)
THRESHOLDS = {
    "performance": ("Performance", 95),
    "accessibility": ("Accessibility", 100),
    "best-practices": ("Best Practices", 100),
    "seo": ("SEO", 95),
}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")


# -- serving -------------------------------------------------------------------

class GzipHandler(BaseHTTPRequestHandler):
    """Static files, gzip -9 for text types when the client accepts it."""

    root: Path
    cache: dict = {}
    sent: list = []  # (path, status, body bytes, content-encoding), in order

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.respond(head=True)

    def do_GET(self):
        self.respond(head=False)

    def respond(self, *, head: bool):
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        status = 200
        if self.root not in target.parents and target != self.root:
            target, status = self.root / "404.html", 404
        elif target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            target, status = self.root / "404.html", 404
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        encoded = False
        if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (target, target.stat().st_mtime_ns)
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=9, mtime=0)
            body, encoded = self.cache[key], True
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)
            self.sent.append((urlsplit(self.path).path, status, len(body), "gzip" if encoded else "none"))


def serve(site: Path, port: int) -> ThreadingHTTPServer:
    handler = type("Handler", (GzipHandler,), {"root": site.resolve(), "cache": {}, "sent": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sitemap_port(site: Path) -> int | None:
    """The port the site was built for (its site_url), read from sitemap.xml."""
    try:
        locs = [e.text for e in ET.parse(site / "sitemap.xml").iter() if e.tag.endswith("loc")]
    except (OSError, ET.ParseError):
        return None
    return urlsplit(locs[0]).port if locs else None


def build(dest: Path, port: int, *, student: bool = False) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    env.pop("SITE_EDITION", None)
    env.pop("OFFLINE", None)
    if student:
        env["SITE_EDITION"] = "student"
    venv = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run([str(venv) if venv.exists() else sys.executable, "-m", "mkdocs", "build",
                             "--strict", "-q", "-d", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench_site.py: mkdocs build failed\n{result.stdout}{result.stderr}")


# -- weight ----------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def measure_weight(base: str, sent: list) -> tuple[list[dict], list[dict], list[dict]]:
    """The first load's responses, one record per later page, and what the
    first search fetches. Bytes come from the server's log of what it sent;
    resource types from the browser."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("bench_site.py: chromium not found (apt-get install chromium)")
    types: dict[str, str] = {}

    def responses() -> list[dict]:
        out = [{"path": path, "status": status, "bytes": size, "encoding": encoding,
                "type": types.get(path, "?")} for path, status, size, encoding in sent]
        sent.clear()
        return out

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route(lambda url: not url.startswith(base), lambda route: route.abort())
        context.on("request", lambda r: types.setdefault("/" + r.url.removeprefix(base).split("?")[0],
                                                         r.resource_type))
        page = context.new_page()
        sent.clear()
        page.goto(base + FIRST, wait_until="networkidle")
        page.wait_for_timeout(1500)  # anything fetched after load counts too
        first = responses()
        later = []
        for name, path in LATER:
            page.locator(".md-tabs__link", has_text=name).first.click()
            page.wait_for_url(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            requests = responses()
            instant = page.evaluate("performance.getEntriesByType('navigation')[0].name") == base + FIRST
            later.append({"page": "/" + path, "requests": requests, "instant": instant,
                          "bytes": sum(r["bytes"] for r in requests)})
        # The search fetches its worker and index the first time it is opened.
        page.locator(".md-search__input").click()
        page.keyboard.type("orwellian")
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_load_state("networkidle")
        search = responses()
        browser.close()
    return first, later, search


def print_weight(first: list[dict], later: list[dict], search: list[dict]) -> bool:
    ok = True
    total = sum(r["bytes"] for r in first)
    print("## Weight\n")
    print("Bytes transferred: response bodies as served (text gzip -9, images as they are),")
    print("headers not counted; 1 KB = 1000 bytes.\n")
    print(f"First load of /{FIRST} (cold cache):\n")
    print("| file | type | encoding | transferred |")
    print("|---|---|---|---:|")
    for r in sorted(first, key=lambda r: -r["bytes"]):
        print(f"| `{r['path']}` | {r['type']} | {r['encoding']} | {kb(r['bytes'])} |")
    verdict = "PASS" if total <= FIRST_BUDGET else "FAIL"
    ok &= verdict == "PASS"
    print(f"| **total** ({len(first)} requests) | | | **{kb(total)}** |\n")
    print(f"Budget {kb(FIRST_BUDGET)}: {verdict}\n")
    print("Later pages, in the same tab, by clicking the navigation tabs:\n")
    print("| page | navigation | requests | transferred | budget | result |")
    print("|---|---|---|---:|---:|---|")
    for page in later:
        verdict = "PASS" if page["bytes"] <= LATER_BUDGET else "FAIL"
        ok &= verdict == "PASS"
        files = ", ".join(f"`{r['path']}`" for r in sorted(page["requests"], key=lambda r: -r["bytes"]))
        print(f"| `{page['page']}` | {'instant' if page['instant'] else 'full reload'} | "
              f"{files} | {kb(page['bytes'])} | {kb(LATER_BUDGET)} | {verdict} |")
    print()
    files = ", ".join(f"`{r['path']}` {kb(r['bytes'])}" for r in sorted(search, key=lambda r: -r["bytes"]))
    print(f"First use of the search (once per visit, not part of any page load): "
          f"{kb(sum(r['bytes'] for r in search))} ({files or 'nothing'})\n")
    return ok


# -- Lighthouse ------------------------------------------------------------------

def lighthouse(url: str, out: Path) -> dict:
    if not LIGHTHOUSE.exists():
        sys.exit("bench_site.py: Lighthouse not found: run `npm ci` (or use --no-lighthouse)")
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={LIGHTHOUSE_FLAGS}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, cwd=ROOT,
    )
    if result.returncode != 0 or not out.exists():
        sys.exit(f"bench_site.py: lighthouse failed on {url}\n{result.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def losing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost points in a category, with their failing elements."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) == 0 or audit.get("score") is None or audit["score"] >= 1:
            continue
        line = f"{ref['id']} (score {audit['score']:.2f}, weight {ref['weight']})"
        if audit.get("displayValue"):
            line += f": {audit['displayValue']}"
        details = audit.get("details") or {}
        items = details.get("items") or []
        for item in items[:5]:
            node = item.get("node") or {}
            what = node.get("snippet") or node.get("selector") or item.get("source", {}).get("url") \
                or item.get("url") or item.get("description") or ""
            if isinstance(what, dict):
                what = json.dumps(what)
            if what:
                line += f"\n      - {' '.join(str(what).split())[:160]}"
        lines.append(line)
    if category == "performance":
        audits = report["audits"]
        boot = (audits.get("bootup-time", {}).get("details") or {}).get("items") or []
        scripts = ", ".join(f"{urlsplit(i['url']).path or i['url']} {i.get('scripting', 0):.0f} ms" for i in boot[:3])
        lines.append("diagnostics: "
                     f"main-thread work {audits.get('mainthread-work-breakdown', {}).get('displayValue', '?')}; "
                     f"JS execution {audits.get('bootup-time', {}).get('displayValue', '?')} ({scripts}); "
                     f"DOM {audits.get('dom-size', {}).get('displayValue', '?')}")
    return lines


def run_lighthouse(base: str, runs: int, keep: Path | None) -> bool:
    ok = True
    print(f"## Lighthouse 12.2.3, mobile (median of {runs} run{'s' if runs > 1 else ''} per page)\n")
    head = " | ".join(f"{label} ≥ {minimum}" if minimum < 100 else f"{label} {minimum}"
                      for label, minimum in THRESHOLDS.values())
    print(f"| page | {head} | result | host CPU index |")
    print("|---|" + "---:|" * len(THRESHOLDS) + "---|---:|")
    problems, warnings = [], set()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for path in PAGES:
            reports = []
            for run in range(runs):
                name = (path.strip("/") or "home") + (f"-{run + 1}" if runs > 1 else "") + ".report.json"
                reports.append(lighthouse(base + path, folder / name))
            scores, cells, page_ok = {}, [], True
            for category, (label, minimum) in THRESHOLDS.items():
                values = [r["categories"][category]["score"] for r in reports]
                score = round(100 * statistics.median(v or 0 for v in values))
                scores[category] = score
                good = score >= minimum
                page_ok &= good
                cells.append(f"{score}" + ("" if good else " ✗"))
                if not good:
                    # The run closest to the median, for its audits.
                    report = min(reports, key=lambda r: abs(100 * (r["categories"][category]["score"] or 0) - score))
                    problems.append((f"/{path}", label, score, losing_audits(report, category)))
            ok &= page_ok
            index = statistics.median(r["environment"]["benchmarkIndex"] for r in reports)
            warnings.update(" ".join(w.split()) for r in reports for w in r.get("runWarnings", []))
            print(f"| `/{path}` | " + " | ".join(cells) + f" | {'PASS' if page_ok else 'FAIL'} | {index:.0f} |")
    print()
    print("Host CPU index: Lighthouse's benchmarkIndex of this machine during the runs (higher is")
    print("faster); Performance is simulated from it with a 4x CPU slowdown, so a busy or slow")
    print("machine lowers the score.\n")
    for warning in sorted(warnings):
        print(f"Lighthouse warning: {warning}\n")
    for page, label, score, audits in problems:
        print(f"{page}: {label} {score}, points lost on:")
        for line in audits or ["(no weighted audit below 1: score rounding)"]:
            print(f"  - {line}")
    if problems:
        print()
    if keep:
        print(f"Reports: {keep}\n")
    return ok


# -- main --------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the classroom edition)")
    parser.add_argument("--student", action="store_true", help="build the student edition instead")
    parser.add_argument("--port", type=int, help="port to serve on (default: the built site's, or a free one)")
    parser.add_argument("--no-lighthouse", action="store_true", help="measure the weight only")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is kept")
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports in this folder")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget or threshold is missed")
    args = parser.parse_args()

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        if args.site:
            site = args.site
            port = args.port or sitemap_port(site) or free_port()
        else:
            port = args.port or free_port()
            site = Path(tmp) / "site"
            build(site, port, student=args.student)
        httpd = serve(site, port)
        base = f"http://127.0.0.1:{port}/"
        edition = "student" if args.student else "classroom"
        print(f"# Speed budget: {base} (served from {f'a fresh {edition} build' if not args.site else site})\n")
        try:
            ok = print_weight(*measure_weight(base, httpd.RequestHandlerClass.sent))
            if not args.no_lighthouse:
                ok &= run_lighthouse(base, max(1, args.runs), args.reports)
        finally:
            httpd.shutdown()
            httpd.server_close()
    print(f"{'All budgets met' if ok else 'Some budgets missed'} ({time.perf_counter() - start:.0f} s).")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
