"""The plugin's place among the others, and pages it does not know: the
output does not depend on where mkdocs.yml lists the offline plugin, a page
added to a worksheet's folder is built and in the menu, and search engines
are told not to index the classroom pages that hold model answers."""

from __future__ import annotations

import pytest

from support import build, project, soup, text


def files_of(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_offline_listed_before_or_after_worksheet_gives_the_same_site(tmp_path):
    after = project(tmp_path / "after")
    before = project(tmp_path / "before")
    config = before / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    offline = "  - offline:\n      enabled: !ENV [OFFLINE, false]\n"
    assert source.count(offline) == 1 and source.index("  - worksheet:") < source.index(offline)
    config.write_text(source.replace(offline, "").replace("  - worksheet:", offline + "  - worksheet:"),
                      encoding="utf-8")
    sites = [files_of(build(root, tmp_path / f"{root.name}-site", offline=True, site_url=""))
             for root in (after, before)]
    assert sorted(sites[0]) == sorted(sites[1])
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []
    for name, content in sites[1].items():
        if name.endswith(".html"):
            assert b"unpkg.com" not in content and b"iframe-worker-shim.js" in content, name


def test_a_page_added_to_a_worksheet_folder_is_built_and_in_the_menu(tmp_path):
    root = project(tmp_path / "project")
    (root / "docs" / "bikes" / "reading-tips.md").write_text(
        "# Reading tips\n\nRead the [article](article.md#L5) twice.\n", encoding="utf-8")
    site = build(root, tmp_path / "site")
    page = soup(site, "bikes/reading-tips/")
    assert text(page.select_one("article h1")) == "Reading tips"
    assert page.find("a", string="article")["href"] == "../article/#L5"
    assert "Reading tips" in [text(a) for a in soup(site, "bikes/article/").select(".md-nav a")]


ROBOTS = 'meta[name="robots"][content="noindex"]'


@pytest.mark.parametrize("page,hidden", [
    ("bikes/questions/", True), ("bikes/worksheet/", True), ("sequences/city-transport/", True),
    ("bikes/article/", False), ("bikes/glossary/", False), ("glossary/", False), ("bikes/", False), ("", False)])
def test_classroom_pages_with_model_answers_are_not_indexed(site, student_site, page, hidden):
    assert bool(soup(site, page).select(ROBOTS)) is hidden
    assert soup(student_site, page).select(ROBOTS) == []  # the student edition holds no answer


def test_glossary_and_notes_files_are_never_published_whatever_exclude_docs_says(tmp_path):
    """The glossary and the notes are data for the pages, with classroom-only
    records a student must not download: a mkdocs.yml that does not exclude
    them publishes them all the same."""
    root = project(tmp_path / "project")
    config = root / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    assert source.count("exclude_docs: |\n  *.yml\n") == 1
    config.write_text(source.replace("exclude_docs: |\n  *.yml\n", ""), encoding="utf-8")
    (root / "docs" / "bikes" / "handout.yml").write_text("kept: true\n", encoding="utf-8")  # any other file stays
    site = build(root, tmp_path / "site")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.yml")) == ["bikes/handout.yml"]
    assert (site / "bikes" / "glossary" / "index.html").exists()  # the pages made from them are there
