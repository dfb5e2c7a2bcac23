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

The theme's icons go the same way. Material writes each icon of its header,
search box, drawer and back-to-top button into every page as an inline SVG:
about 1 KB (gzip) a page, fetched again on each instant navigation. Here they
are symbols of one cached file, ``assets/icons.<hash>.svg``, and each page
only points at them (``<svg><use xlink:href="…#material-menu"/></svg>``). CSS masks
(the way Material draws its admonition icons) would save the same bytes but
cost Chromium a style pass per SVG image: about 0.2 s of main-thread time per
page load at Lighthouse's mobile CPU slowdown. The offline copy keeps
Material's inline icons: a page opened through ``file://`` may not use
another file's SVG.

Material's palette stylesheet joins the site's, as its first part, less one
rule: ``[data-md-color-switching] *`` (no transitions while the palette
switches). Material's palette code, which set that mark on every page load
and so made Chromium restyle the whole page twice (0.25 s of main-thread time
per load at Lighthouse's mobile CPU slowdown), no longer runs: the toggle is
the site's own (``overrides/partials/palette.html``) and sets no such mark.
A switch made with the toggle lets the few colour transitions Material sets
(links, 0.125 s) play. The separate file stays in the site for the error
page, which no hook rewrites.

The favicon too: Chromium asks for it again on every instant navigation
(0.2 KB and a request each time, whatever the cache headers say), so the pages
name it as a ``data:`` address (0.15 KB in the page) built from the SVG file
``theme.favicon`` names.

List this hook after ``scripts/hook.py`` in ``mkdocs.yml``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

_bundles: list[tuple[str, str]] = []  # (bundle path, its text)
_state: dict = {"palette": False, "sprite": None}  # sprite: the icon file's path
_unshipped: list[str] = []  # files the site would copy, now inside a bundle or a page

#: The icons every page shows besides those mkdocs.yml names (the logo and
#: the palette toggles): Material's menu, search, back and close buttons and
#: back-to-top arrow, and the teacher toggle's (overrides/partials/).
CHROME_ICONS = ["material/menu", "material/magnify", "material/arrow-left", "material/close",
                "material/arrow-up", "material/school-outline"]
ICON_FOLDER = Path(material.__file__).parent / "templates" / ".icons"
STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PALETTE_FREEZE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")
#: Material's link to its palette stylesheet, in a page's head.
PALETTE_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">\n?')
_icons: dict[str, str] = {}  # an icon's inline SVG, as Material writes it -> its symbol's id


def _icon_names(config) -> list[str]:
    theme = config.theme
    icon = (theme["icon"] if "icon" in theme else None) or {}
    palette = (theme["palette"] if "palette" in theme else None) or []
    if isinstance(palette, dict):  # a single palette, not a list of toggles
        palette = [palette]
    named = [icon.get("logo")] + [(option.get("toggle") or {}).get("icon") for option in palette]
    return list(dict.fromkeys(name for name in [*named, *CHROME_ICONS] if name))


def _icon_sprite(config) -> None:
    """One SVG file with a symbol per chrome icon; records, for each icon's
    inline SVG as Material writes it, the symbol that replaces it."""
    _icons.clear()
    if config.extra["offline"]:  # set by hook.py
        return
    symbols = []
    for name in _icon_names(config):
        path = ICON_FOLDER / f"{name}.svg"
        if not path.is_file():
            raise PluginError(f"mkdocs.yml: no icon named {name!r} in Material's icons")
        svg = path.read_text(encoding="utf-8").strip()
        match = re.fullmatch(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="([^"]+)">(.*)</svg>', svg, re.S)
        if not match:
            raise PluginError(f"{path}: not an icon as Material writes them (<svg xmlns=… viewBox=…>…</svg>)")
        symbol = name.replace("/", "-")
        _icons[svg] = symbol
        symbols.append(f'<symbol id="{symbol}" viewBox="{match[1]}">{match[2]}</symbol>')
    text = '<svg xmlns="http://www.w3.org/2000/svg">\n' + "\n".join(symbols) + "\n</svg>\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    _state["sprite"] = f"assets/icons.{digest}.svg"
    _bundles.append((_state["sprite"], text))


