"""No words of the interface are left outside its tables: the templates'
text and labels, and the strings the scripts show, come from ``t("key")``
(scripts/worksheet/interface/*.yml). A word written straight into a
template or a script fails, named by file and line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from support import ROOT
from worksheet.interface_text import load

KEYS = load("en").texts.keys()

OVERRIDES = ROOT / "overrides"
TEMPLATES = sorted(OVERRIDES.glob("*.html")) + sorted((OVERRIDES / "partials").rglob("*.html"))
#: The site's scripts; vendor/ holds others' code, search-worker.js runs apart from the page.
SCRIPTS = sorted(p for p in (OVERRIDES / "assets" / "js").glob("*.js") if p.name != "search-worker.js")
#: Attributes a person reads or hears.
SAID = {"aria-label", "title", "placeholder", "alt", "aria-description"}
WORD = re.compile(r"[^\W\d_]{2,}")
#: Where a script puts a string before a person: the start of an expression that shows it.
SHOWN = re.compile(
    r"""(?:\.(?:textContent|innerText|title|placeholder|label)\s*=(?!=)
          |setAttribute\(\s*"(?:aria-label|title|placeholder|alt|aria-description)"\s*,
          |\b(?:alert|confirm|prompt|createTextNode|status|dropStatus|tell)\(
          |new\ Error\(
          |\bnotes\.push\(
          |\bel\([^,()]*,[^,()]*,
          |\btext:)""", re.VERBOSE)
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
#: What names a part of the page, not words shown: attribute names, selectors, property names.
NAMING = re.compile(r'\b(?:getAttribute|hasAttribute|querySelector|querySelectorAll|closest|matches)\(\s*"[^"]*"\s*\)'
                    r'|\["[^"]*"\]|\.scope\s*=\s*"[^"]*"')
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def blanked(source: str) -> str:
    """The template without its Jinja (a value stands as "x"), each line kept where it was."""
    return JINJA.sub(lambda m: "\n" * m.group().count("\n") + ("x" if m.group().startswith("{{") else ""), source)


class _Words(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.raw = 0  # inside <style> or <script>

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.raw += 1
        for name, value in attrs:
            if name in SAID and value and WORD.search(value):
                self.found.append((self.getpos()[0], f'{name}="{value}"'))

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.raw -= 1

    def handle_data(self, data):
        if not self.raw and WORD.search(data):
            self.found.append((self.getpos()[0], data.strip()))


def template_words(path: Path) -> list[str]:
    parser = _Words()
    parser.feed(blanked(path.read_text(encoding="utf-8")))
    return [f"{path.relative_to(ROOT)}:{line}: {text!r}" for line, text in parser.found]


def script_words(path: Path) -> list[str]:
    found = []
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = row.split("//", 1)[0] if not row.lstrip().startswith("*") else ""
        for shown in SHOWN.finditer(code):
            statement = NAMING.sub("", code[shown.end():].split(";", 1)[0])
            found += [f"{path.relative_to(ROOT)}:{number}: \"{s}\"" for s in STRING.findall(statement)
                      if WORD.search(s) and s not in KEYS]
    return found


def test_no_template_writes_words_of_its_own():
    assert [w for path in TEMPLATES for w in template_words(path)] == []


def test_no_script_shows_words_of_its_own():
    assert [w for path in SCRIPTS for w in script_words(path)] == []


def test_the_scan_finds_words_where_they_stand(tmp_path):
    template = tmp_path / "t.html"
    template.write_text('{#- a comment -#}\n<p class="x">{{ t("a.b") }}</p>\n<button aria-label="Close">×</button>\n'
                        '<p>Your answer {{ n }}</p>\n<style>p { content: "x" }</style>\n', encoding="utf-8")
    script = tmp_path / "s.js"
    script.write_text('box.textContent = t("answers.label");\n// "a comment"\n'
                      'box.textContent = words + " words";\nnode.setAttribute("aria-label", "Remove " + name);\n'
                      'list.appendChild(el("p", "review-none", "No answer."));\nel("p", "review-count", " · ");\n',
                      encoding="utf-8")
    global ROOT
    root, ROOT = ROOT, tmp_path
    try:
        assert template_words(template) == ["t.html:3: 'aria-label=\"Close\"'", "t.html:4: 'Your answer x'"]
        assert script_words(script) == ['s.js:3: " words"', 's.js:4: "Remove "', 's.js:5: "No answer."']
    finally:
        ROOT = root
