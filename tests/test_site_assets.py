"""What every page loads, and how (scripts/bundle_assets.py, compact_html.py,
compile_hints.py, overrides/main.html): the site's own stylesheets and scripts
as one file each, Material's palette inside the site's stylesheet, the
header's icons from one cached file, start-up scripts compiled as they
download, nothing Material would redo at start-up, nothing unused."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
import yaml
from bs4 import BeautifulSoup

from support import ROOT, soup

OWN = re.compile(r"assets/site\.[0-9a-f]{8}\.(css|js)$")


def listed(kind: str) -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return config[kind]


def own_files(page, selector: str, attribute: str) -> list[str]:
    return [e[attribute] for e in page.select(selector) if "/stylesheets/" not in e[attribute]
            and "/javascripts/" not in e[attribute]]


def test_every_page_loads_one_stylesheet_and_one_script_of_the_site(site):
    """Besides the small loader that must run before Material's script
    (search on demand), the site's own code is one file of each kind."""
    for name in ("", "article", "questions", "glossary", "worksheet"):
        page = soup(site, name)
        sheets = own_files(page, "link[rel=stylesheet]", "href")
        scripts = own_files(page, "script[src]", "src")
        assert len(sheets) == 1 and OWN.search(sheets[0]), (name, sheets)
        assert len(scripts) == 2 and scripts[0].endswith("assets/js/search-on-demand.js"), (name, scripts)
        assert OWN.search(scripts[1]), (name, scripts)
        order = [tag["src"] for tag in page.select("script[src]")]
        assert order.index(scripts[0]) < next(i for i, src in enumerate(order) if "/javascripts/bundle." in src)


def test_the_start_up_scripts_ask_to_be_compiled_as_they_download(site):
    """Material's bundle and the site's script open with Chromium's compile
    hint; past that line the bundle is Material's, byte for byte, and its
    source map still points at the right code (one line further down)."""
    from compile_hints import HINT, THEME, material_bundle

    original = material_bundle()
    for name in ("", "article", "questions", "glossary", "worksheet"):
        scripts = [tag["src"] for tag in soup(site, name).select("script[src]")]
        started = [src for src in scripts if "/javascripts/bundle." in src or OWN.search(src)]
        assert len(started) == 2, (name, scripts)
        for src in started:
            text = (site / name / src).resolve().read_text(encoding="utf-8")
            assert text.startswith(HINT) and not text[len(HINT):].startswith(HINT), (name, src)
    copy = site / original.relative_to(THEME)
    assert copy.read_text(encoding="utf-8") == HINT + original.read_text(encoding="utf-8")
    theirs = json.loads(original.with_name(original.name + ".map").read_text(encoding="utf-8"))
    ours = json.loads(copy.with_name(copy.name + ".map").read_text(encoding="utf-8"))
    assert ours == {**theirs, "mappings": ";" + theirs["mappings"]}


def test_the_chrome_icons_come_from_one_cached_file(site):
    """Material's header, search, drawer and back-to-top icons are symbols of
    one SVG file the browser caches: each page only points at them."""
    [sprite] = (site / "assets").glob("icons.*.svg")
    symbols = {s["id"]: s for s in BeautifulSoup(sprite.read_text(encoding="utf-8"), "html.parser").select("symbol")}
    assert {"material-menu", "material-magnify", "material-close", "material-school-outline"} <= symbols.keys()
    for name in ("", "article", "questions", "glossary", "worksheet"):
        page = soup(site, name)
        icons = page.select("svg")
        assert len(icons) >= 9, name
        for icon in icons:
            [use] = icon.select("use")
            assert not icon.select("path"), (name, str(icon)[:120])
            address, _, symbol = use["xlink:href"].partition("#")
            assert (site / name / address).resolve() == sprite.resolve(), (name, use["xlink:href"])
            assert symbols[symbol].get("viewbox") and symbols[symbol].select("path"), symbol


@pytest.mark.browser
def test_the_icons_are_drawn(page):
    """On a phone, each header icon is painted from the shared file, on the
    first page and after instant navigation to a page at another depth."""
    page.set_viewport_size({"width": 390, "height": 844})
    drawn = "u => u.getBBox().width"  # the symbol's shape, once the file is there
    # From the article up to the home page (by the logo), then from the home
    # page down to the questions (by a link in the text).
    for path, link, goal in (("article/", "a.md-logo", "**/"), ("", ".md-content a[href$='questions/']", "**/questions/")):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        for selector in ("label[for=__drawer]", "label[for=__search]",
                         "[data-palette] label:not([hidden])"):
            icon = page.locator(f".md-header {selector} svg").first
            box = icon.bounding_box()
            assert box and box["width"] >= 20 and box["height"] >= 20, (path, selector)
            assert icon.locator("use").evaluate(drawn) > 10, (path, selector)
        page.evaluate("selector => document.querySelector(selector).click()", link)
        page.wait_for_url(goal)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/" + path)
        # The drawer came with the new page: its logo points at the file
        # from the new page's depth.
        page.locator(".md-header label[for=__drawer]").click()
        logo = page.locator(".md-sidebar--primary .md-logo svg")
        logo.wait_for()
        assert logo.locator("use").evaluate(drawn) > 10, (path, goal)
        page.keyboard.press("Escape")
        page.locator("label.md-overlay").click(force=True)


