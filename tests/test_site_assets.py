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
    for name in ("", "article", "questions", "glossary", "worksheet"):
        page = soup(site, name)
        sheets = own_files(page, "link[rel=stylesheet]", "href")
        scripts = own_files(page, "script[src]", "src")
        assert len(sheets) == 1 and OWN.search(sheets[0]), (name, sheets)
        assert len(scripts) == 1 and OWN.search(scripts[0]), (name, scripts)


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
