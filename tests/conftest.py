"""Fixtures shared by every test: Playwright drives Debian's chromium (never a
downloaded browser), and a page may not reach any other host than the site.

tests/engine/ builds the tiny library of tests/fixtures/ with the project's
configuration and theme: it passes whatever worksheets docs/ holds.
tests/content/ builds the real site and checks its worksheets.
"""

from __future__ import annotations

import pytest

from support import CHROMIUM_ARGS, chromium


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium()
    if not path:
        pytest.fail("chromium not found: ./run.sh test installs Debian's chromium (or set CHROMIUM_PATH)")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture
def outside_requests():
    """Requests to any other host than the site: refused, and recorded here."""
    return []


@pytest.fixture
def context(context, base_url, outside_requests):
    def refuse(route):
        outside_requests.append(route.request.url)
        route.abort()

    origin = base_url.split("/", 3)
    origin = "/".join(origin[:3]) + "/"
    context.route(lambda url: not url.startswith(origin), refuse)
    return context


@pytest.fixture
def phone(browser, base_url):
    """A page on a phone (390 pixels wide, a touch screen), in a context of its own."""
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()
