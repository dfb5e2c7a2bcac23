"""Who sees what: one mark, ``classroom-only``, wherever a teacher writes it,
and model answers and teacher notes by what they are. The student edition
has none of it in any file it writes, PDFs and search index included."""

from __future__ import annotations

import zipfile

import pytest

from support import build, line_of, log_of, pdf_text, project, soup, strict_build, text
from support_search import every_search_text, indexed_text

#: (file of the tiny library, text to add, the sentence planted by it)
PLANTED = [
    ("index.md", "\n/// classroom-only\n\n## Planted heading\n\nAmber walrus in a block.\n\n///\n",
     "Amber walrus in a block."),
    ("bikes/index.md", "\nCobalt heron on a paragraph.\n{ .classroom-only }\n", "Cobalt heron on a paragraph."),
    ("bikes/index.md", "\nA word for teachers: *crimson lynx inline*{ .classroom-only }.\n", "crimson lynx inline"),
    ("trams/index.md", '\n<div class="classroom-only" markdown>\n\nDusky otter in md_in_html.\n\n</div>\n',
     "Dusky otter in md_in_html."),
    ("sequences/city-transport.md", '\n<div class="classroom-only"><p>Emerald gecko in raw HTML.</p></div>\n',
     "Emerald gecko in raw HTML."),
]
IN_QUESTIONS = [
    ("bikes/questions.md", "- Expect the cause (", "- Fawn tapir in a teacher note.\n- Expect the cause (",
     "Fawn tapir in a teacher note."),
    ("trams/questions.md", 'It "kept its trams" (l. 1)', 'Golden ibis in a model answer. It "kept its trams" (l. 1)',
     "Golden ibis in a model answer."),
]
def _indent(block: str) -> str:
    return "\n".join("    " + row if row else row for row in block.split("\n"))


#: Every block that is classroom-only, nested in every container the site enables.
BLOCKS = ["classroom-only", "model-answer", "teacher-notes"]
CONTAINERS = {
    "list item": lambda block: "- A list item.\n\n" + _indent(block),
    "admonition": lambda block: "!!! note\n\n" + _indent(block),
    "note block": lambda block: "//// note\n" + block + "\n////",
    "details block": lambda block: "//// details | More\n" + block + "\n////",
    "md_in_html": lambda block: "<div markdown>\n\n" + block + "\n\n</div>",
    "quote": lambda block: "\n".join("> " + row for row in block.split("\n")),
}
NESTED = [(f"Nested {name} in a {container} number {i}{j}.", wrap(f"/// {name}\nNested {name} in a {container} "
                                                                   f"number {i}{j}.\n///"))
          for i, name in enumerate(BLOCKS) for j, (container, wrap) in enumerate(CONTAINERS.items())]
#: Inside a question's text: a part nested in a list item and in an admonition.
NESTED_IN_QUESTION = [(f"Question-nested {name} in a {container}.", CONTAINERS[container](
    f"/// {name}\nQuestion-nested {name} in a {container}.\n///"))
    for name in BLOCKS for container in ("list item", "admonition")]
#: Defined in a classroom-only block: an abbreviation and a footnote (both enabled for this test).
DEFINED = ("Public words: TLA.\n\n/// classroom-only\n*[TLA]: Indigo abbreviation expansion\n\n"
           "A claim.[^hidden]\n\n[^hidden]: Jade footnote sentence.\n///\n",
           ["Indigo abbreviation expansion", "Jade footnote sentence."])
#: In no edition: HTML comments, as a block, inline, and in a question.
COMMENTS = [("bikes/index.md", "\n<!-- Khaki comment block. -->\n\nText with <!-- Lilac inline comment --> in it.\n",
             ["Khaki comment block.", "Lilac inline comment"])]
#: Records flagged in YAML: a note, and a glossary entry (its definition and its French).
FLAGGED = {"trams/notes.yml": "- line: 1\n  phrase: Melbourne\n  note: Russet quoll in a flagged note.\n"
                              "  classroom-only: true\n",
           "trams/glossary.yml": "- term: wheel\n  pos: noun\n  definition: Teal numbat in a flagged entry.\n"
                                 "  french: une roue pour la classe\n  classroom-only: true\n\n"}
