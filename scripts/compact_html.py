"""MkDocs hook: every page without the indentation of its templates, nor
what Material writes into each page for features this site does not use.

Material's templates indent their markup deeply, and every page repeats
them: about 4 % of a page's transfer (gzip) is spaces and blank lines. A
page is fetched on each instant navigation, so this hook takes them out.

It only shortens a run of white space that holds a line break, to that one
line break. Outside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``
(left exactly as they are), HTML renders any run of white space as a single
space, and no stylesheet of this site preserves white space elsewhere, so
every page looks and reads the same. No extra dependency (an HTML minifier)
is needed for that.

Each page also carries Material's configuration for its script, with the
interface strings of every feature, and a generator tag. The strings of the
copy-to-clipboard button and of the version selector are left out when the
site has neither (Material's script reads them only to draw those), and so
is the generator tag: together about 75 bytes (gzip) a page, which the
busiest page, /questions/, needs to stay within its 12 KB budget.

Material's search strings ("No matching documents"…) are the same on every
page. When search waits until it is used (``extra.search_on_demand``, set by
``scripts/hook.py``), they travel once, in the cached
``assets/js/search-on-demand.js``, which puts them back into the page's
configuration before Material's script reads it; the pages leave them out
(about 100 bytes, gzip, each). The offline copy keeps them in its pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

#: Elements whose content is kept byte for byte.
_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
#: A run of spaces and tabs around one or more line breaks.
_BREAK_RUN = re.compile(r"[ \t]*\n[ \t\n]*")


_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">\n?')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
#: Material's interface strings that only a feature uses -> that feature
#: (``None``: the version selector, drawn when ``extra.version`` is set).
_FEATURE_STRINGS = {"clipboard.copy": "content.code.copy", "clipboard.copied": "content.code.copy",
                    "select.version": None}


#: Where search-on-demand.js receives Material's search strings.
SEARCH_SCRIPT = "assets/js/search-on-demand.js"
_STRINGS_SLOT = "var strings = {};"


def without_unused_strings(html: str, features: list[str], versioned: bool,
                           moved: dict[str, str] | None = None) -> str:
    """``html`` with Material's configuration left without the interface
    strings of features the site does not use. With ``moved``, the search
    strings are taken out as well, into ``moved``."""
    match = _CONFIG.search(html)
    if not match:
        return html
    settings = json.loads(match[2])
    translations = settings.get("translations", {})
    for key, feature in _FEATURE_STRINGS.items():
        if not (versioned if feature is None else feature in features):
            translations.pop(key, None)
    if moved is not None:
        for key in [key for key in translations if key.startswith("search.")]:
            value = translations.pop(key)
            if moved.setdefault(key, value) != value:
                raise ValueError(f"Material's string {key!r} differs between pages "
                                 f"({moved[key]!r}, {value!r}); one cached copy cannot serve both")
    # Written as Jinja's tojson writes it (sorted keys, HTML-safe), without
    # the spaces after its commas and colons.
    text = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(character, escape)
    return html[:match.start(2)] + text + html[match.end(2):]


def compact(html: str) -> str:
    """``html`` with each white-space run that holds a line break made one line break."""
    pieces = _KEPT.split(html)
    # re.split with two groups yields: text, whole kept element, its tag name, text, ...
    out = []
    for index in range(0, len(pieces), 3):
        out.append(_BREAK_RUN.sub("\n", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


_moved: dict[str, str] = {}


def on_pre_build(config):
    _moved.clear()


def on_post_page(output, page, config):
    features = list(config.theme.get("features") or [])
    moved = _moved if config.extra.get("search_on_demand") else None
    try:
        output = without_unused_strings(output, features, bool(config.extra.get("version")), moved)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error
    return compact(_GENERATOR.sub("", output, count=1))


def on_post_build(config):
    if not _moved:
        return
    script = Path(config.site_dir) / SEARCH_SCRIPT
    text = script.read_text(encoding="utf-8")
    if text.count(_STRINGS_SLOT) != 1:
        raise PluginError(f"{SEARCH_SCRIPT}: expected one line `{_STRINGS_SLOT}` to receive "
                          "Material's search strings, which the pages leave out")
    strings = json.dumps(_moved, sort_keys=True)
    script.write_text(text.replace(_STRINGS_SLOT, f"var strings = {strings};"), encoding="utf-8")
