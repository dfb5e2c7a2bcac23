"""A question with a short title (its ``title`` option): the title stands out
under the question's label, and its long instructions read as body text, on
the questions page, on a sequence page, on the printed sheet and in the
answer key. A question without one keeps its text as the prompt."""

from __future__ import annotations

import re

import pytest

from support import LIBRARY, StaticServer, build, free_port, pdf_text, project, soup, text

TITLE = "How the city changed"
TASK_TITLE = "Bikes or trams?"
INSTRUCTIONS = ("Read lines 5 to 9 again. Explain who wanted the streets to change, what they did, and how "
                "the council answered them. Give two short quotations with their line numbers.")


def titled(docs):
    """The tiny library, with a short title on bikes' first question and on the final task."""
    questions = docs / "bikes" / "questions.md"
    source = questions.read_text(encoding="utf-8")
    source = source.replace("    writing-space: 4\n\nHow did « Parents and activists » change the city?",
                            f"    writing-space: 4\n    title: {TITLE}\n\nHow did « Parents and activists » change "
                            f"the city?\n\n{INSTRUCTIONS}", 1)
    questions.write_text(source, encoding="utf-8")
    sequence = docs / "sequences" / "city-transport.md"
    source = sequence.read_text(encoding="utf-8")
    sequence.write_text(source.replace("    id: final-task\n", f"    id: final-task\n    title: {TASK_TITLE}\n", 1),
                        encoding="utf-8")


@pytest.fixture(scope="module")
def titled_site(tmp_path_factory):
    """The titled library built with its PDFs, and served."""
    root = project(tmp_path_factory.mktemp("titled"), LIBRARY)
    titled(root / "docs")
    assert TITLE in (root / "docs" / "bikes" / "questions.md").read_text(encoding="utf-8")
    port = free_port()
    site = build(root, root / "site", pdfs=True, site_url=f"http://127.0.0.1:{port}/")
    server = StaticServer(site, port)
    yield site, server.url
    server.close()


def heading_title_text(section) -> tuple[str, str, str]:
    """The label, the short title and the text of a question, in document order."""
    label, title, body = section.find("h2"), section.select_one(".question-title"), section.select_one(".question-text")
    assert label.find_next_sibling() is title and title.find_next_sibling() is body
    return text(label), text(title), text(body)


def test_the_questions_page_sets_the_title_above_the_instructions(titled_site):
    page = soup(titled_site[0], "bikes/questions/")
    first, second = page.select("section.question")
    label, title, body = heading_title_text(first)
    assert (label, title) == ("Question 1", TITLE)
    assert body.startswith("How did « Parents and activists » change the city?") and body.endswith(INSTRUCTIONS)
    assert second.select_one(".question-title") is None


def test_the_sequence_page_titles_its_final_task(titled_site):
    task = soup(titled_site[0], "sequences/city-transport/").select_one("section.question[data-question=final-task]")
    assert heading_title_text(task)[:2] == ("Final task", TASK_TITLE)


def test_the_printed_sheet_titles_the_question(titled_site):
    sheet = soup(titled_site[0], "bikes/worksheet/")
    assert heading_title_text(sheet.select_one("section.question[data-question=q1]"))[:2] == ("Question 1", TITLE)


def test_the_title_is_printed_on_the_worksheet_and_in_the_answer_key(titled_site):
    for name in ("worksheet.pdf", "answer-key.pdf"):
        printed = " ".join(pdf_text(titled_site[0] / "bikes" / "pdf" / name).split())
        assert re.search(rf"QUESTION 1 {TITLE} How did « Parents and activists » change the city\?", printed), name


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_on_screen_the_title_is_bold_and_the_instructions_are_not(browser, titled_site, width):
    context = browser.new_context(base_url=titled_site[1], viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto("bikes/questions/")
    weight = "el => Number(getComputedStyle(el).fontWeight)"
    titled_question, plain_question = page.locator("section.question").all()
    assert titled_question.locator(".question-title").evaluate(weight) >= 700
    assert titled_question.locator(".question-text p").first.evaluate(weight) == 400
    assert plain_question.locator(".question-text p").first.evaluate(weight) >= 600
    context.close()