#: A classroom-only block of its own in a question's text.
ASIDE = "Olive aside in a question."
SENTENCES = [sentence for *_, sentence in PLANTED + IN_QUESTIONS] + [s for s, _ in NESTED + NESTED_IN_QUESTION] \
    + DEFINED[1] + [ASIDE, "Russet quoll in a flagged note.", "Teal numbat in a flagged entry.",
                     "une roue pour la classe"]



@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The tiny library with a teacher-only sentence in every form."""
    root = project(tmp_path_factory.mktemp("planted"))
    docs = root / "docs"
    for name, addition, _ in PLANTED:
        with (docs / name).open("a", encoding="utf-8") as file:
            file.write(addition)
    for name, old, new, _ in IN_QUESTIONS:
        path = docs / name
        source = path.read_text(encoding="utf-8")
        assert source.count(old) == 1
        path.write_text(source.replace(old, new), encoding="utf-8")
    with (docs / "trams" / "index.md").open("a", encoding="utf-8") as file:
        file.write("".join(f"\n{markdown}\n" for _, markdown in NESTED) + "\n" + DEFINED[0])
    for name, addition, _ in COMMENTS:
        with (docs / name).open("a", encoding="utf-8") as file:
            file.write(addition)
    questions = docs / "trams" / "questions.md"
    source = questions.read_text(encoding="utf-8")
    old = "did not?\n"
    assert source.count(old) == 1
    questions.write_text(source.replace(old, old + "".join(f"\n{markdown}\n" for _, markdown in NESTED_IN_QUESTION)
                                        + "\n<!-- Mauve comment in a question. -->\n"
                                        + f"\n/// classroom-only\n{ASIDE}\n///\n"), encoding="utf-8")
    for name, record in FLAGGED.items():
        path = docs / name
        source = path.read_text(encoding="utf-8")
        path.write_text(source + record if name.endswith("notes.yml") else record + source, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", "markdown_extensions:\n  - abbr\n  - footnotes\n"), encoding="utf-8")
    return root


COMMENTED = [sentence for *_, sentences in COMMENTS for sentence in sentences] + ["Mauve comment in a question."]


def every_text(site) -> str:
    """Everything a reader could get from the site: every file, PDFs as text,
    Anki decks unzipped, the others as UTF-8 (what is not text reads as nothing)."""
    parts = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".pdf":
            parts.append(pdf_text(path))
        elif path.suffix == ".apkg":
            with zipfile.ZipFile(path) as deck:
                parts += [deck.read(name).decode("utf-8", errors="ignore") for name in deck.namelist()]
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8", errors="ignore"))
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def planted_classroom(planted, tmp_path_factory):
    """The planted library's classroom edition."""
    return build(planted, tmp_path_factory.mktemp("planted-classroom") / "site")


def test_the_classroom_edition_has_every_planted_sentence(planted_classroom):
    site = planted_classroom
    everything = every_text(site)
    assert [s for s in SENTENCES if s not in everything] == []
    assert [s for s in COMMENTED if s in everything] == []
    assert 'title="Indigo abbreviation expansion"' in (site / "trams" / "index.html").read_text(encoding="utf-8")
    indexed = indexed_text(site)
    assert "Amber walrus in a block." in indexed  # the classroom edition's index holds classroom-only text
    # Model answers and teacher notes are kept out of search in the classroom edition too.
    assert "Fawn tapir" not in indexed and "Golden ibis" not in indexed


@pytest.mark.pdf
@pytest.mark.browser  # chromium prints the PDFs
def test_the_student_edition_has_none_of_them_in_any_file(planted, tmp_path):
    site = build(planted, tmp_path / "site", edition="student", pdfs=True)
    assert sorted(p.name for p in site.rglob("*.pdf")) == ["vocabulary-test.pdf"] * 2 + ["worksheet.pdf"] * 2
    everything = every_text(site)
    assert [s for s in SENTENCES + COMMENTED if s in everything] == []
    assert "classroom-only" not in everything
    assert "title=" not in text(soup(site, "trams/")) and soup(site, "trams/").select("abbr[title]") == []
    home = soup(site, "")
    assert "Planted heading" not in text(home)
    assert [text(a) for a in home.select(".md-nav--secondary a")] == []  # nor in the table of contents
    assert soup(site, "bikes/questions/").select("details.model-answer, details.teacher-note") == []
    assert soup(site, "bikes/questions/").select("button.teacher-toggle") == []


