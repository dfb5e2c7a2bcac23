"""Privacy: no page makes a request to any host but the site's own, in either
mode; no analytics, no third-party fonts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from support import soup
from test_accessibility import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("teacher", ["0", "1"])
def test_no_request_leaves_the_site(page: Page, base_url, outside_requests, teacher):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in PAGES:
        page.goto(f"{base_url}{path}?teacher={teacher}", wait_until="networkidle")
        page.keyboard.press("s")
        page.get_by_placeholder("Search").press_sequentially("credit")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("Escape")
    assert requested, "the request log is empty: nothing was observed"
    assert all(url.startswith((base_url, "data:")) for url in requested), \
        [u for u in requested if not u.startswith(base_url)]
    assert outside_requests == []


def test_no_third_party_address_in_any_page(site):
    for path in PAGES:
        html = str(soup(site, path.rstrip("/")))
        hosts = set(re.findall(r'(?:src|href)="https?://([^/"]+)', html))
        assert hosts <= {"127.0.0.1"} | {h for h in hosts if h.startswith("127.0.0.1:")}, (path, hosts)
        assert "googleapis" not in html and "gtag" not in html and "analytics" not in html
