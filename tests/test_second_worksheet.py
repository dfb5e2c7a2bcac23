"""A second, tiny worksheet (tests/fixtures/tiny-worksheet/) built with the
same hook, theme overrides and checker: nothing in them is tied to the real
article's lines, questions or terms."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, glossary_tips, mkdocs_build, soup, text

TINY = Path(__file__).parent / "fixtures" / "tiny-worksheet"
CHECK = ROOT / "scripts" / "check.py"


def tiny_worksheet(dest: Path) -> Path:
    """A copy of the tiny worksheet in ``dest``, its mkdocs.yml pointing back
    to this project's hook and overrides; returns the copied mkdocs.yml."""
    shutil.copytree(TINY, dest, dirs_exist_ok=True)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return config


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``python scripts/check.py --docs docs ...`` run from ``folder``."""
    return subprocess.run([sys.executable, str(CHECK), "--docs", "docs", *args],
                          cwd=folder, capture_output=True, text=True)


def article_lines() -> list[str]:
    """The tiny article's printed lines, read from its source."""
    source = (TINY / "docs" / "article.md").read_text(encoding="utf-8")
    block = source.split("```article\n", 1)[1].split("\n```", 1)[0]
    return [" ".join(row.split()) for row in block.split("\n")]


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    config = tiny_worksheet(folder)
    dest = folder / "site"
    mkdocs_build(dest, config=config)
    return dest


def test_the_fixture_is_a_small_worksheet_of_its_own():
    lines = article_lines()
    assert 10 <= len(lines) <= 15
    assert len(re.findall(r"^## ", (TINY / "docs" / "questions.md").read_text(encoding="utf-8"), re.M)) == 2
    assert len(re.findall(r"^- term:", (TINY / "docs" / "glossary.yml").read_text(encoding="utf-8"), re.M)) == 3


def test_the_checker_passes_it(tmp_path):
    tiny_worksheet(tmp_path)
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_its_article_has_its_own_numbered_lines(tiny_site):
    page = soup(tiny_site, "article")
    lines = {int(e["id"][1:]): e.get_text() for e in page.select(".line-text[id^=L]")}
    assert lines == dict(enumerate(article_lines(), start=1))
    numbers = [text(n) for n in page.select(".article .line-number") if text(n)]
    assert numbers == [str(n) for n in range(5, len(lines) + 1, 5)]
    assert text(page.select_one("h1#headline")) == "Two wheels good"


def test_its_questions_link_to_their_lines(tiny_site):
    page = soup(tiny_site, "questions")
    assert [q["data-question"] for q in page.select("[data-question]")] == ["q1", "q2"]
    links = [(text(a), a["href"]) for a in page.select("a.line-link")]
    assert links == [
        ("lines 5–9", "../article/?lines=5-9#L5"),
        ("lines 1–4", "../article/?lines=1-4#L1"),
        ("lines 11–13", "../article/?lines=11-13#L11"),
    ]
    excerpt = page.select_one("[data-question=q1] details.excerpt")
    assert "Parents and activists protested" in text(excerpt)


def test_its_glossary_terms_pop_up(tiny_site):
    article = soup(tiny_site, "article")
    tips = glossary_tips(tiny_site)
    terms = {text(t): tips[t["data-term"]] for t in article.select("abbr.term")}
    assert set(terms) == {"commuters", "wobble", "activists"}
    assert terms["wobble"] == "wobble (verb): To move from side to side in an unsteady way. French: vaciller, tanguer"
    question_terms = [text(t) for t in soup(tiny_site, "questions").select(".question-text abbr.term")]
    assert question_terms == ["activists", "commuters"]
    glossary = soup(tiny_site, "glossary")
    headings = [entry.find(re.compile(r"^h[1-6]$")) for entry in glossary.select(".glossary-entry")]
    assert [h["id"] for h in headings] == ["activist", "commuter", "wobble"]


def test_its_notes_and_question_markers_sit_beside_their_lines(tiny_site):
    page = soup(tiny_site, "article")
    marked = {int(m.find_parent(class_="line")["data-line"]): text(m) for m in page.select(".note-marker")}
    assert marked == {8: "(1)"}
    evidence = {}
    for link in page.select("a.evidence"):
        evidence.setdefault(link.get_text(), []).append(int(link.find_parent(class_="line")["data-line"]))
    assert evidence == {"Q1": [5, 6, 7, 8, 9], "Q2": [1, 2, 3, 4, 11, 12, 13]}


def test_without_the_bundling_hook_the_build_stops_rather_than_lose_the_pop_ups(tmp_path):
    """The glossary's pop-up texts ship inside the site's script: a site
    configured without scripts/bundle_assets.py must not publish terms that
    open empty pop-ups."""
    config = tiny_worksheet(tmp_path)
    config.write_text("\n".join(row for row in config.read_text(encoding="utf-8").split("\n")
                                if "bundle_assets.py" not in row), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", config=config, check=False)
    assert result.returncode != 0
    assert "list scripts/bundle_assets.py after scripts/hook.py" in result.stdout + result.stderr