def test_inline_raw_html_that_cannot_be_cut_whole_stops_the_student_build(tmp_path):
    root = project(tmp_path / "project")
    with (root / "docs" / "trams" / "index.md").open("a", encoding="utf-8") as file:
        file.write('\nFor teachers: <span class="classroom-only">a hidden hint</span>.\n')
    result = strict_build(root, edition="student")
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "a hidden hint")
    assert (f'docs/trams/index.md:{line}: <span class="classroom-only"> is classroom-only but not closed in the same '
            "piece of HTML: mark a few words with attr_list instead (*words*{ .classroom-only })") in log_of(result)
    assert strict_build(root).returncode == 0  # the classroom edition keeps it


#: A note of trams/notes.yml that the student edition cannot cut whole, and what is said of it.
UNCUT_NOTE = ('\n- line: 2\n  phrase: pulled theirs up\n  note: Ask why. <span class="classroom-only">Hint, '
              'cars.</span>\n')
UNCUT = ('<span class="classroom-only"> is classroom-only but not closed in the same piece of HTML: mark a few '
         "words with attr_list instead (*words*{ .classroom-only })")


def test_raw_html_that_cannot_be_cut_in_a_note_is_blamed_on_the_note(tmp_path):
    """A note is rendered apart from the page it stands on (on the article,
    and again on the printed sheet): what cannot be cut in it is said at its
    own file and line, while its page renders, and of no other file."""
    root = project(tmp_path / "project")
    with (root / "docs" / "trams" / "notes.yml").open("a", encoding="utf-8") as file:
        file.write(UNCUT_NOTE)
    result = strict_build(root, edition="student")
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "notes.yml", "Hint, cars.")
    blamed = [row.split(": <span", 1)[0].split()[-1] for row in log_of(result).splitlines() if UNCUT in row]
    assert blamed == [f"docs/trams/notes.yml:{line}"]
    assert "Error reading page 'trams/article.md'" in log_of(result)  # the page it was met on


def test_the_class_name_left_as_text_stops_the_student_build(tmp_path):
    """A mark that Markdown did not apply (here, attr_list after plain words)
    would leave teacher-only words in the page: the build stops."""
    root = project(tmp_path / "project")
    with (root / "docs" / "trams" / "index.md").open("a", encoding="utf-8") as file:
        file.write("\nA hint [for teachers]{ .classroom-only } only.\n")
    result = strict_build(root, edition="student")
    assert result.returncode == 1
    line = line_of(root / "docs" / "trams" / "index.md", "for teachers")
    assert f"docs/trams/index.md:{line}: 'classroom-only' is left in the student edition's page" in log_of(result)


@pytest.fixture(scope="module")
def planted_student(planted, tmp_path_factory):
    """The planted library's student edition, without its PDFs."""
    return build(planted, tmp_path_factory.mktemp("planted-student") / "site", edition="student")


def test_an_abbreviation_or_footnote_defined_for_the_classroom_defines_nothing_for_students(planted_classroom,
                                                                                           planted_student):
    classroom = soup(planted_classroom, "trams/")
    assert [a["title"] for a in classroom.select("abbr[title]") if text(a) == "TLA"] == ["Indigo abbreviation expansion"]
    assert "Jade footnote sentence." in text(classroom.select_one(".footnote"))
    page = soup(planted_student, "trams/")
    assert "Public words: TLA." in text(page)  # the word stays, as plain text
    assert page.select("abbr") == [] and page.select(".footnote, .footnote-ref, sup[id^=fnref]") == []
    html = (planted_student / "trams" / "index.html").read_text(encoding="utf-8")
    assert [s for s in DEFINED[1] + ["A claim."] if s in html] == []


def test_the_student_edition_search_index_holds_none_of_them(planted_classroom, planted_student):
    classroom = every_search_text(planted_classroom)
    student = every_search_text(planted_student)
    words = ["walrus", "heron", "lynx", "otter", "gecko"]  # one of each classroom-only sentence
    assert [w for w in words if w not in classroom.casefold()] == []  # they would be found there
    assert "wobble" in student  # a word of an article: the index is read
    assert [s for s in SENTENCES if s in student] == []
    assert [w for w in [*words, "tapir", "ibis"] if w in student.casefold()] == []
