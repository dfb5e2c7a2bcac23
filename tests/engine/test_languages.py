"""The language of a worksheet's text, rule by rule: which words mention a
line, which marks quote, what a glossary term matches and which words share
its stem, and where the site's default comes from."""

from __future__ import annotations

import pytest
from check import site_language
from worksheet.glossary import Entry, Glossary, slugify
from worksheet.language import LANGUAGES, read_language, site_default
from worksheet.quotes import find_quotations, left_open
from worksheet.refs import find_mentions
from worksheet.stems import unlisted_forms


@pytest.mark.parametrize("prose,lines", [
    ("(l. 12)", (12, 12)), ("ll. 4-6", (4, 6)), ("lines 4–6", (4, 6)),          # English
    ("ligne 3", (3, 3)), ("lignes 3 à 5", (3, 3)),                               # French: "à" ends the range
    ("línea 12", (12, 12)), ("líneas 4-6", (4, 6)), ("lineas 4-6", (4, 6)), ("renglón 7", (7, 7)),  # Spanish
    ("Z. 4", (4, 4)), ("Z. 4 f.", (4, 5)), ("Z. 4 ff.", (4, 6)), ("Zeilen 4–6", (4, 6)),  # German
    ("riga 2", (2, 2)), ("righe 2-3", (2, 3)), ("r. 2", (2, 2)), ("rr. 2-3", (2, 3)),  # Italian
])
def test_a_line_is_mentioned_in_every_language(prose, lines):
    [(start, end, found)] = find_mentions(f"Voir {prose}.")
    assert (found.first, found.last) == lines


@pytest.mark.parametrize("prose", ["Mr. 5 came", "the Zr. 40 alloy", "Dr. 3", "triga 4", "underlines 5"])
def test_a_word_ending_like_a_mention_is_none(prose):
    assert find_mentions(prose) == []


@pytest.mark.parametrize("prose,language,quoted", [
    ("Er sagt »Was ist das?« und geht.", "de", ["Was ist das?"]),
    ("Er sagt »Was ist das?« und geht.", "en", []),
    ("Er sagt ›nein‹.", "de", ["nein"]),
    ("Er sagt „ja“ und „nein”.", "en", ["ja", "nein"]),
    ("Il dit\u00a0«\u202fbonjour\u202f» puis ‹ salut ›.", "fr", ["bonjour", "salut"]),
    ("«Haus» und »Baum«", "de", ["Haus", "Baum"]),
])
def test_each_language_quotes_with_its_marks(prose, language, quoted):
    assert [q.text for q in find_quotations(prose, language=language)] == quoted


@pytest.mark.parametrize("prose,language,opened", [
    ("«Haus» und »Baum« und „Weg“.", "de", None),
    ("„Haus“ and “home”.", "en", None),
    ("»Haus und «Baum»", "de", None),  # a » « never closed: not read as one in German either
    ("“Haus and “home”.", "en", 0),
    ("Die „Straße“ und « Weg", "de", 17),
    ("Die „Straße und der Weg.", "de", 4),
    ("Er sagt ‹nein und geht.", "de", 8),
])
def test_a_quotation_left_open_is_found_in_every_language(prose, language, opened):
    assert left_open(prose, language) == opened


def entry(term: str, forms=(), not_forms=()) -> Entry:
    return Entry(term, list(forms), "n", "d", "f", 1, not_forms=list(not_forms))


@pytest.mark.parametrize("term,text,found", [
    ("año", "el año pasado", ["año"]),
    ("año", "la añoranza", []),
    ("niño", "los niños", []),
    ("über", "über Nacht", ["über"]),
    ("Straße", "die Straßenbahn", []),
    ("Straße", "die Straße.", ["Straße"]),
    ("señor", "vuestro Señor", ["Señor"]),
    ("école", "l'école", ["école"]),
])
def test_glossary_terms_match_whole_words_whatever_their_letters(term, text, found):
    assert [text[m.start:m.end] for m in Glossary("g.yml", [entry(term)], []).find(text)] == found


def test_a_word_sharing_a_terms_stem_is_named_unless_it_is_a_form_or_a_false_friend():
    text = "Estaba prohibido, y se prohibían los sueños; el prior lo prohibía."
    glossary = Glossary("g.yml", [entry("prohibir", forms=["prohibía"])], [])
    assert unlisted_forms(glossary, text, "es") == {"prohibir": [("prohibido", 7), ("prohibían", 23)]}
    glossary = Glossary("g.yml", [entry("prohibir", forms=["prohibía", "prohibido"], not_forms=["prohibían"])], [])
    assert unlisted_forms(glossary, text, "es") == {}


def test_stems_follow_the_language_of_the_text():
    glossary = Glossary("g.yml", [entry("Traum")], [])
    assert unlisted_forms(glossary, "aus unruhigen Träumen", "de") == {"Traum": [("Träumen", 14)]}
    assert unlisted_forms(glossary, "aus unruhigen Träumen", "en") == {}


def test_a_term_with_a_sharp_s_has_an_address():
    assert slugify("Straße") == "strasse"
    assert slugify("ñandú") == "nandu"


def test_a_worksheet_names_its_language_or_takes_the_sites():
    assert read_language({"language": "ES"}, "index.md", 4, "en") == ("es", [])
    assert read_language({}, "index.md", 1, "de") == ("de", [])
    code, problems = read_language({"language": "Spanish"}, "docs/x/index.md", 4, "en")
    assert code == "en"
    assert [str(p) for p in problems] == ["docs/x/index.md:4: language 'Spanish' is not one the site knows: "
                                          "write one of en, fr, es, de, it"]
    assert set(LANGUAGES) == {"en", "fr", "es", "de", "it"}


def test_the_sites_default_comes_from_the_plugin_else_the_theme(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'x']\ntheme:\n  name: material\n  language: de\n"
                      "plugins:\n  - search\n  - worksheet:\n      language: es\n", encoding="utf-8")
    assert site_language(config) == "es"
    config.write_text("theme:\n  name: material\n  language: de\nplugins:\n  - worksheet\n", encoding="utf-8")
    assert site_language(config) == "de"
    config.write_text("theme:\n  name: material\n  language: pt\n", encoding="utf-8")
    assert site_language(config) == "en"
    assert site_default(None, "fr") == "fr"
    assert site_language(tmp_path / "missing.yml") == "en"
