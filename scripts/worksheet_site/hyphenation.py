"""Hyphenation for the PDFs, in the language of each part of the page.

Chromium hyphenates (``hyphens: auto``) only where it has a dictionary for
the language, and Debian's has none. So before a sheet is printed, each
long word of its justified prose gets soft hyphens where its language (the
``lang`` of the element it stands in, when the content gives one: the
text's) breaks it,
by LibreOffice's hyphenation patterns (the ``pyphen`` package), laid out at
the width of the page's text; then each word keeps only the soft hyphen
where its line breaks, so that the PDF's text holds no other (a reader
searching it finds the words whole).
"""

from __future__ import annotations

import functools

import pyphen

#: Shorter words are never broken.
SHORTEST = 7
#: The prose that is justified in print (print.css), whose words may break.
PROSE = ".md-typeset :is(.question-text, details.model-answer, .notes-list, .gathered-notes) :is(p, li)"
#: The width of an A4 page's text (print.css: 210 mm less two margins of 16 mm), in CSS pixels.
TEXT_WIDTH = round((210 - 2 * 16) / 25.4 * 96)
#: The text nodes of the prose, and the lang each stands in: only where the
#: content says it (the page's own is the interface's; a teacher's notes may
#: be in another language, and are left unbroken).
NODES = """(prose) => {
  const out = [];
  for (const block of document.querySelectorAll(prose)) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement.closest("[lang]");
      if (holder && holder !== document.documentElement) out.push([node, holder.getAttribute("lang")]);
    }
  }
  return out;
}"""
#: Words of each language in the prose.
COLLECT = """([prose, shortest]) => {
  const words = Object.create(null);
  for (const [node, lang] of (""" + NODES + """)(prose)) {
    for (const word of node.data.match(/\\p{L}+/gu) || []) {
      if (word.length >= shortest) (words[lang] = words[lang] || []).push(word);
    }
  }
  return words;
}"""
#: Each word given its soft hyphens; then, once laid out, each keeps only the
#: one where its line breaks, if any: the PDF's text holds no other.
APPLY = """([prose, table]) => {
  const nodes = (""" + NODES + """)(prose);
  for (const [node, lang] of nodes) {
    const forms = new Map(Object.prototype.hasOwnProperty.call(table, lang) ? table[lang] : []);
    if (forms.size) node.data = node.data.replace(/\\p{L}+/gu, (word) => forms.get(word) || word);
  }
  // Whether the line breaks at the soft hyphen at i: the letters around it stand on two lines.
  const breaks = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i - 1);
    range.setEnd(node, i + 2);
    const tops = Array.from(range.getClientRects(), (rect) => rect.top);
    return tops.length > 1 && Math.max(...tops) > Math.min(...tops) + 1;
  };
  const kept = [];
  for (const [node] of nodes) {
    const text = node.data;
    let out = "";
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== "\\u00ad") { out += text[i]; continue; }
      if (i > 0 && i + 1 < text.length && breaks(node, i)) out += text[i];
    }
    kept.push([node, out]);
  }
  for (const [node, out] of kept) node.data = out;
}"""


@functools.lru_cache(maxsize=None)
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    code = lang.replace("-", "_")
    for name in (code, code.split("_")[0]):
        if name in pyphen.LANGUAGES:
            return pyphen.Pyphen(lang=name)
    return None


def soft_hyphens(words: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
    """For each language, its words with soft hyphens where it breaks them
    (a language pyphen does not know is left alone)."""
    table = {}
    for lang, found in words.items():
        dictionary = _dictionary(lang)
        if dictionary is not None:
            table[lang] = [(word, dictionary.inserted(word, hyphen="\u00ad")) for word in sorted(set(found))]
    return table


def hyphenate(page) -> None:
    """Hyphens in the prose of a Playwright page about to be printed on A4,
    each word by its language, where its lines break."""
    size = page.viewport_size
    page.set_viewport_size({"width": TEXT_WIDTH, "height": size["height"] if size else 1000})
    page.evaluate(APPLY, [PROSE, soft_hyphens(page.evaluate(COLLECT, [PROSE, SHORTEST]))])
