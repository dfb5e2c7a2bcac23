"""The offline copy: the zip made by scripts/make_offline.py, extracted and
opened through file:// as from a USB stick. Search and teacher mode work, and
no request leaves the files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support import ROOT

PAGES = ["index.html", "article.html", "questions.html", "glossary.html", "worksheet.html"]


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The classroom edition's offline zip, made as the README says."""
    out = tmp_path_factory.mktemp("offline") / "study-site-offline.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_offline.py"), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"make_offline.py failed:\n{result.stdout}\n{result.stderr}"
    assert f"{out}" in result.stdout and "KB" in result.stdout, result.stdout
    return out


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
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


def test_the_zip_holds_the_whole_site_in_one_folder(offline_zip, offline_site):
    names = zipfile.ZipFile(offline_zip).namelist()
    assert all(name.startswith("study-site/") for name in names)
    for name in [*PAGES, "README.txt", "search/search_index.js", "assets/javascripts/iframe-worker-shim.js",
                 "pdf/worksheet.pdf", "pdf/answer-key.pdf"]:
        assert (offline_site / name).is_file(), name
    assert not [name for name in names if name.endswith(".map")]
    for name in PAGES:
        html = (offline_site / name).read_text(encoding="utf-8")
        assert "unpkg.com" not in html, f"{name} loads a script from the internet"
        assert 'src="assets/javascripts/iframe-worker-shim.js"' in html
        assert 'href="article.html"' in html, f"{name}: links must name the .html file"
        assert '"navigation.instant' not in html, f"{name}: instant navigation breaks Material from file://"
        # A page opened from the files may not draw another file's SVG: the icons stay in the page.
        assert "<use " not in html and html.count("<path") >= 9, f"{name}: icons must be inline offline"


@pytest.mark.browser
def test_from_the_files_search_and_teacher_mode_work_with_no_request_outside(file_page: Page, offline_site):
    page = file_page
    page.goto((offline_site / "index.html").as_uri())
    page.get_by_role("link", name="Article", exact=True).first.click()
    expect(page).to_have_url((offline_site / "article.html").as_uri())
    palette_icon = page.locator("[data-palette] label:not([hidden]) svg path").first
    assert palette_icon.evaluate("p => p.getBBox().width") > 10
    # The pop-up definitions: Material's page-ready signal fired (it never
    # does from file:// while instant navigation is on).
    page.locator("#L27 abbr.term", has_text="Orwellian").hover()
    expect(page.locator("#popup[role=tooltip]:not([hidden])")).to_contain_text("Orwell")

    # Search: the index is a script and the worker runs in an iframe (file:// allows no Worker).
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially("surveillance", delay=50)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
    assert ".html" in first.locator("a").first.get_attribute("href")
    page.keyboard.press("Escape")

    # Teacher mode, on the questions page (reached by clicking: no instant navigation here).
    page.get_by_role("link", name="Questions", exact=True).first.click()
    expect(page).to_have_url((offline_site / "questions.html").as_uri())
    answer = page.locator("details.model-answer").first
    toggle = page.get_by_role("button", name="Teacher mode")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(answer).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(answer).to_be_visible()

    # The mode is remembered from page to page, from the files too.
    page.get_by_role("link", name="Article", exact=True).first.click()
    expect(page.get_by_role("button", name="Teacher mode")).to_have_attribute("aria-pressed", "true")

    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert page.outside_requests == [], f"requests left file://: {page.outside_requests}"
    assert [url for url in loaded if not url.startswith("file://")] == []
