"""The offline copy: the zip made by scripts/make_offline.py, extracted and
opened through file:// as from a USB stick. Pop-ups, search and teacher mode
work, and no request leaves the files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support import ROOT


@pytest.fixture(scope="module")
def offline_zip(library, tmp_path_factory) -> Path:
    """The tiny library's offline zip, made as the README says."""
    out = tmp_path_factory.mktemp("offline-zip") / "study-site-offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_offline.py"), "--out", str(out),
                             "--config", str(library / "mkdocs.yml")], capture_output=True, text=True)
    assert result.returncode == 0, f"make_offline.py failed:\n{result.stdout}\n{result.stderr}"
    assert f"{out}" in result.stdout and "KB" in result.stdout, result.stdout
    assert "Built the classroom edition: it holds the model answers" in result.stdout  # the copy to keep private
    return out


@pytest.fixture(scope="module")
def usb_stick(offline_zip, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(dest)
    return dest / "study-site"


@pytest.fixture
def file_page(browser: Browser):
    """A page in a fresh context, recording every request that is not file://."""
    context = browser.new_context()
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://") else outside.append(request.url))
    page = context.new_page()
    page.outside_requests = outside
    yield page
    context.close()


@pytest.mark.pdf
@pytest.mark.browser  # chromium prints the PDFs
def test_the_zip_holds_the_whole_library_in_one_folder(offline_zip, usb_stick):
    names = zipfile.ZipFile(offline_zip).namelist()
    assert all(name.startswith("study-site/") for name in names)
    for slug in ("bikes", "trams"):
        for name in ("index.html", "article.html", "questions.html", "glossary.html", "worksheet.html",
                     "glossary-tips.js", "pdf/worksheet.pdf", "pdf/answer-key.pdf"):
            assert (usb_stick / slug / name).is_file(), f"{slug}/{name}"
    for name in ("index.html", "glossary.html", "sequences/city-transport.html", "README.txt",
                 "search/search_index.js"):
        assert (usb_stick / name).is_file(), name
    assert not [name for name in names if name.endswith(".map") or name.endswith("404.html")]
    # Pagefind cannot fetch its files from file://: Material's own search runs there.
    assert not [name for name in names if "/pagefind/" in name or name.endswith("search-worker.js")]
    for page in usb_stick.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, f"{page.name} loads a script from the internet"
        assert "iframe-worker-shim.js" in html
        assert '"navigation.instant' not in html, f"{page.name}: instant navigation breaks Material from file://"


@pytest.mark.browser
def test_from_the_files_everything_works_with_no_request_outside(file_page: Page, usb_stick):
    page = file_page
    page.goto((usb_stick / "index.html").as_uri())
    page.locator(".worksheet-card a", has_text="Article").first.click()
    expect(page).to_have_url((usb_stick / "bikes" / "article.html").as_uri())
    page.locator("#L4 abbr.term").hover()  # the pop-up texts load from a file
    expect(page.locator("#popup[role=tooltip]:not([hidden])")).to_contain_text("unsteady")

    page.keyboard.press("s")  # the index is a script and the worker runs in an iframe
    page.get_by_placeholder("Search").press_sequentially("rails", delay=50)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=10_000)
    assert ".html" in first.locator("a").first.get_attribute("href")
    page.keyboard.press("Escape")

    page.locator(".worksheet-bar a", has_text="Questions").click()
    expect(page).to_have_url((usb_stick / "bikes" / "questions.html").as_uri())
    answer = page.locator("details.model-answer").first
    toggle = page.get_by_role("button", name="Teacher mode")
    expect(answer).to_be_hidden()
    toggle.click()
    expect(answer).to_be_visible()
    page.locator(".worksheet-bar a", has_text="Article").click()
    expect(page.get_by_role("button", name="Teacher mode")).to_have_attribute("aria-pressed", "true")

    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert page.outside_requests == [], f"requests left file://: {page.outside_requests}"
    assert [url for url in loaded if not url.startswith("file://")] == []


@pytest.mark.node
def test_the_search_shim_the_site_ships_is_the_pinned_iframe_worker():
    """The offline copy's search runs through a vendored file: it is the
    shim of the iframe-worker version package.json pins, word for word."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["iframe-worker"]
    package = ROOT / "node_modules" / "iframe-worker"
    assert package.exists(), "iframe-worker missing: ./run.sh test installs it (npm ci)"
    assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] == pinned
    credit, code = (ROOT / "overrides" / "assets" / "js" / "vendor" / "iframe-worker-shim.js").read_text(
        encoding="utf-8").split("\n", 1)
    assert f"iframe-worker {pinned} shim" in credit
    assert code == (package / "shim" / "index.js").read_text(encoding="utf-8")