@pytest.mark.browser
def test_materials_palette_is_the_first_part_of_the_site_stylesheet(site):
    """One stylesheet request fewer before the first paint, and without the
    rule that made every page load restyle the whole page twice."""
    [css] = (site / "assets").glob("site.*.css")
    rules = css.read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]{color-scheme:dark" in rules
    assert "[data-md-color-primary=indigo]" in rules
    assert rules.index("[data-md-color-scheme=slate]") < rules.index("/* assets/css/theme.css */")
    assert "data-md-color-switching" not in re.sub(r"/\*.*?\*/", "", rules, flags=re.S)
    assert "sourceMappingURL" not in rules
    for name in ("", "article", "questions", "glossary", "worksheet"):
        sheets = [link["href"] for link in soup(site, name).select("link[rel=stylesheet]")]
        assert len(sheets) == 2 and "/stylesheets/main." in sheets[0] and OWN.search(sheets[1]), (name, sheets)


RECORD_STYLESHEET_CHANGES = """
window.__sheetChanges = [];
new MutationObserver(records => {
  for (const r of records)
    if (r.target.matches('link[rel=stylesheet]'))
      window.__sheetChanges.push({from: r.oldValue, to: r.target.getAttribute('href'), body: !!document.body});
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['href'], attributeOldValue: true});
"""


@pytest.mark.browser
def test_materials_start_up_does_not_reload_the_stylesheets(page):
    """Material makes every relative address of a page absolute when it
    starts, which for a stylesheet link means loading, parsing and applying
    it again. The page's head does it first, before the body is read, so
    Material leaves the stylesheets alone."""
    page.add_init_script(RECORD_STYLESHEET_CHANGES)
    for path in ("", "questions/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        changes = page.evaluate("window.__sheetChanges")
        assert len(changes) == 2, changes
        for change in changes:
            assert not change["from"].startswith("http") and change["to"].startswith("http://"), change
            assert change["to"].endswith(change["from"].lstrip("./")) and not change["body"], change
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


def test_pages_leave_out_what_material_writes_for_features_the_site_lacks(site):
    """No copy-button or version-selector strings, no generator tag: bytes
    every page would carry for nothing. The search strings, the same on
    every page, come once, in the cached search-on-demand script."""
    for name in ("", "article", "questions", "glossary", "worksheet"):
        page = soup(site, name)
        settings = json.loads(page.select_one("script#__config").string)
        assert "navigation.instant" in settings["features"] and settings["base"], name
        assert settings["translations"] == {}, name
        assert not page.select("meta[name=generator]"), name
    script = (site / "assets" / "js" / "search-on-demand.js").read_text(encoding="utf-8")
    strings = json.loads(re.search(r"var strings = (\{.*?\});", script)[1])
    assert strings["search.result.none"] == "No matching documents"
    assert strings["search.result.placeholder"] == "Type to start searching"
    assert all(key.startswith("search.") for key in strings) and len(strings) == 7


@pytest.mark.browser
def test_materials_search_reads_its_strings_from_the_cached_script(page):
    """Put back before Material's script starts: its search box says what it
    found, in its own words."""
    page.goto("glossary/")
    search = page.locator("[data-md-component=search-query]")
    search.click()
    search.press_sequentially("Orwellian")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")
    search.fill("")
    search.press_sequentially("xylophone")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")


def test_search_strings_that_differ_between_pages_stop_the_build():
    """One cached copy of the search strings serves every page, so pages that
    disagree on them are an error, not a silent pick of one."""
    from compact_html import without_unused_strings

    def page(none: str) -> str:
        settings = {"features": [], "translations": {"search.result.none": none}}
        return f'<script id="__config" type="application/json">{json.dumps(settings)}</script>'

    moved: dict[str, str] = {}
    first = without_unused_strings(page("No matching documents"), [], False, moved)
    assert json.loads(first[first.index(">") + 1:first.rindex("<")])["translations"] == {}
    assert moved == {"search.result.none": "No matching documents"}
    with pytest.raises(ValueError, match="search.result.none"):
        without_unused_strings(page("Aucun document"), [], False, moved)
