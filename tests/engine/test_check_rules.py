"""Every rule of the checker, one broken library each, with its exact message.

Each case copies the tiny library (tests/fixtures/library/) into a temporary
folder, breaks one thing, and runs ``scripts/check.py --docs docs`` from
there, so messages read ``docs/bikes/questions.md:13: ...``. A case of every
rule family also goes through ``mkdocs build --strict``, which must stop with
the same listing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import LIBRARY, ROOT, log_of, project, strict_build

CHECK = ROOT / "scripts" / "check.py"
Edit = tuple[str, str, str]  # (file in docs/, old text, new text)


@dataclass
class Case:
    id: str
    edits: list[Edit]
    expected: list[str]  # the checker's exact output, one problem a line
    kind: str = "error"  # "warning": printed, the check passes; "unreadable": a file cannot be read
    build: bool = False  # also build it, strict


def q(old: str, new: str) -> Edit:
    return ("bikes/questions.md", old, new)


def g(old: str, new: str) -> Edit:
    return ("bikes/glossary.yml", old, new)


def s(old: str, new: str) -> Edit:
    return ("sequences/city-transport.md", old, new)


QUESTIONS = "docs/bikes/questions.md"
TULIP = "- term: tulip\n  pos: noun\n  definition: A spring flower.\n  french: une tulipe\n\n"
WOBBLE_AGAIN = "- term: wobble\n  pos: verb\n  definition: To shake.\n  french: trembler\n\n"
ROAD = '"many children died in road accidents" (l. 7)'
DIED = '("many children died", l. 7)'  # in q1's teacher notes
INSERTED = ("bikes/article.md", "  The city did not always love", "Nobody planned it.\n  The city did not always love")
Q1_ANSWER = 'Cars "took over the city\'s old streets" (l. 6) and'

CASES = [
    # -- the lines a question draws on ------------------------------------
    Case("no-lines", [q("    lines: 5–9\n", "")],
         [f"{QUESTIONS}:4: q1 cites no lines: add 'lines: 25–29' under its '//// question' line"], build=True),
    Case("lines-not-ranges", [q("    lines: 5–9", "    lines: the second paragraph")],
         [f"{QUESTIONS}:4: q1: 'lines: the second paragraph' is not a list of line ranges: "
          "write it as 'lines: 25–29, 30–36'"]),
    Case("line-does-not-exist", [q("lines: 1–4, 11–13", "lines: 1–4, 11–14")],
         [f"{QUESTIONS}:20: q2: line 14 does not exist (the article has 13 lines)"]),
    Case("line-zero", [q("lines: 1–4, 11–13", "lines: 0–4, 11–13")],
         [f"{QUESTIONS}:20: q2: line 0 does not exist (the article has 13 lines)"]),
    Case("range-backwards", [q("lines: 5–9", "lines: 9–5")],
         [f"{QUESTIONS}:4: q1: range 9–5 runs backwards: write 5–9"], build=True),
    Case("another-worksheets-lines", [q("lines: 5–9", "lines: trams:1–3")],
         [f"{QUESTIONS}:4: q1: 'trams:1–3' cites another worksheet: a worksheet's questions cite its own article"]),
    # -- quotations in a question -----------------------------------------
    Case("question-quotation-misquoted", [q("« Parents and activists »", "« Parents and protesters »")],
         [f'{QUESTIONS}:7: q1: quotation "Parents and protesters" is not in the lines it cites (5–9)']),
    Case("question-quotation-outside-its-lines", [q("« Parents and activists »", '"Every morning"')],
         [f'{QUESTIONS}:7: q1: quotation "Every morning" is not in the lines it cites (5–9) but in lines 1–2']),
    Case("question-quotation-wrong-case", [q("« Parents and activists »", "« parents and activists »")],
         [f'{QUESTIONS}:7: q1: quotation "parents and activists" is not in the lines it cites (5–9)']),
    Case("question-quotation-gap-without-ellipsis", [q("« Parents and activists »", '"The city did always love"')],
         [f'{QUESTIONS}:7: q1: quotation "The city did always love" is not in the lines it cites (5–9)']),
    Case("question-quotation-ellipsis-out-of-order", [q("« Parents and activists »", '"the bicycle … The city"')],
         [f'{QUESTIONS}:7: q1: quotation "the bicycle … The city" is not in the lines it cites (5–9)']),
    Case("question-quotation-on-second-line",
         [q("How did « Parents and activists » change the city?",
            "How did « Parents and activists » change the city?\nWhy did they quote \"the traffic lights\"?")],
         [f'{QUESTIONS}:8: q1: quotation "the traffic lights" is not in the lines it cites (5–9) but in line 4']),
    # a quotation left open: one problem where it opens, none for the quotations after it
    Case("question-quotation-left-open", [q("« Parents and activists »", "« Parents and activists")],
         [f"{QUESTIONS}:7: q1: the quotation « Parents and activists change the city? is left open: add its "
          "closing quote mark where it ends"]),
    # -- quotations in a model answer -------------------------------------
    Case("answer-quotation-not-in-article", [q(ROAD, '"many children died in car accidents" (l. 7)')],
         [f'{QUESTIONS}:10: q1 model answer: quotation "many children died in car accidents" is not in the article']),
    Case("answer-quotation-without-line-not-in-article",
         [q('"slowly changed course" (l. 9)', '"slowly changed its mind"')],
         [f'{QUESTIONS}:10: q1 model answer: quotation "slowly changed its mind" is not in the article']),
    Case("answer-quotation-in-other-lines", [q(ROAD, '"many children died in road accidents" (l. 8)')],
         [f'{QUESTIONS}:10: q1 model answer: quotation "many children died in road accidents" '
          "is not in line 8 but in line 7"]),
    Case("answer-quotation-line-does-not-exist", [q(ROAD, '"many children died in road accidents" (l. 70)')],
         [f'{QUESTIONS}:10: q1 model answer: quotation "many children died in road accidents": '
          "line 70 does not exist (the article has 13 lines)"]),
    Case("answer-quotation-range-backwards", [q("(lines 8–9)", "(lines 9–8)")],
         [f'{QUESTIONS}:10: q1 model answer: quotation "Stop the child murder": range 9–8 runs backwards: write 8–9']),
    Case("answer-long-quotation-is-shortened",
         [q('"wide, red and car-free" (l. 11)',
            '"Today the lanes are wide, red and car-free – well, almost. Locals say it" (lines 11–12)')],
         [f'{QUESTIONS}:26: q2 model answer: quotation "Today the lanes are wide, red and car-free – well, almost.…" '
          "is not in the article"]),
    Case("answer-quotation-left-open", [q('"took over the city\'s old streets" (l. 6)', '"took over the city\'s old streets (l. 6)')],
         [f'{QUESTIONS}:10: q1 model answer: the quotation "took over the city\'s old streets … is left open: add its '
          "closing quote mark where it ends"], build=True),
    Case("answer-quotation-in-single-quotes-in-other-lines", [q(ROAD, "'many children died in road accidents' (l. 8)")],
         [f'{QUESTIONS}:10: q1 model answer: quotation "many children died in road accidents" '
          "is not in line 8 but in line 7"]),
    # -- quotations that give their lines, wherever they stand ------------------
    Case("teacher-notes-quotation-not-in-article", [q(DIED, '("many children dies", l. 7)')],
         [f'{QUESTIONS}:14: q1 teacher notes: quotation "many children dies" is not in the article'], build=True),
    Case("teacher-notes-quotation-in-other-lines", [q(DIED, '("many children died", l. 8)')],
         [f'{QUESTIONS}:14: q1 teacher notes: quotation "many children died" is not in line 8 but in line 7']),
    Case("teacher-notes-line-does-not-exist", [q("(a new policy)", "(a new policy, l. 99)")],
         [f"{QUESTIONS}:14: q1 teacher notes: line 99 does not exist (the article has 13 lines)"]),
    Case("answer-line-mention-backwards", [q("Cars ", "Cars (lines 7–6) ")],
         [f"{QUESTIONS}:10: q1 model answer: range 7–6 runs backwards: write 6–7"]),
    Case("note-text-quotation-in-other-lines", [("bikes/notes.yml", "(lines 8–9)", "(lines 7–8)")],
         ['docs/bikes/notes.yml:5: note on line 8: quotation "Stop the child murder" is not in lines 7–8 but in lines 8–9']),
    Case("note-text-line-does-not-exist", [("bikes/notes.yml", "(lines 8–9)", "(lines 8–19)")],
         ['docs/bikes/notes.yml:5: note on line 8: quotation "Stop the child murder": line 19 does not exist '
          "(the article has 13 lines)"]),
    Case("glossary-definition-quotation-not-in-article", [g('"activists" (l. 8)', '"protesters" (l. 8)')],
         ["docs/bikes/glossary.yml:16: glossary entry 'activist': quotation \"protesters\" is not in the article"]),
    Case("worksheet-page-quotation-in-other-lines", [("bikes/index.md", "people\" (l. 1)", "people\" (l. 2)")],
         ['docs/bikes/index.md:10: quotation "Amsterdam has more bicycles than people" is not in line 2 but in line 1'],
         build=True),
    Case("editors-note-quotation-in-other-lines", [("bikes/article.md", "(lines 8–9) was", "(lines 9–10) was")],
         ['docs/bikes/article.md:26: quotation "Stop the child murder" is not in lines 9–10 but in lines 8–9']),
    Case("questions-page-introduction-quotation", [q("Answer in full sentences.", 'Quote "the city" (l. 4).')],
         [f'{QUESTIONS}:1: quotation "the city" is not in line 4 but in line 6']),
    # a line added to the article: every quotation after it is one line off, and one problem says so
    Case("lines-shifted-by-one", [INSERTED],
         ["docs/bikes/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?"], build=True),
    Case("line-removed", [("bikes/article.md", "carrying children in wooden boxes, and tourists who\n", "")],
         ["docs/bikes/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?",
          f"{QUESTIONS}:20: q2: line 13 does not exist (the article has 12 lines)"]),
    Case("lines-shifted-and-a-misquotation", [INSERTED, q("slowly changed course", "slowly changed its course")],
         ["docs/bikes/article.md:14: lines after 5 seem shifted by one: was a line added or removed near 5?",
          f'{QUESTIONS}:10: q1 model answer: quotation "slowly changed its course" is not in the article']),
    Case("one-quotation-off-by-one-is-no-shift",
         [("bikes/article.md", "almost. Locals say", "Nobody planned it.\nalmost. Locals say")],
         [f'{QUESTIONS}:26: q2 model answer: quotation "the hardest part […] is finding a free place to park" '
          "is not in lines 12–13 but in lines 13–14"]),
    # -- questions ----------------------------------------------------------
    Case("duplicate-id", [q("    lines: 1–4, 11–13", "    lines: 1–4, 11–13\n    id: q1")],
         [f"{QUESTIONS}:19: question id 'q1' is already used at line 3"]),
    Case("id-not-allowed", [q("    lines: 1–4, 11–13", "    lines: 1–4, 11–13\n    id: Q Two")],
         [f"{QUESTIONS}:21: q2: id 'Q Two' must be lower-case letters, digits and hyphens"]),
    Case("unknown-option", [q("    writing-space: 3", "    writing-space: 3\n    marks: 4")],
         [f"{QUESTIONS}:22: q2: unknown option 'marks': use lines, writing-space, id, title, points, exercise"]),
    Case("points-not-a-number", [q("    writing-space: 3", "    writing-space: 3\n    points: four")],
         [f"{QUESTIONS}:22: q2: write the points as a number of points, whole or half, such as 'points: 4'"]),
    Case("points-not-a-half", [q("    writing-space: 3", "    writing-space: 3\n    points: 2.25")],
         [f"{QUESTIONS}:22: q2: write the points as a number of points, whole or half, such as 'points: 4'"]),
    Case("title-not-a-line-of-text", [q("    writing-space: 4", "    writing-space: 4\n    title: [Bikes, cars]")],
         [f"{QUESTIONS}:6: q1: write the title as a short line of text (at most 100 characters), such as "
          "'title: Should citizens be scored?'"]),
    Case("writing-space-not-a-number", [q("    writing-space: 4", "    writing-space: four")],
         [f"{QUESTIONS}:5: q1: write the writing space as a number of ruled lines, such as 'writing-space: 6'"]),
    Case("no-model-answer", [q("/// model-answer\nThere are more bikes", "There are more bikes"),
                             q("(lines 12–13).\n///\n", "(lines 12–13).\n")],
         [f"{QUESTIONS}:19: q2 has no model answer: add a '/// model-answer' block inside the question"],
         build=True),
    Case("empty-model-answer", [q(Q1_ANSWER + ' "many children died in road accidents" (l. 7). Activists protested '
                                  'with the slogan "Stop the child murder" (lines 8–9), and the council "slowly '
                                  'changed course" (l. 9).\n', "")],
         [f"{QUESTIONS}:9: q1: the model answer is empty"]),
    Case("two-model-answers", [q("/// teacher-notes\n- The ellipsis", "/// model-answer\nAgain.\n///\n\n"
                                                                        "/// teacher-notes\n- The ellipsis")],
         [f"{QUESTIONS}:29: q2: a second '/// model-answer' block (the first is at line 25)"]),
    Case("part-outside-its-question", [q("////\n\n//// question\n    lines: 1–4", "////\n\n/// teacher-notes\nMore.\n"
                                                                                   "///\n\n//// question\n    lines: 1–4")],
         [f"{QUESTIONS}:19: '/// teacher-notes' stands outside a question: put it inside the '//// question' block "
          "it belongs to"]),
    Case("question-with-three-slashes", [q("//// question\n    lines: 5–9", "/// question\n    lines: 5–9")],
         [f"{QUESTIONS}:9: q1: '/// model-answer' closes the question before its end: open the question with more "
          "slashes ('//// question')",
          f"{QUESTIONS}:13: '/// teacher-notes' stands outside a question: put it inside the '//// question' block "
          "it belongs to"]),
    Case("question-never-closed", [q("/// teacher-notes\n- The ellipsis in the model answer leaves out *of cycling "
                                     "here*.\n///\n\n////", "/// teacher-notes\n- The ellipsis.\n///\n")],
         [f"{QUESTIONS}:19: the '//// question' block is never closed: end it with a '////' line"]),
    Case("no-teacher-notes", [q("/// teacher-notes\n- The ellipsis in the model answer leaves out *of cycling here*.\n///\n", "")],
         [f"{QUESTIONS}:19: q2 has no teacher notes: add a '/// teacher-notes' block inside the question"]),
    Case("unknown-part", [q("/// teacher-notes\n- Expect", "/// notes-for-teachers\n- Expect")],
         [f"{QUESTIONS}:13: q1: unknown part '/// notes-for-teachers': did you mean '/// teacher-notes'?"]),
    Case("unknown-part-like-none", [q("/// teacher-notes\n- Expect", "/// comments\n- Expect")],
         [f"{QUESTIONS}:13: q1: unknown part '/// comments': use '/// model-answer' or '/// teacher-notes', or a "
          "block such as '/// details'"]),
    Case("options-indented-by-two-spaces", [q("    lines: 5–9\n    writing-space: 4", "  lines: 5–9\n  writing-space: 4")],
         [f"{QUESTIONS}:4: q1: indent the options by four spaces under the '//// question' line: with fewer, "
          "they show as text"]),
    Case("question-closed-by-three-slashes", [q("///\n\n////\n\n//// question\n    lines: 1–4",
                                                "///\n\n///\n\n//// question\n    lines: 1–4")],
         [f"{QUESTIONS}:17: q1: '///' ends the question opened with '////': write '////' here"]),
    Case("no-question-text", [q("How did « Parents and activists » change the city?\n\n", "")],
         [f"{QUESTIONS}:3: q1 has no question text"]),
    Case("no-questions", [q("//// question\n    lines: 5–9", "\n    lines: 5–9"),
                          q("////\n\n//// question\n    lines: 1–4", "\n\n\n    lines: 1–4")],
         [f"{QUESTIONS}: no questions: start each with a '//// question' block"] + [
          f"{QUESTIONS}:{n}: '/// {part}' stands outside a question: put it inside the '//// question' block it "
          "belongs to" for n, part in ((9, "model-answer"), (13, "teacher-notes"), (25, "model-answer"),
                                       (29, "teacher-notes"))]),
    # -- a sequence's final task --------------------------------------------
    Case("task-cites-a-worksheet-not-in-the-sequence", [s("lines: bikes:5–9, trams:1–3", "lines: bikes:5–9, boats:1–3")],
         ["docs/sequences/city-transport.md:13: final-task: 'boats:1–3' cites a worksheet this sequence does not "
          "list (it lists: bikes, trams)"], build=True),
    Case("task-line-does-not-exist", [s("trams:1–3", "trams:1–30")],
         ["docs/sequences/city-transport.md:13: final-task: trams: line 30 does not exist (the article has 6 lines)"]),
    Case("task-lines-without-worksheet", [s("lines: bikes:5–9, trams:1–3", "lines: 5–9")],
         ["docs/sequences/city-transport.md:13: final-task: '5–9' does not say which worksheet it cites: write it "
          "as 'bikes:5–9'"]),
    Case("task-quotation-in-another-documents-lines", [s("(doc. 1, l. 9)", "(doc. 2, l. 9)")],
         ['docs/sequences/city-transport.md:19: final-task model answer: quotation "slowly changed course": doc. 2: '
          "line 9 does not exist (the article has 6 lines)"]),
    Case("task-quotation-in-other-lines", [s("(doc. 1, l. 9)", "(doc. 1, l. 8)")],
         ['docs/sequences/city-transport.md:19: final-task model answer: quotation "slowly changed course" is not '
          "in doc. 1, line 8, but in line 9"]),
    Case("task-quotation-in-no-document", [s('"slowly changed course" (doc. 1, l. 9)', '"slowly changed its mind"')],
         ['docs/sequences/city-transport.md:19: final-task model answer: quotation "slowly changed its mind" is in '
          "none of the sequence's documents"]),
    Case("task-no-such-document", [s("(doc. 1, l. 9)", "(doc. 3, l. 9)")],
         ['docs/sequences/city-transport.md:19: final-task model answer: quotation "slowly changed course": there is '
          "no doc. 3 (the sequence has 2 documents)"]),
    # a misspelt worksheet: one message, not one for each of the final task's citations
    Case("sequence-names-a-worksheet-misspelt", [s("  - trams\n", "  - tram\n")],
         ["docs/sequences/city-transport.md:6: no worksheet 'tram': did you mean 'trams'?"], build=True),
    Case("sequence-names-no-such-worksheet", [s("  - trams\n", "  - trams\n  - boats\n")],
         ["docs/sequences/city-transport.md:7: no worksheet 'boats' (a folder of docs/ with an article.md; there "
          "are: bikes, trams)"]),
    # -- glossary -----------------------------------------------------------
    Case("glossary-no-definition", [g("  definition: To move from side to side in an unsteady way.\n", "")],
         ["docs/bikes/glossary.yml:7: glossary entry 'wobble' has no definition"]),
    Case("glossary-no-part-of-speech", [g("  pos: verb\n", "")],
         ["docs/bikes/glossary.yml:7: glossary entry 'wobble' has no part of speech"]),
    Case("glossary-empty-french", [g("  french: vaciller, tanguer\n", "  french: ''\n")],
         ["docs/bikes/glossary.yml:7: glossary entry 'wobble' has no French translation"]),
    Case("glossary-no-term", [g("- term: wobble\n", "- term:\n")],
         ["docs/bikes/glossary.yml:7: glossary entry has no term"]),
    Case("glossary-duplicate-entry", [g("- term: activist", WOBBLE_AGAIN + "- term: activist")],
         ["docs/bikes/glossary.yml:13: duplicate glossary entry 'wobble' (first at line 7)"], build=True),
    Case("glossary-form-in-two-entries", [g("[wobbles, wobbling]", "[wobbles, commuters]")],
         ["docs/bikes/glossary.yml:7: glossary entry 'wobble': 'commuters' already belongs to 'commuter' (line 1)"]),
    Case("glossary-entry-used-nowhere", [g("- term: activist", TULIP + "- term: activist")],
         ["docs/bikes/glossary.yml:13: warning: glossary entry 'tulip' occurs nowhere in the article or the questions"],
         kind="warning", build=True),
    Case("glossary-term-defined-differently-elsewhere",
         [("trams/glossary.yml", "  definition: Someone who travels to work and back every day.",
           "  definition: A person who travels to work.")],
         ["docs/trams/glossary.yml:1: warning: glossary entry 'commuter' is defined differently in "
          "docs/bikes/glossary.yml (line 1)"], kind="warning", build=True),
    # -- notes --------------------------------------------------------------
    Case("note-phrase-not-in-its-line", [("bikes/notes.yml", "line: 8", "line: 7")],
         ['docs/bikes/notes.yml:1: note on line 7: "Stop the child murder" is not in that line but in lines 8–9']),
    Case("note-one-line-above-its-phrase", [("trams/notes.yml", "line: 3", "line: 2")],
         ['docs/trams/notes.yml:1: note on line 2: "for free" is not in that line but in line 3']),
    Case("note-line-does-not-exist", [("bikes/notes.yml", "line: 8", "line: 80")],
         ["docs/bikes/notes.yml:1: note on line 80: line 80 does not exist (the article has 13 lines)"]),
    # -- the fields of glossary.yml and notes.yml, by type (worksheet/schema.py) --------
    Case("glossary-definition-a-number", [g("  definition: To move from side to side in an unsteady way.",
                                            "  definition: 42")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': the definition must be text, not a number (42): "
          "put it in quotes if you mean it as text"], build=True),
    Case("glossary-definition-a-list", [g("  definition: To move from side to side in an unsteady way.",
                                          "  definition: [a, b]")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': the definition must be text, not a list ([a, b])"]),
    Case("glossary-forms-not-a-list", [g("[wobbles, wobbling]", "wobbles, wobbling")],
         ["docs/bikes/glossary.yml:8: glossary entry 'wobble': 'forms: wobbles, wobbling' reads as one form: write "
          "the forms as a list, 'forms: [wobbles, wobbling]'"]),
    Case("glossary-field-misspelt", [g("  definition: To move", "  defintion: To move")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': unknown field 'defintion': did you mean 'definition'?"]),
    Case("glossary-unknown-field", [g("  pos: verb\n", "  pos: verb\n  colour: red\n")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': unknown field 'colour': a glossary entry has term, "
          "forms, not-forms, pos, definition, french, classroom-only"]),
    # -- a word of the text sharing a term's stem ----------------------------
    Case("glossary-word-of-the-same-stem", [g("  forms: [commuters]\n", "  forms: []\n")],
         ["docs/bikes/glossary.yml:1: warning: glossary entry 'commuter' occurs nowhere in the article or the questions",
          "docs/bikes/glossary.yml:1: warning: glossary entry 'commuter': 'commuters' (l. 2) in the article shares its "
          "stem but is not among its forms: add it to 'forms', or to 'not-forms' if it is another word"],
         kind="warning"),
    Case("glossary-not-forms-silence-a-false-friend", [g("  forms: [commuters]\n", "  forms: []\n  not-forms: [commuters]\n")],
         ["docs/bikes/glossary.yml:1: warning: glossary entry 'commuter' occurs nowhere in the article or the questions"],
         kind="warning"),
    # -- the language of a worksheet ----------------------------------------
    Case("unknown-language", [("bikes/index.md", "time: 30 minutes\n", "time: 30 minutes\nlanguage: esp\n")],
         ["docs/bikes/index.md:6: language 'esp' is not one the site knows: write one of en, fr, es, de, it"], build=True),
    Case("note-phrase-cuts-a-word", [("bikes/notes.yml", "phrase: Stop the child murder", "phrase: Stop the child mur")],
         ['docs/bikes/notes.yml:1: note on line 8: "Stop the child mur" is not in that line']),
    Case("glossary-classroom-only-not-a-flag", [g("  pos: verb\n", "  pos: verb\n  classroom-only: teachers\n")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': 'classroom-only' must be true or false, not teachers"]),
    Case("note-line-not-a-number", [("bikes/notes.yml", "line: 8", "line: eight")],
         ["docs/bikes/notes.yml:1: note: the line must be a line number, such as 12, not eight"]),
    Case("note-field-misspelt", [("bikes/notes.yml", "  phrase: Stop", "  phrse: Stop")],
         ["docs/bikes/notes.yml:2: note on line 8: unknown field 'phrse': did you mean 'phrase'?"]),
    Case("note-classroom-only-with-underscore", [("bikes/notes.yml", "  phrase: Stop",
                                                  "  classroom_only: true\n  phrase: Stop")],
         ["docs/bikes/notes.yml:2: note on line 8: unknown field 'classroom_only': did you mean 'classroom-only'?"]),
    # -- the home page, links to a line, a folder that is not quite a worksheet -----------------
    Case("home-page-quotation-in-other-lines",
         [("index.md", "# Worksheets for the tests\n", '# Worksheets for the tests\n\nQuote the text with its line: '
                                                       '"Amsterdam has more bicycles than people" (l. 2).\n')],
         ['docs/index.md:7: quotation "Amsterdam has more bicycles than people" is not in line 2 of any article but '
          "in line 1 of docs/bikes/article.md"], build=True),
    Case("link-to-a-line-that-does-not-exist", [("bikes/index.md", "city of bicycles.", "city of [bicycles](article.md#L31).")],
         ["docs/bikes/index.md:8: the link to 'article.md#L31': line 31 does not exist (the article has 13 lines)"],
         build=True),
    Case("link-from-a-sequence-to-a-line-that-does-not-exist",
         [s("Two cities, two ways", "Two [cities](../trams/article.md#L9), two ways")],
         ["docs/sequences/city-transport.md:9: the link to '../trams/article.md#L9': line 9 does not exist "
          "(the article has 6 lines)"]),
    Case("link-from-a-model-answer-to-a-line-that-does-not-exist", [q("(l. 6) and", "([l. 6](article.md#L60)) and")],
         [f"{QUESTIONS}:10: the link to 'article.md#L60': line 60 does not exist (the article has 13 lines)"]),
    Case("worksheet-folder-with-only-an-index",
         [("boats/index.md", "", "---\ntitle: Boats on the canals\nlevel: A2–B1\n---\n\nA worksheet to come.\n")],
         ["docs/boats/index.md: this folder has no article.md, so it is no worksheet: add its article.md (the text, "
          "in a ```article block), questions.md and glossary.yml"], build=True),
    # -- what is still to write ---------------------------------------------
    Case("todo-in-a-model-answer", [q("Cars ", "TODO. Cars ")],
         [f"{QUESTIONS}:10: q1: TODO: write the model answer"], build=True),
    Case("todo-lines", [q("    lines: 5–9", "    lines: TODO")],
         [f"{QUESTIONS}:4: q1: TODO: write the lines it draws on (lines: 25–29, 30–36)"]),
    Case("todo-in-a-definition", [g("  definition: To move from side to side in an unsteady way.", "  definition: TODO")],
         ["docs/bikes/glossary.yml:10: glossary entry 'wobble': TODO: write its definition"]),
    Case("todo-in-a-worksheets-facts", [("bikes/index.md", "level: A2–B1", "level: TODO")],
         ["docs/bikes/index.md:3: TODO: write the worksheet's level (such as B1–B2)"]),
    Case("todo-in-the-facts-of-a-file-with-a-byte-order-mark",
         [("bikes/index.md", "---\ntitle:", "\ufeff---\ntitle:"), ("bikes/index.md", "level: A2–B1", "level: TODO")],
         ["docs/bikes/index.md:3: TODO: write the worksheet's level (such as B1–B2)"]),
    Case("todo-in-a-note", [("bikes/notes.yml", "founded in 1973", "founded in TODO")],
         ["docs/bikes/notes.yml:4: note on line 8: TODO: write the note"]),
    # -- unreadable input: one line naming the file ---------------------------
    Case("broken-glossary-yaml", [g("forms: [commuters]", "forms: [commuters")],
         ["docs/bikes/glossary.yml:2: invalid YAML: the list opened with '[' on this line is not closed with ']'"],
         kind="unreadable", build=True),
    Case("glossary-yaml-text-after-a-quote", [g("  definition: To move from", '  definition: "To move" from')],
         ["docs/bikes/glossary.yml:10: invalid YAML: the value goes on after its closing quote: put the whole value "
          "in quotes"], kind="unreadable"),
    Case("glossary-yaml-field-not-lined-up", [g("  pos: verb\n", "   pos: verb\n")],
         ["docs/bikes/glossary.yml:9: invalid YAML: this line does not line up with the one above it: indent every "
          "field of an entry alike"], kind="unreadable"),
    Case("glossary-yaml-colon-in-a-value", [g("To move from side to side", "To move: from side to side")],
         ["docs/bikes/glossary.yml:10: invalid YAML: a colon and a space inside a value: put the value in quotes"],
         kind="unreadable"),
    Case("glossary-quote-never-closed", [g("  definition: To move", '  definition: "To move')],
         ["docs/bikes/glossary.yml:10: invalid YAML: the quote that opens here is not closed"], kind="unreadable"),
    Case("notes-quote-closed-by-a-later-one", [("bikes/notes.yml", "phrase: Stop", 'phrase: "Stop')],
         ["docs/bikes/notes.yml:2: invalid YAML: the quote that opens here is not closed"], kind="unreadable"),
    Case("front-matter-quote-never-closed", [("bikes/article.md", "kicker: Cities", 'kicker: "Cities')],
         ["docs/bikes/article.md:2: invalid front matter: the quote that opens here is not closed"], kind="unreadable"),
    Case("broken-front-matter", [("bikes/article.md", "kicker: Cities", "kicker: [Cities")],
         ["docs/bikes/article.md:2: invalid front matter: the list opened with '[' on this line is not closed with "
          "']'"], kind="unreadable"),
    Case("front-matter-not-closed", [("bikes/index.md", "time: 30 minutes\n---\n", "time: 30 minutes\n")],
         ["docs/bikes/index.md:1: front matter is not closed by a '---' line"], kind="unreadable"),
    Case("no-article-block", [("bikes/article.md", "```article", "```")],
         ["docs/bikes/article.md: no ```article block: the article text must stand in one"], kind="unreadable"),
]


def broken_library(folder: Path, edits: list[Edit]) -> Path:
    """A project in ``folder`` (the project's configuration and theme, the tiny
    library as docs/) with ``edits`` applied; returns the folder."""
    project(folder)
    for name, old, new in edits:
        path = folder / "docs" / name
        if not path.exists() and old == "":  # a new file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            continue
        source = path.read_text(encoding="utf-8")
        assert source.count(old) == 1, f"{old!r} should stand once in {name}"
        path.write_text(source.replace(old, new), encoding="utf-8")
    return folder


def run_check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """``python scripts/check.py --docs docs ...`` run from ``folder``."""
    return subprocess.run([sys.executable, str(CHECK), "--docs", "docs", *args], cwd=folder, capture_output=True, text=True)


def test_the_tiny_library_is_clean(tmp_path):
    result = run_check(broken_library(tmp_path, []))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_the_checker_reports_the_rule(case, tmp_path):
    result = run_check(broken_library(tmp_path, case.edits))
    assert result.stdout.splitlines() == case.expected
    assert result.returncode == (0 if case.kind == "warning" else 1)
    assert result.stderr == ""


BUILD_CASES = [c for c in CASES if c.build]


@pytest.fixture(scope="module")
def strict_builds(tmp_path_factory):
    """Every build case built with --strict, in parallel."""
    def build(case):
        return strict_build(broken_library(tmp_path_factory.mktemp(case.id), case.edits))

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(zip((c.id for c in BUILD_CASES), pool.map(build, BUILD_CASES)))


@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda c: c.id)
def test_the_rule_stops_a_strict_build(case, strict_builds):
    result = strict_builds[case.id]
    assert result.returncode == 1
    log = log_of(result)
    if case.kind == "warning":
        assert [line.split(" - ", 1)[1].strip() for line in log.splitlines() if line.startswith("WARNING")] == \
            [f"worksheet: {line}" for line in case.expected]
        assert "Aborted with 1 warnings in strict mode!" in log
    else:
        listing = log.split(f"The worksheets have {len(case.expected)} problem(s):\n", 1)[1].splitlines()
        assert listing[: len(case.expected)] == [f"  {line}" for line in case.expected]


def test_the_build_lists_what_the_checker_prints(tmp_path):
    """Many problems at once: the build's listing is the checker's output."""
    edits = [
        q("lines: 5–9", "lines: 5–90"),
        q("the hardest part of cycling here", "the worst part of cycling here"),
        q(ROAD, '"many children died in road accidents" (l. 8)'),
        g("  pos: verb\n", ""),
        ("bikes/notes.yml", "line: 8", "line: 80"),
        s("(doc. 1, l. 9)", "(doc. 1, l. 8)"),
    ]
    root = broken_library(tmp_path, edits)
    printed = run_check(root).stdout.splitlines()
    assert len(printed) == len(edits)
    assert printed == sorted(printed, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    listing = log_of(strict_build(root)).split(f"The worksheets have {len(edits)} problem(s):\n", 1)[1]
    assert listing.splitlines()[: len(edits)] == [f"  {line}" for line in printed]


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
    (q("lines: 5–9", "lines: 5–7, 8–9"), "a quotation running from one cited range into the next"),
    (q(ROAD, '"many children died in road accidents" (line 7)'), "(line 7)"),
    (q(ROAD, '"many children died in road accidents" (7)'), "(7)"),
    (q(ROAD, '"many children died in road accidents" (lines 6–7)'), "(lines 6–7)"),
    (q(ROAD, '"many children died in road accidents" (ll. 7-8)'), "(ll. 7-8)"),
    (q(ROAD, '"many children died in road accidents", l. 7'), ", l. 7"),
    (q(ROAD, '"many children died in road accidents"'), "no line given"),
    (q(ROAD, '<span class="x">many children died</span>'), "an HTML attribute is no quotation"),
    (q("(a new policy)", '(a new policy: "Stop de Kindermoord")'), "a teacher note's quotation without a line"),
    (("bikes/notes.yml", "founded in 1973", "founded (1973)"), "a year in brackets, no line"),
    (("bikes/index.md", "(l. 1).", '(l. 1). Not `"a quotation" (l. 99)`.'), "code in a page"),
    (("bikes/index.md", "(l. 1).", '(l. 1).\n\n```\n"Not a quotation" (lines 2–99)\n```'), "a code block in a page"),
    (q("Answer in full sentences.", 'Answer in full sentences.\n\n```\nAn example:\n\n"Not a quotation" (l. 99)\n```'),
     "a code block with a blank row on the questions page"),
    (g("change, like", "change (like"), "a quotation in a definition"),
    (s("(doc. 1, l. 9)", "(document 1, line 9)"), "a document named in full"),
    (("index.md", "# Worksheets for the tests\n", '# Worksheets for the tests\n\nQuote "a bicycle wheel can slip" '
                                                 '(ll. 5–6), "Every morning" (ll. 1–2) or [line 4](bikes/article.md#L4).\n'),
     "a quotation of any article on the home page, and a link to a line"),
    (("extra/index.md", "", "---\ntitle: About\n---\n\nA page of no worksheet.\n"), "a folder of other pages"),
    (q(ROAD, "'many children died in road accidents' (l. 7)"), "single quotes, as in British English"),
    (q("- Expect the cause", "- It's the students' turn, and the 'experts' too: expect the cause"),
     "apostrophes, and words in single quotes with no line"),
    (q("change the city?", 'change the city?\n\n!!! tip "Hint"\n    Think of the slogan.'), "an admonition's title"),
    (q("/// model-answer\nCars", '/// details | Hint\nThink of "the slogan" (lines 8–9).\n///\n\n/// model-answer\nCars'),
     "a details block in a question"),
    (q("/// teacher-notes\n- Expect", "/// classroom-only\nA hint for the class only.\n///\n\n/// teacher-notes\n- Expect"),
     "a classroom-only block in a question"),
]


@pytest.mark.parametrize("edit,why", MATCHING, ids=[why for _, why in MATCHING])
def test_quotations_match_despite(edit, why, tmp_path):
    result = run_check(broken_library(tmp_path, [edit]))
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize("mention,label", [("(8)", "line 8"), ("(line 8)", "line 8"), ("(ll. 8-9)", "lines 8–9"),
                                           ("(lines 9–10)", "lines 9–10"), (", l. 8", "line 8"), ("(ligne 8)", "line 8"),
                                           ("(líneas 8-9)", "lines 8–9"), ("(renglón 8)", "line 8"),
                                           ("(Z. 8 f.)", "lines 8–9"), ("(Zeile 8)", "line 8"), ("(riga 8)", "line 8"),
                                           ("(rr. 8–9)", "lines 8–9")])
def test_a_line_given_beside_an_answer_quotation_is_checked(mention, label, tmp_path):
    result = run_check(broken_library(tmp_path, [q(ROAD, f'"many children died in road accidents"{mention}')]))
    assert result.stdout.splitlines() == [
        f'{QUESTIONS}:10: q1 model answer: quotation "many children died in road accidents" '
        f"is not in {label} but in line 7"
    ]


BROKEN_LINKS = [
    (("bikes/index.md", "A tiny worksheet", "A [tiny](articel.md) worksheet"),
     "Doc file 'bikes/index.md' contains a link 'articel.md', but the target 'bikes/articel.md' is not found "
     "among documentation files."),
    (q("leaves out *of cycling here*.", "leaves out [a phrase](glossary.md#no-such-entry)."),
     "Doc file 'bikes/questions.md' contains a link 'glossary.md#no-such-entry', but the doc 'bikes/glossary.md' "
     "does not contain an anchor '#no-such-entry'."),
]


def test_broken_links_and_anchors_fail_a_strict_build(tmp_path):
    """MkDocs' own link and anchor validation: the checker has nothing to say,
    the strict build stops with one warning per broken link."""
    root = broken_library(tmp_path, [edit for edit, _ in BROKEN_LINKS])
    assert run_check(root).returncode == 0
    result = strict_build(root)
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    # The question's text also stands on the printed sheet: said there at its file and line.
    on_sheet = ("worksheet: docs/bikes/questions.md:30: contains a link 'glossary.md#no-such-entry', but the doc "
                "'bikes/glossary.md' does not contain an anchor '#no-such-entry'.")
    assert warnings == [f"WARNING -  {warning}" for _, warning in BROKEN_LINKS] + [f"WARNING -  {on_sheet}"]
    assert f"Aborted with {len(BROKEN_LINKS) + 1} warnings in strict mode!" in log_of(result)


def test_a_sequence_naming_a_worksheet_with_an_underscore_gets_one_message(tmp_path):
    """``ai_act`` for the folder ``ai-act``: one message, with the folder it
    probably means, and none for the final task that cites it."""
    root = broken_library(tmp_path, [s("  - trams\n", "  - city_trams\n"), s("trams:1–3", "city-trams:1–3")])
    (root / "docs" / "trams").rename(root / "docs" / "city-trams")
    result = run_check(root)
    assert result.stdout.splitlines() == [
        "docs/sequences/city-transport.md:6: no worksheet 'city_trams': did you mean 'city-trams'?"]
    assert result.returncode == 1
