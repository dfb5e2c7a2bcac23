"""A worksheet's glossary as cards to practise: each term with its French,
its definition and the line of the text where it first occurs; and the same
cards as a Quizlet import file.

The term is in the text's language (``language:`` in the worksheet's
index.md, English when it says none); the French is French whatever the text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .model import Worksheet

#: The name of each language a text may be in, as the practice pages label a card's sides.
LANGUAGES = {"en": "English", "es": "Spanish", "de": "German", "it": "Italian", "fr": "French"}


@dataclass(frozen=True)
class Card:
    id: str  # "<worksheet>/<entry slug>": the same card on the worksheet's page and the site-wide one
    worksheet: str  # the worksheet's folder
    language: str  # the term's language code: "en", "es"…
    term: str
    forms: tuple[str, ...]  # other forms the text uses
    pos: str
    definition: str
    french: str
    line: int  # the first line of the text where the term occurs; 0 when none does
    context: str  # that line's text

    def data(self) -> dict:
        return asdict(self)


def language_of(ws: Worksheet) -> str:
    return str(ws.info.get("language") or "en")


def cards(ws: Worksheet) -> list[Card]:
    """The worksheet's glossary entries as cards, in A–Z order."""
    found = ws.occurrences()
    language = language_of(ws)
    out = []
    for entry in ws.glossary.entries:
        lines = found[entry.term]["lines"]
        line = lines[0] if lines else 0
        out.append(Card(id=f"{ws.slug}/{entry.slug}", worksheet=ws.slug, language=language, term=entry.term,
                        forms=tuple(entry.forms), pos=entry.pos, definition=entry.definition,
                        french=entry.french, line=line, context=ws.article.line(line).text if line else ""))
    return out


def _field(text: str) -> str:
    """One field of a Quizlet row: a tab or a line break inside it would start
    another field or row, so each becomes a space."""
    return " ".join(text.replace("\t", " ").split())


def quizlet_text(deck: list[Card]) -> str:
    """Quizlet's import format, one card a line: the term, a tab, its
    definition (the French, then the definition in the text's language)."""
    return "".join(f"{_field(card.term)}\t{_field(f'{card.french} — {card.definition}')}\n" for card in deck)
