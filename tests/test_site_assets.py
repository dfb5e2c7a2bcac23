"""The site's own stylesheets and scripts reach the browser as one file each
(scripts/bundle_assets.py): fewer requests before the first paint."""

from __future__ import annotations

import re

import yaml

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


def test_the_chrome_icons_come_from_the_stylesheet(site):
    """Material's header, search, drawer and back-to-top icons are drawn by
    the site's stylesheet, not written into every page."""
    [css] = (site / "assets").glob("site.*.css")
    rules = css.read_text(encoding="utf-8")
    for name in ("", "article", "questions", "glossary", "worksheet"):
        page = soup(site, name)
        icons = page.select("svg")
        assert icons, name
        for icon in icons:
            assert icon.get("data-icon") and not icon.contents, (name, str(icon)[:120])
            assert f'svg[data-icon="{icon["data-icon"]}"] {{ --icon: url(' in rules, icon["data-icon"]


def test_the_joined_files_hold_every_listed_file_in_order(site):
    for kind, suffix in (("extra_css", "css"), ("extra_javascript", "js")):
        [joined] = list((site / "assets").glob(f"site.*.{suffix}"))
        content = joined.read_text()
        positions = []
        for uri in listed(kind):
            source = (ROOT / "overrides" / uri).read_text().rstrip()
            assert source in content, uri
            positions.append(content.index(f"/* {uri} */"))
            assert not (site / uri).exists(), f"{uri} is shipped twice"
        assert positions == sorted(positions)
