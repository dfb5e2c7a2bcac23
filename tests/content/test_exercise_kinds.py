"""Multiple choice (one or several right options, an option asking for a
quotation) and matching glossary terms with their meanings, added to a copy
of the social-credit worksheet: answered right and wrong in a browser, by
keyboard, their marks computed and kept on the device."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from support import ROOT, axe_violations, build, project

BEFORE = "//// question\n    lines: 8–14, 25–36, 55–61, 63–65"
EXERCISES = """//// question | Choose
    exercise: choice
    points: 2

Choose the right answers.

/// items
- prompt: When was the system launched?
  options: [In 2014, In 2020, In 2015]
  answer: 1
- prompt: Who runs social credit schemes?
  options:
    - text: Private firms
      quote: 37–39
    - The United Nations
    - text: The government
      quote: 1–8
  answer: [1, 3]
///

/// teacher-notes
Both the firms and the government run schemes.
///
////

//// question | Match
    exercise: matching

Match each word with its meaning.

/// items
- amalgamated
- blacklist
- blurred
///

/// teacher-notes
Drawn from the glossary.
///
////

"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("kinds"), ROOT / "docs")
    questions = root / "docs" / "social-credit" / "questions.md"
    source = questions.read_text(encoding="utf-8")
    assert BEFORE in source
    questions.write_text(source.replace(BEFORE, EXERCISES + BEFORE, 1), encoding="utf-8")
    site = build(root, root / "site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def mark_of(page, question: str) -> str:
    return page.locator(f'.exercise[data-question="{question}"] .exercise-mark').inner_text()


@pytest.mark.browser
def test_choice_and_matching_check_and_mark_the_answers(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = []
    context.route(lambda url: not url.startswith(served), lambda route: (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(served + "social-credit/questions/")
    choice = page.locator('.exercise[data-question="ex3"] .exercise-item')
    choice.nth(0).get_by_label("In 2014").focus()
    page.keyboard.press("Space")
    choice.nth(1).get_by_label("Private firms").check()
    choice.nth(1).locator('.exercise-quote[data-option="1"]').fill("it has been operated by private firms")
    choice.nth(1).get_by_label("The government").check()  # right, but its quotation is missing: half
    matching = page.locator('.exercise[data-question="ex4"] .exercise-item')
    meanings = page.locator('.exercise[data-question="ex4"] .exercise-meanings li').all_inner_texts()
    letter = lambda start: str(next(i for i, m in enumerate(meanings, start=1) if m.startswith(start)))
    matching.nth(0).locator("select").select_option(letter("Joined together"))  # amalgamated: right
    matching.nth(1).locator("select").select_option(letter("Joined together"))  # blacklist: wrong
    page.wait_for_function("document.querySelector('.exercise[data-question=ex4] .answer-box').getAttribute('data-mark') === '1'")
    assert mark_of(page, "ex3") == "Mark: 1.5 / 2"
    assert mark_of(page, "ex4") == "Mark: 1 / 3"
    verdicts = choice.nth(1).locator(".exercise-verdict").inner_text()
    assert verdicts.startswith("Right") and "line 38" in verdicts and "quote the words" in verdicts
    assert matching.nth(1).locator(".exercise-verdict").inner_text() == "Not right"
    assert axe_violations(page) == []
    page.reload()
    page.wait_for_function("document.querySelector('.exercise[data-question=ex3] .answer-box').getAttribute('data-mark') === '1.5'")
    assert choice.nth(1).get_by_label("Private firms").is_checked()
    assert requests == []
    context.close()
