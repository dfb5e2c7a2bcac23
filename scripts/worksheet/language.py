"""The languages a worksheet's text may be in, and what depends on each.

A worksheet says the language of its text in its ``index.md`` front matter
(``language: es``); without it, the site's default (``mkdocs.yml``) holds.
For each language: its name, the quotation marks its writers use beside the
ones every language accepts, the words that mention a line or a document
(all of them are read in every worksheet: a French teacher's note on a
Spanish text says "l. 12" as readily as "línea 12"), and the Snowball
stemmer that tells which words of the text share a glossary term's stem.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem

#: The front matter key of index.md.
KEY = "language"
DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    code: str  # as HTML's lang attribute says it
    name: str  # in the language itself
    quotes: tuple[tuple[str, str], ...]  # (opening, closing) marks of this language only
    line_words: tuple[str, ...]  # regular expressions: the words before a line number
    document_words: tuple[str, ...]  # regular expressions: the words before a document number
    stemmer: str  # snowballstemmer's name for it


#: Quotation marks every worksheet accepts: « » (with or without French
#: spaces), “ ”, „ “ and ‹ ›; straight double quotes are read apart.
COMMON_QUOTES = (("«", "»"), ("“", "”"), ("„", "“"), ("„", "”"), ("‹", "›"))

LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", (), (r"lines?", r"ll?\."), (r"doc(?:ument)?\.?",), "english"),
    "fr": Language("fr", "Français", (), (r"lignes?", r"ll?\."), (r"doc(?:ument)?\.?",), "french"),
    "es": Language("es", "Español", (), (r"l[ií]neas?", r"rengl[oó]n(?:es)?", r"ll?\."),
                   (r"doc(?:umento)?\.?",), "spanish"),
    "de": Language("de", "Deutsch", (("»", "«"), ("›", "‹")), (r"Zeilen?", r"Z\."),
                   (r"Dok(?:ument)?\.?", r"Text"), "german"),
    "it": Language("it", "Italiano", (), (r"righe", r"riga", r"rr?\."), (r"doc(?:umento)?\.?",), "italian"),
}


def language(code: str) -> Language:
    """The language of a known code (see ``LANGUAGES``)."""
    return LANGUAGES[code]


def known() -> str:
    """The codes, as a message lists them."""
    return ", ".join(LANGUAGES)


def site_default(option: str | None, theme_language: str | None) -> str:
    """The site's default language for a text: the worksheet plugin's
    ``language`` option, else Material's ``theme.language`` when it is one of
    ``LANGUAGES``, else English."""
    for code in (option, theme_language):
        if code and str(code).lower() in LANGUAGES:
            return str(code).lower()
    return DEFAULT


def read_language(meta: dict, path: str, line: int, default: str) -> tuple[str, list[Problem]]:
    """The language a worksheet's front matter gives, else ``default``; an
    unknown one is a problem at ``path`` and ``line`` (and ``default`` holds)."""
    if KEY not in meta or meta[KEY] in (None, ""):
        return default, []
    code = str(meta[KEY]).strip()
    if code.lower() in LANGUAGES:
        return code.lower(), []
    return default, [Problem(path, line, f"language '{code}' is not one the site knows: write one of {known()}")]
