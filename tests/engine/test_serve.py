"""While `mkdocs serve` runs, a content problem shows in the browser as a page
listing the problems, and the site comes back on the next save that fixes it."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from support import free_port, line_of, project
from test_editions import UNCUT, UNCUT_NOTE


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, wanted: str, seconds: float = 30) -> str:
    """The page at ``url`` once it holds ``wanted``."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if wanted in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {wanted!r}; last seen:\n{page[:2000]}")


def serving(tmp_path, **env):
    """``mkdocs serve`` of a copy of the project: (its folder, its address)."""
    root = project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "true", **env}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield root, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(tmp_path):
    yield from serving(tmp_path)


@pytest.fixture
def served_student_edition(tmp_path):
    yield from serving(tmp_path, SITE_EDITION="student")


def test_a_problem_shows_in_the_browser_and_the_site_comes_back(served):
    root, url = served
    article = url + "bikes/article/"
    assert 'id="L13"' in wait_for(article, 'id="L13"')
    questions = root / "docs" / "bikes" / "questions.md"
    good = questions.read_text(encoding="utf-8")
    questions.write_text(good.replace("    lines: 5–9", "    lines: 5–90"), encoding="utf-8")
    page = wait_for(article, "problem in the content")
    assert "docs/bikes/questions.md:4: q1: line 90 does not exist (the article has 13 lines)" in page
    assert "Save the file: this page reloads by itself." in page
    assert "problem in the content" in fetch(url)  # every page says so
    questions.write_text(good, encoding="utf-8")
    assert "problem in the content" not in wait_for(article, 'id="L13"')


def test_serve_makes_no_pdfs_and_links_to_none(served):
    _, url = served
    sheet = wait_for(url + "bikes/worksheet/", "print-button")
    assert ".pdf" not in sheet


def test_an_error_met_while_rendering_shows_in_the_browser_and_the_site_comes_back(served):
    """Not a content problem the checks find beforehand, but one met while a
    page renders (here, an article block on a worksheet's own page)."""
    root, url = served
    overview = root / "docs" / "trams" / "index.md"
    good = overview.read_text(encoding="utf-8")
    assert "article-head" in wait_for(url + "trams/article/", "article-head")
    overview.write_text(good + "\n```article\nA line.\n```\n", encoding="utf-8")
    page = wait_for(url + "trams/article/", "problem in the content")  # every page, not only the one at fault
    line = line_of(overview, "```article")
    assert f"docs/trams/index.md:{line}: an ```article block belongs in a worksheet's article.md" in html.unescape(
        page)
    overview.write_text(good, encoding="utf-8")
    assert "problem in the content" not in wait_for(url + "trams/article/", "article-head")


def test_a_problem_in_a_note_is_listed_once_at_the_notes_line(served_student_edition):
    """A note renders on the article and again on the printed sheet: what
    the student edition cannot cut in it is listed once, at the note's own
    line, and no other page is blamed for it."""
    root, url = served_student_edition
    assert "article-head" in wait_for(url + "trams/article/", "article-head")
    notes = root / "docs" / "trams" / "notes.yml"
    notes.write_text(notes.read_text(encoding="utf-8") + UNCUT_NOTE, encoding="utf-8")
    page = wait_for(url + "trams/worksheet/", "problem in the content")
    listed = [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", page, re.DOTALL)]
    assert listed == [f"docs/trams/notes.yml:{line_of(notes, 'Hint, cars.')}: {UNCUT}"]


def test_a_worksheets_todos_are_listed_on_its_pages_which_still_show(served):
    """A draft's TODOs do not hide the site: its pages list them at the top,
    each at its file and line, and still show themselves; the other
    worksheets' pages show as they are. Writing the TODO clears the list."""
    root, url = served
    assert 'id="L13"' in wait_for(url + "bikes/article/", 'id="L13"')
    questions = root / "docs" / "bikes" / "questions.md"
    good = questions.read_text(encoding="utf-8")
    answer = "Cars \"took over the city's old streets\""
    line = line_of(questions, answer)
    questions.write_text(good.replace(next(r for r in good.splitlines() if r.startswith(answer)), "TODO"),
                         encoding="utf-8")
    page = " ".join(html.unescape(wait_for(url + "bikes/article/", "worksheet-todos")).split())
    assert "problem in the content" not in page
    assert "1 TODO still to write in this worksheet (1 in questions.md)" in page
    assert f"<code>docs/bikes/questions.md:{line}</code> q1: TODO: write the model answer" in page
    assert page.index("worksheet-todos") < page.index('id="L1"') and 'id="L13"' in page
    assert "worksheet-todos" in fetch(url + "bikes/questions/") and "worksheet-todos" in fetch(url + "bikes/")
    for other in (url + "trams/article/", url):
        shown = fetch(other)
        assert "worksheet-todos" not in shown and "problem in the content" not in shown
    assert "article-head" in fetch(url + "trams/article/")
    questions.write_text(good, encoding="utf-8")
    deadline = time.monotonic() + 30
    while "worksheet-todos" in fetch(url + "bikes/article/"):
        assert time.monotonic() < deadline, "the TODO list stayed once the TODO was written"
        time.sleep(0.3)
