"""The site in the class's language: the real library built with
``theme.language: fr`` shows nothing of its own in English, on the Spanish
worksheet's pages, its review page and its printed sheet, in teacher mode,
with the answer boxes, their live check, handing in and marking at work;
axe finds nothing on the Spanish worksheet with a French interface; a
hand-in file made under the English interface is read under the French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support import ROOT, WCAG, axe_violations, project
from support_sites import _served
from worksheet.interface_text import PLACEHOLDER, load

pytestmark = [pytest.mark.browser, pytest.mark.node]

SHEET = "rayo-de-luna"
PAGES = [f"{SHEET}/", f"{SHEET}/article/", f"{SHEET}/questions/", f"{SHEET}/glossary/", f"{SHEET}/worksheet/"]
#: The interface's own words and labels, as a person reads or hears them.
SEEN = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const said = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
    .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a)).filter(Boolean));
  return [document.body.innerText, ...said].join('\\n');
}"""


def english_phrases() -> dict[str, re.Pattern]:
    """Each English text that French says otherwise, as the phrases between its {names}."""
    english, french = load("en").texts, load("fr").texts
    in_french = " ".join(PLACEHOLDER.sub("", form)  # a {name} is no French word
                          for text in french.values() for form in (text.values() if isinstance(text, dict) else [text]))
    found = {}
    for key, text in english.items():
        if text == french[key]:
            continue
        for form in text.values() if isinstance(text, dict) else [text]:
            for piece in PLACEHOLDER.split(form)[::2]:
                piece = piece.strip(" .,:;()“”…|")
                # A word French writes too ("Questions", "Note", "Date") is no sign of English.
                if re.search(r"[A-Za-z]{4,}", piece) and piece not in found and not re.search(
                        rf"(?<![\w-]){re.escape(piece)}(?![\w-])", in_french):
                    found[piece] = re.compile(rf"(?<![\w-]){re.escape(piece)}(?![\w-])")
    return found


PHRASES = english_phrases()


def english_in(text: str) -> list[str]:
    return sorted(piece for piece, pattern in PHRASES.items() if pattern.search(text))


@pytest.fixture(scope="session")
def french(tmp_path_factory):
    """The real library with a French interface, served: (its folder, its address)."""
    root = project(tmp_path_factory.mktemp("french"), ROOT / "docs")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en\n" in text
    config.write_text(text.replace("\n  language: en\n", "\n  language: fr\n"), encoding="utf-8")
    return _served("content-french", root)


@pytest.fixture
def teacher(browser: Browser, french):
    context = browser.new_context(base_url=french[1], accept_downloads=True, locale="fr-FR")
    context.route(lambda url: not url.startswith(french[1]), lambda route: route.abort())
    page = context.new_page()
    page.goto("?teacher=1")
    yield page
    context.close()


def test_the_check_finds_english_where_it_is():
    assert english_in("Votre réponse · Teacher mode · 3 mots") == ["Teacher mode"]
    assert english_in("Relisez les lignes 1–7") == []
    assert english_in("Reread lines 1–7") == ["Reread", "lines"]


@pytest.mark.parametrize("path", PAGES + ["review/"])
def test_no_page_of_the_spanish_worksheet_says_anything_in_english(teacher: Page, path):
    teacher.goto(path)
    teacher.wait_for_selector(".md-content")
    assert teacher.locator("html").get_attribute("lang") == "fr"
    assert english_in(teacher.evaluate(SEEN)) == []


