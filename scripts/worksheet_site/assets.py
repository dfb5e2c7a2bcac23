"""The site's own stylesheets and scripts, served as one file each.

The theme's CSS and JS stay in ``overrides/assets/``, one file per concern,
listed in ``mkdocs.yml`` under ``extra_css`` and ``extra_javascript`` as
usual. Every stylesheet in a page's head holds back its first paint, and on a
phone each request costs a round trip, so the plugin joins the listed files
(in their order, each part marked with its source) into one stylesheet and
one script, named after a hash of their contents so that a browser never
keeps an old copy. Material's own files are left alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError


def source(dirs: list[str], uri: str) -> Path:
    """The file behind an ``extra_css``/``extra_javascript`` entry, where MkDocs
    finds it: in the theme's folders, then the docs."""
    for folder in dirs:
        path = Path(folder) / uri
        if path.is_file():
            return path
    raise PluginError(f"mkdocs.yml: {uri} is listed but no such file is in the theme or the docs")


def joined(dirs: list[str], uris: list[str], separator: str) -> str:
    return separator.join(f"/* {uri} */\n{source(dirs, uri).read_text(encoding='utf-8').rstrip()}\n"
                          for uri in uris)


def bundle_name(stem: str, text: str, suffix: str) -> str:
    return f"assets/{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.{suffix}"


def bundles(dirs: list[str], css: list[str], js: list[str]) -> dict[str, str]:
    """{path in the site: text} of the stylesheet and the script that replace
    the listed files. Scripts are plain classic scripts; each part starts a
    new statement."""
    out = {}
    if css:
        text = joined(dirs, css, "\n")
        out[bundle_name("site", text, "css")] = text
    if js:
        text = joined(dirs, js, "\n;")
        out[bundle_name("site", text, "js")] = text
    return out
