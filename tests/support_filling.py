"""Filling in a draft worksheet's TODOs, as a teacher would, for the tests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import article_lines, log_of, project, strict_build
from worksheet import load_worksheet
from worksheet.stems import unlisted_forms

#: What a teacher writes for each TODO, by the file and the row it stands on.
FILLERS = [
    (r"^(\s*(?:title|headline):) TODO$", r"\1 A filled-in worksheet"),
    (r"^(\s*level:) TODO$", r"\1 B1"),
    (r"^(\s*theme:) TODO$", r"\1 Cities"),
    (r"^(\s*time:) TODO$", r"\1 1 hour"),
    (r"^(\s*author:) TODO$", r"\1 A. Writer"),
    (r"^(\s*publication:) TODO$", r"\1 The Paper"),
    (r"^(\s*date:) TODO$", r"\1 1 May 2024"),
    (r"^(\s*pos:) TODO$", r"\1 noun"),
    (r"^(\s*definition:) TODO$", r"\1 A word of the text."),
    (r"^(\s*french:) TODO$", r"\1 un mot"),
    (r"^TODO: paste the article.*$", "The ferry leaves at dawn.\nIts deck is full of bicycles."),
    (r"^(.*)TODO:?(.*)$", r"\1Written.\2"),
]


def fill_in(folder: Path) -> None:
    """Replace every TODO of the worksheet in ``folder``: a question draws on
    the whole article."""
    article = (folder / "article.md").read_text(encoding="utf-8")
    if "TODO: paste the article" in article:
        last = 2  # the two lines written in its place
    else:
        last = len(article_lines(folder))
    fillers = [(r"^(\s*lines:) TODO$", rf"\1 1–{last}"), *FILLERS]
    for path in folder.iterdir():
        rows = []
        for row in path.read_text(encoding="utf-8").split("\n"):
            for pattern, replacement in fillers:
                if re.search(pattern, row):
                    row = re.sub(pattern, replacement, row)
                    break
            rows.append(row)
        path.write_text("\n".join(rows), encoding="utf-8")
    list_the_forms(folder)


def list_the_forms(folder: Path) -> None:
    """Add to each glossary entry the article's words that share its stem,
    as the build's warning asks a teacher to."""
    ws = load_worksheet(folder)
    path = folder / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    for term, words in unlisted_forms(ws.glossary, ws.article.flow.text, ws.language).items():
        forms = ", ".join(dict.fromkeys(word for word, _ in words))
        text = re.sub(rf"^(- term: {re.escape(term)}\n  forms:) \[\]$", rf"\1 [{forms}]", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


def built_once_filled(draft: Path, folder: Path) -> str:
    """The article page a draft worksheet gives, once its TODOs are written:
    a copy of the project in ``folder`` with the draft in its docs; the build
    refuses the draft first, then builds it strict."""
    root = project(folder)
    copy = root / "docs" / draft.name
    shutil.copytree(draft, copy)
    assert "TODO" in log_of(strict_build(root))
    fill_in(copy)
    result = strict_build(root)
    assert result.returncode == 0, log_of(result)
    return (root / "site" / draft.name / "article" / "index.html").read_text(encoding="utf-8")
