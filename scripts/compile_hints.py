"""MkDocs hook: the scripts every page runs as it loads, compiled while they download.

Chromium's JavaScript engine compiles a function only when it is first
called: the main thread then parses it a second time and compiles it, in the
middle of the page's start-up. Material's start-up calls most of its bundle,
so on a phone that lazy compiling was about two fifths of the task that runs
Material's start-up (Chromium traces at Lighthouse's mobile CPU slowdown:
about 0.2 s of parse and compile work in a 0.5 s traced task).

A script whose first line is the comment ``//# allFunctionsCalledOnLoad``
(Chromium 136 and later; to other browsers it is a comment) has all its
functions compiled at once, on a background thread, while the file streams
in. Material has no setting for this, so this hook writes the comment at the
top of the site's copy of Material's bundle, and of the site's own script,
and moves the bundle's source map one line down to match.

List this hook after ``scripts/bundle_assets.py`` in ``mkdocs.yml``: the
site's script is the file that hook writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

HINT = "//# allFunctionsCalledOnLoad\n"
THEME = Path(material.__file__).parent / "templates"


def material_bundle() -> Path:
    """Material's start-up script, as the theme ships it."""
    found = sorted(THEME.glob("assets/javascripts/bundle.*.min.js"))
    if len(found) != 1:
        raise PluginError(f"{THEME / 'assets/javascripts'}: expected one bundle.*.min.js, found {len(found)}; "
                          "update scripts/compile_hints.py for this Material version")
    return found[0]


def _hinted(path: Path, text: str) -> None:
    path.write_text(text if text.startswith(HINT) else HINT + text, encoding="utf-8")


def on_post_build(config):
    site = Path(config.site_dir)
    original = material_bundle()
    copy = site / original.relative_to(THEME)
    if not copy.is_file():
        raise PluginError(f"{copy.relative_to(site)}: Material's bundle is not in the built site")
    # From the theme's file each time, so that a rebuild never adds a second line.
    _hinted(copy, original.read_text(encoding="utf-8"))
    source_map = original.with_name(original.name + ".map")
    if source_map.is_file():
        mapping = json.loads(source_map.read_text(encoding="utf-8"))
        mapping["mappings"] = ";" + mapping["mappings"]  # one generated line more, with no code
        (site / source_map.relative_to(THEME)).write_text(json.dumps(mapping, separators=(",", ":")),
                                                          encoding="utf-8")
    for uri in map(str, config.extra_javascript):
        path = site / uri
        if not path.is_file():
            raise PluginError(f"mkdocs.yml: {uri} is listed but not in the built site")
        _hinted(path, path.read_text(encoding="utf-8"))
