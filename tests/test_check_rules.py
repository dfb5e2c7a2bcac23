"""Every rule of the checker, one broken worksheet each, with its exact message.

Each case copies the tiny worksheet (tests/fixtures/tiny-worksheet/) into a
temporary folder, breaks one thing, and runs ``scripts/check.py --docs docs``
from there, so messages read ``docs/questions.md:13: ...``. A representative
case of every rule family also goes through ``mkdocs build --strict``, where
the hook must stop the build with the same listing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_second_worksheet import TINY, run_check, tiny_worksheet

Edit = tuple[str, str, str]  # (file in docs/, old text, new text)


@dataclass
class Case:
    id: str
    edits: list[Edit]
    expected: list[str]  # the checker's exact output, one problem a line
    kind: str = "error"  # "warning": printed, the check passes; "unreadable": the file cannot be read
    hook: bool = False  # also build it with the hook


def q(old: str, new: str) -> Edit:
    return ("questions.md", old, new)


def g(old: str, new: str) -> Edit:
    return ("glossary.yml", old, new)


TULIP = "- term: tulip\n  pos: noun\n  definition: A spring flower.\n  french: une tulipe\n\n"
WOBBLE_AGAIN = "- term: wobble\n  pos: verb\n  definition: To shake.\n  french: trembler\n\n"
Q1_LINKS = "[lines 5–9](article.md#L5)"
ROAD = '"many children died in road accidents" (l. 7)'
DIED = '("many children died", l. 7)'  # in q1's teacher notes
SLOGAN = '"Stop the child murder" (lines 8–9)'  # in the note's text, and in the article page's editor's note
INSERTED = ("article.md", "  The city did not always love", "Nobody planned it.\n  The city did not always love")
ANSWERS = [row for row in (TINY / "docs" / "questions.md").read_text(encoding="utf-8").split("\n")
           if row.startswith(("Cars ", "There are "))]  # the model answers, one line each

CASES = [
    # -- line references ---------------------------------------------------
    Case("no-line-reference", [q(f"Lines: {Q1_LINKS}", "Lines: none yet")],
         ["docs/questions.md:13: q1 cites no lines: add a link such as [lines 25–29](article.md#L25)"], hook=True),
    Case("line-does-not-exist", [q("[lines 11–13](article.md#L11)", "[lines 11–14](article.md#L11)")],
         ["docs/questions.md:29: q2: line 14 does not exist (the article has 13 lines)"]),
    Case("line-zero", [q("[lines 1–4](article.md#L1)", "[lines 0–4](article.md#L0)")],
         ["docs/questions.md:29: q2: line 0 does not exist (the article has 13 lines)"]),
    Case("range-backwards", [q(Q1_LINKS, "[lines 9–5](article.md#L9)")],
         ["docs/questions.md:13: q1: range 9–5 runs backwards: write 5–9"], hook=True),
    Case("link-target-disagrees", [q(Q1_LINKS, "[lines 5–9](article.md#L6)")],
         ["docs/questions.md:13: q1: link 'lines 5–9' points to article.md#L6: it should point to article.md#L5"]),
    Case("link-target-other-page", [q(Q1_LINKS, "[lines 5–9](glossary.md#L5)")],
         ["docs/questions.md:13: q1: link 'lines 5–9' points to glossary.md#L5: it should point to article.md#L5"]),
    Case("link-target-no-line", [q(Q1_LINKS, "[lines 5–9](article.md)")],
         ["docs/questions.md:13: q1: link 'lines 5–9' points to article.md: it should point to article.md#L5"]),
    Case("link-text-names-no-lines", [q(Q1_LINKS, "[the second paragraph](article.md#L5)")],
         ["docs/questions.md:13: q1: link text 'the second paragraph' does not say which lines it cites "
          "(write 'line 4' or 'lines 4–7')"]),
    # -- quotations in a question -----------------------------------------
    Case("question-quotation-misquoted", [q("« Parents and activists »", "« Parents and protesters »")],
         ['docs/questions.md:11: q1: quotation "Parents and protesters" is not in the lines it cites (5–9)']),
    Case("question-quotation-outside-its-lines", [q("« Parents and activists »", '"Every morning"')],
         ['docs/questions.md:11: q1: quotation "Every morning" is not in the lines it cites (5–9) but in lines 1–2']),
    Case("question-quotation-wrong-case", [q("« Parents and activists »", "« parents and activists »")],
         ['docs/questions.md:11: q1: quotation "parents and activists" is not in the lines it cites (5–9)']),
    Case("question-quotation-gap-without-ellipsis", [q("« Parents and activists »", '"The city did always love"')],
         ['docs/questions.md:11: q1: quotation "The city did always love" is not in the lines it cites (5–9)']),
    Case("question-quotation-ellipsis-out-of-order", [q("« Parents and activists »", '"the bicycle … The city"')],
         ['docs/questions.md:11: q1: quotation "the bicycle … The city" is not in the lines it cites (5–9)']),
    Case("question-quotation-on-second-line",
         [q("How did « Parents and activists » change the city?",
            "How did « Parents and activists » change the city?\nWhy did they quote \"the traffic lights\"?")],
         ['docs/questions.md:12: q1: quotation "the traffic lights" is not in the lines it cites (5–9) but in line 4']),
    # -- quotations in a model answer -------------------------------------
    Case("answer-quotation-not-in-article", [q(ROAD, '"many children died in car accidents" (l. 7)')],
         ['docs/questions.md:19: q1 model answer: quotation "many children died in car accidents" is not in the article']),
    Case("answer-quotation-without-line-not-in-article",
         [q('"slowly changed course" (l. 9)', '"slowly changed its mind"')],
         ['docs/questions.md:19: q1 model answer: quotation "slowly changed its mind" is not in the article']),
    Case("answer-quotation-in-other-lines", [q(ROAD, '"many children died in road accidents" (l. 8)')],
         ['docs/questions.md:19: q1 model answer: quotation "many children died in road accidents" '
          "is not in line 8 but in line 7"]),
    Case("answer-quotation-line-does-not-exist", [q(ROAD, '"many children died in road accidents" (l. 70)')],
         ['docs/questions.md:19: q1 model answer: quotation "many children died in road accidents": '
          "line 70 does not exist (the article has 13 lines)"]),
    Case("answer-quotation-range-backwards", [q("(lines 8–9)", "(lines 9–8)")],
         ['docs/questions.md:19: q1 model answer: quotation "Stop the child murder": range 9–8 runs backwards: write 8–9']),
    Case("answer-long-quotation-is-shortened",
         [q('"wide, red and car-free" (l. 11)',
            '"Today the lanes are wide, red and car-free – well, almost. Locals say it" (lines 11–12)')],
         ['docs/questions.md:35: q2 model answer: quotation "Today the lanes are wide, red and car-free – well, almost.…" '
          "is not in the article"]),
    # -- quotations that give their lines, wherever they stand ------------------
    Case("teacher-notes-quotation-not-in-article", [q(DIED, '("many children dies", l. 7)')],
         ['docs/questions.md:23: q1 teacher notes: quotation "many children dies" is not in the article'], hook=True),
    Case("teacher-notes-quotation-in-other-lines", [q(DIED, '("many children died", l. 8)')],
         ['docs/questions.md:23: q1 teacher notes: quotation "many children died" is not in line 8 but in line 7']),
    Case("teacher-notes-line-does-not-exist", [q("(a new policy)", "(a new policy, l. 99)")],
         ["docs/questions.md:23: q1 teacher notes: line 99 does not exist (the article has 13 lines)"]),
    Case("answer-line-mention-backwards", [q("Cars ", "Cars (lines 7–6) ")],
         ["docs/questions.md:19: q1 model answer: range 7–6 runs backwards: write 6–7"]),
    Case("note-text-quotation-in-other-lines", [("notes.yml", "(lines 8–9)", "(lines 7–8)")],
         ['docs/notes.yml:5: note on line 8: quotation "Stop the child murder" is not in lines 7–8 but in lines 8–9']),
    Case("note-text-line-does-not-exist", [("notes.yml", "(lines 8–9)", "(lines 8–19)")],
         ['docs/notes.yml:5: note on line 8: quotation "Stop the child murder": line 19 does not exist '
          "(the article has 13 lines)"]),
    Case("glossary-definition-quotation-not-in-article", [g('"commuters" (l. 2)', '"cyclists" (l. 2)')],
         ["docs/glossary.yml:4: glossary entry 'commuter': quotation \"cyclists\" is not in the article"]),
    Case("home-page-quotation-in-other-lines", [("index.md", "people\" (l. 1)", "people\" (l. 2)")],
         ['docs/index.md:6: quotation "Amsterdam has more bicycles than people" is not in line 2 but in line 1'],
         hook=True),
    Case("editors-note-quotation-in-other-lines", [("article.md", "(lines 8–9) was", "(lines 9–10) was")],
         ['docs/article.md:26: quotation "Stop the child murder" is not in lines 9–10 but in lines 8–9']),
    Case("glossary-page-line-does-not-exist", [("glossary.md", "explained on this worksheet.", "explained on lines 1–14.")],
         ["docs/glossary.md:7: line 14 does not exist (the article has 13 lines)"]),
    Case("questions-page-introduction-quotation", [q("Answer in full sentences.", 'Quote "the city" (l. 4).')],
         ['docs/questions.md:7: quotation "the city" is not in line 4 but in line 6']),
    # a line added to the article: every quotation after it is one line off, and one problem says so
    Case("lines-shifted-by-one", [INSERTED],
         ["docs/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?"], hook=True),
    Case("line-removed", [("article.md", "carrying children in wooden boxes, and tourists who\n", "")],
         ["docs/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?",
          "docs/questions.md:29: q2: line 13 does not exist (the article has 12 lines)"]),
    Case("lines-shifted-and-a-misquotation", [INSERTED, q("slowly changed course", "slowly changed its course")],
         ["docs/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?",
          'docs/questions.md:19: q1 model answer: quotation "slowly changed its course" is not in the article']),
    Case("one-quotation-off-by-one-is-no-shift", [("article.md", "almost. Locals say", "Nobody planned it.\nalmost. Locals say")],
         ['docs/questions.md:35: q2 model answer: quotation "the hardest part […] is finding a free place to park" '
          "is not in lines 12–13 but in lines 13–14"]),
    # -- questions ----------------------------------------------------------
    Case("duplicate-id", [q("{ #q2 }", "{ #q1 }")],
         ["docs/questions.md:25: question id 'q1' is already used at line 9"]),
    Case("ids-not-sequential", [q("{ #q2 }", "{ #q3 }")],
         ["docs/questions.md:25: question 2 has id 'q3': ids run q1, q2, q3… so this one is 'q2'"]),
    Case("missing-id", [q("## Question 2 { #q2 }", "## Question 2")],
         ["docs/questions.md:25: question heading 'Question 2' has no id: add { #q2 }"]),
    Case("no-model-answer", [q(f"### Model answer\n\n{ANSWERS[1]}\n\n", "")],
         ["docs/questions.md:25: q2 has no model answer: add a '### Model answer' section"], hook=True),
    Case("empty-model-answer", [q(ANSWERS[0], "")],
         ["docs/questions.md:17: q1: the model answer is empty"]),
    Case("two-model-answers", [q("### Teacher notes\n\n- The ellipsis", "### Model answer\n\nAgain.\n\n### Teacher notes\n\n- The ellipsis")],
         ["docs/questions.md:37: q2: a second '### Model answer' section (the first is at line 33)"]),
    Case("no-teacher-notes", [q("### Teacher notes\n\n- The ellipsis", "- The ellipsis")],
         ["docs/questions.md:25: q2 has no teacher notes: add a '### Teacher notes' section"]),
    Case("empty-teacher-notes", [q('- Expect the cause ("many children died", l. 7) and the consequence (a new policy).\n', "")],
         ["docs/questions.md:21: q1: the teacher notes are empty"]),
    Case("no-question-text", [q("How did « Parents and activists » change the city?\n\n", "")],
         ["docs/questions.md:9: q1 has no question text"]),
    Case("writing-space-unreadable", [q("Writing space: 4 lines", "Writing space: four")],
         ["docs/questions.md:15: write the writing space as 'Writing space: 6 lines'"]),
    Case("no-questions", [q("## Question 1 { #q1 }", "Question 1"), q("## Question 2 { #q2 }", "Question 2")],
         ["docs/questions.md: no questions: start each with '## Question 1 { #q1 }'"]),
    Case("unknown-part", [q("### Teacher notes\n\n- Expect", "### Notes for teachers\n\n- Expect")],
         ["docs/questions.md:9: q1 has no teacher notes: add a '### Teacher notes' section",
          "docs/questions.md:21: unknown part '### Notes for teachers': use '### Model answer' or '### Teacher notes'"]),
    # -- glossary -----------------------------------------------------------
    Case("glossary-no-definition", [g("  definition: To move from side to side in an unsteady way.\n", "")],
         ["docs/glossary.yml:7: glossary entry 'wobble' has no definition"]),
    Case("glossary-no-part-of-speech", [g("  pos: verb\n", "")],
         ["docs/glossary.yml:7: glossary entry 'wobble' has no part of speech"]),
    Case("glossary-empty-french", [g("  french: vaciller, tanguer\n", "  french: ''\n")],
         ["docs/glossary.yml:7: glossary entry 'wobble' has no French translation"]),
    Case("glossary-no-term", [g("- term: wobble\n", "- term:\n")],
         ["docs/glossary.yml:7: glossary entry has no term"]),
    Case("glossary-duplicate-entry", [g("- term: activist", WOBBLE_AGAIN + "- term: activist")],
         ["docs/glossary.yml:13: duplicate glossary entry 'wobble' (first at line 7)"], hook=True),
    Case("glossary-form-in-two-entries", [g("[wobbles, wobbling]", "[wobbles, commuters]")],
         ["docs/glossary.yml:7: glossary entry 'wobble': 'commuters' already belongs to 'commuter' (line 1)"]),
    Case("glossary-entry-used-nowhere", [g("- term: activist", TULIP + "- term: activist")],
         ["docs/glossary.yml:13: warning: glossary entry 'tulip' occurs nowhere in the article or the questions"],
         kind="warning", hook=True),
    # -- notes --------------------------------------------------------------
    Case("note-phrase-not-in-its-line", [("notes.yml", "line: 8", "line: 7")],
         ['docs/notes.yml:1: note on line 7: "Stop the child murder" is not in that line']),
    Case("note-line-does-not-exist", [("notes.yml", "line: 8", "line: 80")],
         ["docs/notes.yml:1: note on line 80: line 80 does not exist (the article has 13 lines)"]),
    # -- unreadable input: one line naming the file ---------------------------
    Case("broken-glossary-yaml", [g("forms: [commuters]", "forms: [commuters")],
         ["docs/glossary.yml:3: invalid YAML: expected ',' or ']', but got ':'"], kind="unreadable", hook=True),
    Case("glossary-quote-never-closed", [g("  definition: To move", '  definition: "To move')],
         ["docs/glossary.yml:10: invalid YAML: the quote that opens here is not closed"], kind="unreadable", hook=True),
    Case("notes-quote-closed-by-a-later-one", [("notes.yml", "phrase: Stop", 'phrase: "Stop')],
         ["docs/notes.yml:2: invalid YAML: the quote that opens here is not closed"], kind="unreadable"),
    Case("front-matter-quote-never-closed", [("article.md", "kicker: Cities", 'kicker: "Cities')],
         ["docs/article.md:2: invalid front matter: the quote that opens here is not closed"], kind="unreadable"),
    Case("broken-front-matter", [("article.md", "kicker: Cities", "kicker: [Cities")],
         ["docs/article.md:3: invalid front matter: expected ',' or ']', but got ':'"], kind="unreadable"),
    Case("front-matter-not-closed", [("questions.md", "title: Questions\n---\n", "title: Questions\n")],
         ["docs/questions.md:1: front matter is not closed by a '---' line"], kind="unreadable"),
    Case("no-article-block", [("article.md", "```article", "```")],
         ["docs/article.md: no ```article block: the article text must stand in one"], kind="unreadable"),
]


def broken_worksheet(folder: Path, edits: list[Edit]) -> Path:
    """The tiny worksheet in ``folder`` with ``edits`` applied; its mkdocs.yml."""
    config = tiny_worksheet(folder)
    for name, old, new in edits:
        path = folder / "docs" / name
        source = path.read_text(encoding="utf-8")
        assert source.count(old) == 1, f"{old!r} should stand once in {name}"
        path.write_text(source.replace(old, new), encoding="utf-8")
    return config


def strict_build(config: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict``, not quiet: MkDocs 1.6 stops counting warnings
    under ``-q`` (mkdocs/mkdocs#4126), so a quiet build would pass them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_EDITION", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(config.parent / "site")],
        cwd=config.parent, env=env, capture_output=True, text=True,
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_checker_reports_the_rule(case, tmp_path):
    broken_worksheet(tmp_path, case.edits)
    result = run_check(tmp_path)
    assert result.stdout.splitlines() == case.expected
    assert result.returncode == (0 if case.kind == "warning" else 1)
    assert result.stderr == ""


HOOK_CASES = [c for c in CASES if c.hook]


@pytest.fixture(scope="module")
def strict_builds(tmp_path_factory):
    """Every hook case built with --strict, in parallel."""
    def build(case):
        return strict_build(broken_worksheet(tmp_path_factory.mktemp(case.id), case.edits))

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(zip((c.id for c in HOOK_CASES), pool.map(build, HOOK_CASES)))


@pytest.mark.parametrize("case", HOOK_CASES, ids=lambda c: c.id)
def test_the_rule_stops_a_strict_build(case, strict_builds):
    result = strict_builds[case.id]
    assert result.returncode == 1
    log = result.stdout + result.stderr
    if case.kind == "warning":
        assert [line.split(" - ", 1)[1].strip() for line in log.splitlines() if line.startswith("WARNING")] == \
            [f"worksheet: {line}" for line in case.expected]
        assert "Aborted with 1 warnings in strict mode!" in log
    elif case.kind == "unreadable":
        assert f"Cannot read the worksheet: {case.expected[0]}\n" in log
    else:
        listing = log.split(f"The worksheet has {len(case.expected)} problem(s):\n", 1)[1].splitlines()
        assert listing[: len(case.expected)] == [f"  {line}" for line in case.expected]


def test_the_hook_lists_what_the_checker_prints(tmp_path):
    """Many problems at once: the build's listing is the checker's output."""
    edits = [
        q(Q1_LINKS, "[lines 5–9](article.md#L6)"),
        q("the hardest part of cycling here", "the worst part of cycling here"),
        q(ROAD, '"many children died in road accidents" (l. 8)'),
        q("{ #q2 }", "{ #q3 }"),
        g("  pos: verb\n", ""),
        ("notes.yml", "line: 8", "line: 80"),
    ]
    config = broken_worksheet(tmp_path, edits)
    printed = run_check(tmp_path).stdout.splitlines()
    assert len(printed) == len(edits)
    assert printed == sorted(printed, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    log = strict_build(config).stderr
    listing = log.split(f"The worksheet has {len(edits)} problem(s):\n", 1)[1].splitlines()[: len(edits)]
    assert listing == [f"  {line}" for line in printed]


MATCHING = [
    # (edit, why it matches)
    (q("« Parents and activists »", "« Parents    and\nactivists »"), "whitespace and line breaks"),
    (q("« Parents and activists »", "« “Stop the child murder” »"), "curly quotes for straight ones"),
    (q("« Parents and activists »", "\"took over the city’s old streets\""), "a curly apostrophe"),
    (q("« Parents and activists »", '"The city did not … love the bicycle"'), "an ellipsis"),
    (q("« Parents and activists »", '"The city [...] the bicycle"'), "a bracketed ellipsis"),
    (q("« Parents and activists »", '"In the ... 1970s"'), "three dots"),
    (q("« Parents and activists »", '"… the council slowly changed course"'), "a leading ellipsis"),
    (q("« Parents and activists »", '"Parents and\nactivists"'), "straight quotes over a line break"),
    (q("the hardest part of cycling here", "car-free - well"), "a hyphen for an en dash"),
    (q("the hardest part of cycling here", "car‑free — well"), "other dashes"),
    (q(Q1_LINKS, "[lines 5–7](article.md#L5), [lines 8–9](article.md#L8)"),
     "a quotation running from one cited range into the next"),
    (q(ROAD, '"many children died in road accidents" (line 7)'), "(line 7)"),
    (q(ROAD, '"many children died in road accidents" (7)'), "(7)"),
    (q(ROAD, '"many children died in road accidents" (lines 6–7)'), "(lines 6–7)"),
    (q(ROAD, '"many children died in road accidents" (ll. 7-8)'), "(ll. 7-8)"),
    (q(ROAD, '"many children died in road accidents", l. 7'), ", l. 7"),
    (q(ROAD, '"many children died in road accidents"'), "no line given"),
    (q(ROAD, '<span class="x">many children died</span>'), "an HTML attribute is no quotation"),
    (q("(a new policy)", '(a new policy: "Stop de Kindermoord")'), "a teacher note's quotation without a line"),
    (("notes.yml", "founded in 1973", "founded (1973)"), "a year in brackets, no line"),
    (("index.md", "(l. 1).", '(l. 1). Not `"a quotation" (l. 99)`.'), "code in a page"),
    (("index.md", "(l. 1).", '(l. 1).\n\n```\n"Not a quotation" (lines 2–99)\n```'), "a code block in a page"),
    (g("every day, like", "every day (like"), "a quotation in a definition"),
]


@pytest.mark.parametrize("edit,why", MATCHING, ids=[why for _, why in MATCHING])
def test_quotations_match_despite(edit, why, tmp_path):
    broken_worksheet(tmp_path, [edit])
    result = run_check(tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize("mention,label", [("(8)", "line 8"), ("(line 8)", "line 8"), ("(ll. 8-9)", "lines 8–9"),
                                           ("(lines 9–10)", "lines 9–10"), (", l. 8", "line 8")])
def test_a_line_given_beside_an_answer_quotation_is_checked(mention, label, tmp_path):
    broken_worksheet(tmp_path, [q(ROAD, f'"many children died in road accidents"{mention}')])
    assert run_check(tmp_path).stdout.splitlines() == [
        f'docs/questions.md:19: q1 model answer: quotation "many children died in road accidents" '
        f"is not in {label} but in line 7"
    ]


BROKEN_LINKS = [
    (("index.md", "[the article](article.md)", "[the article](articel.md)"),
     "Doc file 'index.md' contains a link 'articel.md', but the target is not found among documentation files."),
    (("index.md", "[two questions](questions.md)", "[two questions](article.md#L31)"),
     "Doc file 'index.md' contains a link 'article.md#L31', but the doc 'article.md' does not contain an anchor '#L31'."),
    (("questions.md", "leaves out *of cycling here*.", "leaves out [a phrase](glossary.md#no-such-entry)."),
     "Doc file 'questions.md' contains a link 'glossary.md#no-such-entry', but the doc 'glossary.md' does not "
     "contain an anchor '#no-such-entry'."),
]


def test_broken_links_and_anchors_fail_a_strict_build(tmp_path):
    """MkDocs' own link and anchor validation: the checker has nothing to say,
    the strict build stops with one warning per broken link."""
    config = broken_worksheet(tmp_path, [edit for edit, _ in BROKEN_LINKS])
    assert run_check(tmp_path).returncode == 0
    result = strict_build(config)
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [f"WARNING -  {warning}" for _, warning in BROKEN_LINKS]
    assert f"Aborted with {len(BROKEN_LINKS)} warnings in strict mode!" in result.stdout + result.stderr