def test_the_answer_boxes_check_hand_in_and_the_review_page_mark_in_french(teacher: Page, tmp_path):
    teacher.goto(f"{SHEET}/questions/")
    box = teacher.locator(".answer-box textarea").first
    box.fill("« palabras que no están » (l. 1) y « otras palabras inventadas » (l. 400)")
    teacher.wait_for_function("document.querySelectorAll('.answer-check li').length >= 2")
    checks = teacher.locator(".answer-check").first.inner_text()
    assert "pas dans le texte" in checks
    assert "mots" in teacher.locator(".answer-count").first.inner_text()
    teacher.locator(".hand-in [data-action=download]").click()
    assert teacher.locator(".hand-in-status").inner_text() == load("fr").t("hand_in.name_first")
    teacher.locator("#hand-in-name").fill("Léa Martin")
    teacher.locator("#hand-in-class").fill("1re B")
    with teacher.expect_download() as download:
        teacher.locator(".hand-in [data-action=download]").click()
    made = Path(download.value.path()).read_text(encoding="utf-8")
    assert made.splitlines()[0] == "Worksheet answers: hand-in file, format 1"
    assert "(pas de réponse)" in made  # its human lines in French, its keys as ever
    assert english_in(teacher.evaluate(SEEN)) == []

    teacher.goto("review/")
    teacher.locator(".review-drop input[type=file]").set_input_files(
        files=[{"name": "lea.txt", "mimeType": "text/plain", "buffer": made.encode("utf-8")}])
    teacher.wait_for_selector(".review-answer")
    assert "1 fichier chargé." in teacher.locator(".review-drop-status").inner_text()
    teacher.locator(".review-mark").first.fill("3x")
    teacher.locator(".review-mark").first.dispatch_event("input")
    assert "Écrivez un nombre" in teacher.locator(".review-mark-error").first.inner_text()
    assert english_in(teacher.evaluate(SEEN)) == []


def test_a_hand_in_file_of_the_english_interface_is_marked_under_the_french(teacher: Page):
    teacher.goto(f"{SHEET}/questions/")
    section = teacher.locator(".hand-in")
    key, fingerprint = section.get_attribute("data-answers"), section.get_attribute("data-text")
    ids = teacher.eval_on_selector_all(".answer-box", "boxes => boxes.map(b => b.dataset.question)")
    english = (f"Worksheet answers: hand-in file, format 1\nworksheet: {key}\ntitle: El rayo de luna\n"
               f"text: {fingerprint}\nname: Tom Smith\nclass: 1re B\nwritten: 2026-12-01T10:00:00Z\n\n"
               f"[{ids[0]}] Question 1\n  ?\n| Manrique sigue una luz.\n\n[{ids[1]}] Question 2\n  ?\n(no answer)\n")
    teacher.goto("review/")
    teacher.locator(".review-drop input[type=file]").set_input_files(
        files=[{"name": "tom.txt", "mimeType": "text/plain", "buffer": english.encode("utf-8")}])
    teacher.wait_for_selector(".review-answer")
    assert "1 fichier chargé." in teacher.locator(".review-drop-status").inner_text()
    assert "Manrique sigue una luz." in teacher.locator(".review-questions").inner_text()
    assert "Pas de réponse." in teacher.locator(".review-questions").inner_text()


def test_the_printed_sheet_asks_nom_classe_date(teacher: Page):
    teacher.goto(f"{SHEET}/worksheet/?teacher=0")
    teacher.emulate_media(media="print")
    assert teacher.locator(".sheet-header").inner_text().split("\n") == ["Nom\u00a0:", "Classe\u00a0:", "Date\u00a0:"]
    assert english_in(teacher.evaluate(SEEN)) == []


def test_the_teacher_toggle_and_the_menus_are_french(teacher: Page):
    teacher.goto(f"{SHEET}/article/")
    assert teacher.locator(".teacher-toggle").inner_text().strip() == "Mode enseignant"
    tabs = teacher.locator(".md-tabs__link").all_inner_texts()
    assert "Vocabulaire" in tabs and "Correction" in tabs and "Accueil" in tabs
    notice = teacher.evaluate("getComputedStyle(document.querySelector('.md-content__inner'), '::before').content")
    assert notice == '"Le mode enseignant est activé : les corrigés et les notes pour le professeur sont affichés."'


@pytest.mark.parametrize("path", [f"{SHEET}/article/", f"{SHEET}/questions/"])
def test_axe_finds_nothing_on_the_spanish_worksheet_with_a_french_interface(teacher: Page, path):
    teacher.goto(path)
    teacher.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    assert axe_violations(teacher, WCAG + ["best-practice"]) == []


def test_search_results_name_their_lines_in_french(teacher: Page):
    teacher.goto("")
    teacher.keyboard.press("/")
    teacher.keyboard.type("exclamaba", delay=20)
    place = teacher.locator(".md-search-result__item").first.locator("a[href$='#L54']")
    expect(place).to_contain_text("Ligne 54")
    expect(place).not_to_contain_text("Line")
