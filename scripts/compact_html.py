"""MkDocs hook: every page without the indentation of its templates.

Material's templates indent their markup deeply, and every page repeats
them: about 4 % of a page's transfer (gzip) is spaces and blank lines. A
page is fetched on each instant navigation, so this hook takes them out.

It only shortens a run of white space that holds a line break, to that one
line break. Outside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``
(left exactly as they are), HTML renders any run of white space as a single
space, and no stylesheet of this site preserves white space elsewhere, so
every page looks and reads the same. No extra dependency (an HTML minifier)
is needed for that.
"""

from __future__ import annotations

import re

#: Elements whose content is kept byte for byte.
_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
#: A run of spaces and tabs around one or more line breaks.
_BREAK_RUN = re.compile(r"[ \t]*\n[ \t\n]*")


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


def on_post_page(output, page, config):
    return compact(output)
