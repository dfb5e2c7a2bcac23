"""A worksheet's cards as an Anki deck (``.apkg``), made with genanki.

One note per term, its fields the term, its part of speech, its French, its
definition, the line of the text where it occurs and that line's number;
tagged with the worksheet's folder. The note type's and the deck's ids, and
each note's GUID, come from the worksheet's folder and the term, so that
importing a newer deck updates the notes a student already has instead of
adding copies.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
import zipfile

import genanki

from .flashcards import Card

ZIP_EPOCH = 315532800  # 1980-01-01, the first date a zip can hold
FIELDS = ["Term", "PartOfSpeech", "French", "Definition", "Line", "Context"]
FRONT = '<div class="term" lang="{{Language}}">{{Term}}</div><div class="pos">{{PartOfSpeech}}</div>'
BACK = ('{{FrontSide}}<hr id="answer"><div class="french" lang="fr">{{French}}</div>'
        '<div class="definition" lang="{{Language}}">{{Definition}}</div>'
        '{{#Context}}<div class="context" lang="{{Language}}">line {{Line}}: “{{Context}}”</div>{{/Context}}')
CSS = (".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
       ".term { font-size: 28px; font-weight: bold; } .pos { font-style: italic; color: #666; }\n"
       ".context { margin-top: 1em; font-size: 16px; color: #444; }\n")


def stable_id(*parts: str) -> int:
    """An id for Anki, the same on every build: from 2^30 to 2^31, as genanki advises."""
    digest = hashlib.sha256("\x1f".join(("study-site", *parts)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _tag(worksheet: str) -> str:
    """Anki splits tags on spaces."""
    return "_".join(worksheet.split()) or "worksheet"


def deck(cards: list[Card], *, worksheet: str, title: str) -> genanki.Deck:
    """The deck of ``cards``, named "Vocabulary: <title>"."""
    model = genanki.Model(
        stable_id("model", worksheet), f"Study site vocabulary ({worksheet})",
        fields=[{"name": name} for name in [*FIELDS, "Language"]],
        templates=[{"name": "Term → meaning", "qfmt": FRONT, "afmt": BACK}], css=CSS)
    out = genanki.Deck(stable_id("deck", worksheet), f"Vocabulary: {title}")
    for card in cards:
        out.add_note(genanki.Note(
            model=model, guid=genanki.guid_for("study-site", card.id), tags=[_tag(card.worksheet)],
            fields=[_html(card.term), _html(card.pos), _html(card.french), _html(card.definition),
                    str(card.line) if card.line else "", _html(card.context), card.language]))
    return out


def apkg_bytes(cards: list[Card], *, worksheet: str, title: str, timestamp: float) -> bytes:
    """The ``.apkg`` file of the deck, the same bytes for the same cards and
    ``timestamp`` (seconds since 1970): the notes' time of change, which
    must grow when they change, for Anki to take a newer deck's notes over
    the ones a student has."""
    handle, path = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(deck(cards, worksheet=worksheet, title=title)).write_to_file(path, timestamp=timestamp)
        with zipfile.ZipFile(path) as written:
            members = [(name, written.read(name)) for name in written.namelist()]
    finally:
        os.remove(path)
    # The zip's own dates are the file's, written now: they take the timestamp's instead.
    out = io.BytesIO()
    when = time.gmtime(max(timestamp, ZIP_EPOCH))[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            package.writestr(zipfile.ZipInfo(name, date_time=when), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _html(text: str) -> str:
    """Anki's fields are HTML: the text shown as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
