"""Privacy: no page makes a request to any host but the site's own, in either
mode, while reading, searching and opening pop-ups; no analytics, no
third-party fonts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from support import pages_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("teacher", ["0", "1"])
def test_no_request_leaves_the_site(page: Page, site, base_url, outside_requests, teacher):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in pages_of(site):
        page.goto(f"{base_url}{path}?teacher={teacher}", wait_until="networkidle")
        term = page.locator("abbr.term").first
        if term.count():
            term.hover()
    page.keyboard.press("s")
    page.get_by_placeholder("Search").press_sequentially("credit")
    page.wait_for_selector(".md-search-result__item")
    assert requested, "the request log is empty: nothing was observed"
    assert [u for u in requested if not u.startswith((base_url, "data:"))] == []
    assert outside_requests == []


def test_no_page_loads_anything_from_another_host(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert [url for url in loaded if not url.startswith("http://127.0.0.1")] == [], page
        assert "googleapis" not in html and "gtag" not in html
