"""The interface's tables (scripts/worksheet/interface/*.yml): every
language has the English table's keys and {names}; a table that lacks one
stops the build naming the file and the key; a hand-in or feedback file
written under one interface language is read under another."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, log_of, node_eval, project, strict_build
from worksheet.interface_text import FOLDER, InterfaceTextError, languages, load

HAND_IN = ROOT / "overrides" / "assets" / "js" / "hand-in-file.js"
PROVIDED = ["de", "en", "es", "fr"]


def test_english_french_spanish_and_german_are_provided():
    assert languages() == PROVIDED


@pytest.mark.parametrize("language", PROVIDED)
def test_each_table_has_the_english_keys_and_names(language):
    english, table = load("en"), load(language)  # load() refuses a table that differs
    assert table.texts.keys() == english.texts.keys()


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_each_translation_translates(language):
    """Most texts differ from the English ones: a table is not a copy."""
    english, table = load("en").texts, load(language).texts
    same = [key for key in english if english[key] == table[key]]
    assert len(same) < len(english) / 10, same


def test_plurals_follow_the_language():
    assert load("en").t("answers.words", count=0) == "0 words"
    assert load("en").t("answers.words", count=1) == "1 word"
    assert load("fr").t("answers.words", count=0) == "0 mot"
    assert load("fr").t("answers.words", count=2) == "2 mots"
    assert load("de").t("card.lines", count=1) == "1 Zeile"


def copy_of_tables(tmp_path: Path) -> Path:
    folder = tmp_path / "interface"
    shutil.copytree(FOLDER, folder)
    return folder


def test_a_missing_key_names_the_file_and_the_key(tmp_path):
    folder = copy_of_tables(tmp_path)
    path = folder / "fr.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  label: Votre réponse\n", ""), encoding="utf-8")
    with pytest.raises(InterfaceTextError) as error:
        load("fr", folder)
    assert str(error.value) == f"{path}: no text for 'answers.label' (in en.yml: 'Your answer')"


def test_a_key_english_lacks_and_a_lost_name_are_named(tmp_path):
    folder = copy_of_tables(tmp_path)
    path = folder / "es.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  downloaded: "Descargado: {file}"', '  downloaded: "Descargado"\n  downloded: "Descargado: {file}"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InterfaceTextError) as error:
        load("es", folder)
    assert str(error.value).splitlines() == [
        f"{path}: 'hand_in.downloded' is not a key of en.yml",
        f"{path}: 'hand_in.downloaded' should use ['file'], as en.yml does, not none"]


def test_a_language_without_a_table_stops_the_build(tmp_path):
    project_folder = project(tmp_path / "project")
    config = project_folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: it"), encoding="utf-8")
    assert "language: it" in config.read_text(encoding="utf-8")
    result = strict_build(project_folder)
    assert result.returncode == 1
    assert "theme.language is 'it', and no interface table it.yml exists" in log_of(result)
    assert "provided are de, en, es, fr" in log_of(result)


HEAD = {"worksheet": "bikes", "title": "Bikes", "text": "abc", "name": "Léa", "class": "2nde 3", "written": "x"}
SECTIONS = [{"id": "q1", "title": "Question 1", "question": "Why?", "written": "t", "text": "Because."},
            {"id": "q2", "title": "Question 2", "question": "How?", "written": "", "text": ""}]


@pytest.mark.node
@pytest.mark.parametrize("written_in, read_in", [("fr", "en"), ("en", "de"), ("es", "fr"), ("de", "es")])
def test_a_hand_in_file_written_under_one_interface_is_read_under_another(written_in, read_in):
    text = node_eval(HAND_IN, "m.write('answers', data.head, data.sections)", {"head": HEAD, "sections": SECTIONS},
                     language=written_in)
    assert text.splitlines()[0] == "Worksheet answers: hand-in file, format 1"  # the format's name never changes
    assert load(written_in).t("hand_in.no_answer") in text  # the human line is in the writer's language
    read = node_eval(HAND_IN, "m.read(data)", text, language=read_in)
    assert dict(read["head"]) == HEAD
    assert [(s["id"], s["text"]) for s in read["sections"]] == [("q1", "Because."), ("q2", "")]


@pytest.mark.node
def test_a_file_refused_says_why_in_the_interface_language():
    said = node_eval(HAND_IN, "(() => { try { m.read(data); return null } catch (e) { return e.message } })()",
                     "Worksheet answers: hand-in file, format 1\nworksheet: bikes\n\n[q1] Q\n| a\n\n[q1] Q\n| b\n",
                     language="fr")
    assert said == "ligne 7\u00a0: la question [q1] figure deux fois"
