"""Notes, and on the printed sheet the questions, model answers and teacher
notes, are rendered as the pages are: with the site's Markdown extensions,
links resolved from the page they stand on, a dead link failing --strict at
its file and line. A part of a question left as text stops the build."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support import build, line_of, log_of, project, soup, strict_build, text


def edit(root, name: str, old: str, new: str) -> None:
    path = root / "docs" / name
    source = path.read_text(encoding="utf-8")
    assert source.count(old) == 1, f"{old!r} in {name}"
    path.write_text(source.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def marked_up(tmp_path_factory):
    """The tiny library with a link in a note, and a link and code in a question."""
    root = project(tmp_path_factory.mktemp("fragments"))
    edit(root, "bikes/notes.yml", "a Dutch protest movement", "a Dutch [protest movement](../trams/article.md#L2)")
    edit(root, "bikes/questions.md", "How did « Parents and activists » change the city?",
         "How did « Parents and activists » change the city? See `the slogan` and [the glossary](glossary.md).")
    return build(root, tmp_path_factory.mktemp("fragments-site") / "site")


@pytest.mark.parametrize("page", ["bikes/article/", "bikes/worksheet/"])
def test_a_link_in_a_note_leads_to_its_page(marked_up, page):
    link = soup(marked_up, page).select_one(".article-notes a, ol a[href*='trams']")
    assert link is not None and text(link) == "protest movement"
    assert link["href"] == "../../trams/article/#L2"


def test_a_question_on_the_printed_sheet_keeps_its_code_and_its_link(marked_up):
    question = soup(marked_up, "bikes/worksheet/").select_one("section.question .question-text")
    assert question.select_one("code") is not None and text(question.select_one("code")) == "the slogan"
    assert question.select_one("a")["href"] == "../glossary/"


@pytest.mark.parametrize("link,message", [
    ("../ai_act/article.md", "docs/bikes/notes.yml:3: contains a link '../ai_act/article.md', but the target "
                             "'ai_act/article.md' is not found among documentation files."),
    ("../trams/article.md#L99", "docs/bikes/notes.yml:3: contains a link '../trams/article.md#L99', but the doc "
                                "'trams/article.md' does not contain an anchor '#L99'."),
])
def test_a_dead_link_in_a_note_fails_the_strict_build_at_its_line(tmp_path, link, message):
    root = project(tmp_path / "project")
    edit(root, "bikes/notes.yml", "a Dutch protest movement", f"a Dutch [protest movement]({link})")
    result = strict_build(root)
    assert result.returncode == 1
    assert log_of(result).count(message) == 1  # the note is on two pages: said once, at its line
    assert "Aborted with 1 warnings in strict mode!" in log_of(result)


def test_a_part_left_as_text_stops_the_build(tmp_path):
    root = project(tmp_path / "project")
    edit(root, "trams/index.md", "A second tiny worksheet for the tests.",
         "A second tiny worksheet for the tests. Write it here: /// model-answer")
    result = strict_build(root)
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "Write it here")
    assert (f"docs/trams/index.md:{line}: '/// model-answer' is left as text in the page: a part of a question must "
            "stand inside its '//// question' block") in log_of(result)


def test_a_question_block_outside_a_questions_page_stops_the_build(tmp_path):
    root = project(tmp_path / "project")
    with (root / "docs" / "trams" / "index.md").open("a", encoding="utf-8") as file:
        file.write("\n//// question\n    lines: 1–2\n\nWhy?\n////\n")
    result = strict_build(root)
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "//// question")
    assert f"docs/trams/index.md:{line}: a '//// question' block stands where no question is expected" in log_of(
        result)


def test_a_question_on_the_review_page_keeps_its_link_to_its_own_worksheet(marked_up):
    """The review page shows each question's text away from its page: its
    links still lead where they lead from the questions page."""
    keys = [BeautifulSoup(key.decode_contents(), "html.parser") for key in
            soup(marked_up, "review/").select("template.review-key")]  # a template's content is read as text
    links = [a for key in keys for a in key.select("a") if text(a) == "the glossary"]
    assert [a["href"] for a in links] == ["../bikes/glossary/"]


def test_a_block_of_an_unknown_kind_stops_the_build_at_its_line(tmp_path):
    root = project(tmp_path / "project")
    edit(root, "trams/index.md", "A second tiny worksheet for the tests.",
         "A second tiny worksheet for the tests.\n\n/// html | div\nFramed.\n///\n")
    result = strict_build(root)
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "/// html")
    assert log_of(result).count(
        f"docs/trams/index.md:{line}: '/// html' is not a kind of block this site knows, so it shows as text: use "
        "'/// details | Title', '/// note' (or tip, warning…), '/// classroom-only', or '<div markdown>…</div>' "
        "for HTML") == 1


def test_an_article_block_outside_an_article_page_stops_the_build_at_its_line(tmp_path):
    """Not only while serving: a build stops too, rather than show the block as code."""
    root = project(tmp_path / "project")
    with (root / "docs" / "trams" / "index.md").open("a", encoding="utf-8") as file:
        file.write("\n```article\nA line.\n```\n")
    result = strict_build(root)
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "```article")
    assert f"docs/trams/index.md:{line}: an ```article block belongs in a worksheet's article.md" in log_of(result)