def _source(config, uri: str) -> Path:
    """The file behind an ``extra_css``/``extra_javascript`` entry: in the
    theme overrides, as MkDocs resolves it, or in the docs."""
    for folder in [*config.theme.dirs, config.docs_dir]:
        path = Path(folder) / uri
        if path.is_file():
            return path
    raise PluginError(f"mkdocs.yml: {uri} is listed but no such file is in the theme or the docs")


def _bundle(config, uris: list[str], suffix: str, separator: str, generated: str = "",
            leading: str = "") -> list[str]:
    """The one file that replaces ``uris``, with ``leading`` text at its start
    and ``generated`` text at its end (nothing to do for a single file and
    nothing added)."""
    if len(uris) < 2 and not generated and not leading:
        return uris
    text = leading + separator.join(
        f"/* {uri} */\n{_source(config, uri).read_text(encoding='utf-8').rstrip()}\n" for uri in uris
    )
    if generated:
        text += f"{separator}/* generated by {Path(__file__).name} */\n{generated}"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    target = f"assets/site.{digest}.{suffix}"
    _bundles.append((target, text))
    _unshipped.extend(uris)
    return [target]


def _palette_css(config) -> str:
    """Material's palette stylesheet without its transition freeze, or
    nothing when the site sets no palette."""
    if not (config.theme["palette"] if "palette" in config.theme else None):
        return ""
    found = sorted(STYLESHEETS.glob("palette.*.min.css"))
    if len(found) != 1:
        raise PluginError(f"{STYLESHEETS}: expected one palette.*.min.css, found {len(found)}")
    css = found[0].read_text(encoding="utf-8")
    if PALETTE_FREEZE not in css:
        raise PluginError(f"{found[0]}: the rule {PALETTE_FREEZE!r} is gone; "
                          "update scripts/bundle_assets.py for this Material version")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css.replace(PALETTE_FREEZE, "")).strip()
    return f"/* Material's {found[0].name}, without its rule for [data-md-color-switching] */\n{css}\n\n"


def _svg_address(svg: str) -> str:
    """An SVG as a ``data:`` address, valid in an HTML attribute and in a
    double-quoted CSS ``url()``."""
    data = " ".join(svg.split()).replace('"', "'")
    for character, code in (("%", "%25"), ("#", "%23"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        data = data.replace(character, code)
    return f"data:image/svg+xml,{data}"


def _inline_favicon(config) -> None:
    uri = config.theme["favicon"] if "favicon" in config.theme else None
    if not uri or not str(uri).endswith(".svg"):
        return
    config.theme["favicon"] = _svg_address(_source(config, str(uri)).read_text(encoding="utf-8"))
    _unshipped.append(str(uri))


def on_config(config):
    _bundles.clear()
    _unshipped.clear()
    _inline_favicon(config)
    _icon_sprite(config)
    palette = _palette_css(config)
    _state["palette"] = bool(palette)
    config.extra_css = _bundle(config, [str(uri) for uri in config.extra_css], "css", "\n", leading=palette)
    # Plain classic scripts only (no module, defer or async entries here). A
    # script may end without a semicolon: each part starts a new statement.
    # Scripts written at build time by hook.py (the glossary's pop-up texts) go at the end.
    config.extra_javascript = _bundle(config, [str(uri) for uri in config.extra_javascript], "js", "\n;",
                                      "".join(config.extra.pop("generated_javascript", [])))
    return config


def on_post_page(output, page, config):
    """Each chrome icon as a pointer to its symbol in the cached icon file,
    and Material's palette stylesheet left to the site's."""
    if _state["palette"]:
        output, links = PALETTE_LINK.subn("", output, count=1)
        if not links:
            raise PluginError(f"{page.file.src_uri}: no link to Material's palette stylesheet to take out "
                              "(its template changed?); the page would miss no style but load it twice")
    if _icons:
        sprite = get_relative_url(_state["sprite"], page.url)
        for svg, symbol in _icons.items():
            # The symbol brings its viewBox, and fills the icon's box.
            # xlink:href, not href: Material resolves every [href] of a page by
            # assigning el.href, which an SVG <use> does not allow (it throws).
            output = output.replace(svg, f'<svg><use xlink:href="{sprite}#{symbol}"/></svg>')
    return output


def on_post_build(config):
    site = Path(config.site_dir)
    for target, text in _bundles:
        (site / target).write_text(text, encoding="utf-8")
    for uri in _unshipped:
        (site / uri).unlink(missing_ok=True)
        folder = (site / uri).parent
        if folder != site and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
