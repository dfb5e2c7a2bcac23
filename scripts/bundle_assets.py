"""MkDocs hook: the site's own stylesheets and scripts, served as one file each.

The theme's CSS and JS stay in ``overrides/assets/`` one file per concern,
listed in ``mkdocs.yml`` under ``extra_css`` and ``extra_javascript`` as
usual. Each stylesheet in the page's head blocks its first paint, and on a
slow mobile connection six more requests cost the first page about a third
of a second (Lighthouse, mobile profile). MkDocs and Material have no way to
join them, so this hook does:

- ``on_config`` reads the listed files (after ``scripts/hook.py`` has left out
  what an edition does not ship) and names the pages' single stylesheet and
  single script after a hash of their contents, so a browser never keeps an
  old copy after the site changes;
- ``on_post_build`` writes the two files, each part marked with its source
  file, and removes the separate copies from the built site.

List this hook after ``scripts/hook.py`` in ``mkdocs.yml``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError

_bundles: list[tuple[str, list[str], str]] = []  # (bundle path, its parts, its text)


def _source(config, uri: str) -> Path:
    """The file behind an ``extra_css``/``extra_javascript`` entry: in the
    theme overrides, as MkDocs resolves it, or in the docs."""
    for folder in [*config.theme.dirs, config.docs_dir]:
        path = Path(folder) / uri
        if path.is_file():
            return path
    raise PluginError(f"mkdocs.yml: {uri} is listed but no such file is in the theme or the docs")


def _bundle(config, uris: list[str], suffix: str, separator: str) -> list[str]:
    """The one file that replaces ``uris`` (nothing to do for fewer than two)."""
    if len(uris) < 2:
        return uris
    text = separator.join(
        f"/* {uri} */\n{_source(config, uri).read_text(encoding='utf-8').rstrip()}\n" for uri in uris
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    target = f"assets/site.{digest}.{suffix}"
    _bundles.append((target, uris, text))
    return [target]


def on_config(config):
    _bundles.clear()
    config.extra_css = _bundle(config, [str(uri) for uri in config.extra_css], "css", "\n")
    # Plain classic scripts only (no module, defer or async entries here). A
    # script may end without a semicolon: each part starts a new statement.
    config.extra_javascript = _bundle(config, [str(uri) for uri in config.extra_javascript], "js", "\n;")
    return config


def on_post_build(config):
    site = Path(config.site_dir)
    for target, uris, text in _bundles:
        (site / target).write_text(text, encoding="utf-8")
        for uri in uris:
            (site / uri).unlink(missing_ok=True)
            folder = (site / uri).parent
            if folder != site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
