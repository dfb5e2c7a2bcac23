"""The sitemap without the pages search engines are asked not to index.

A classroom page that holds model answers carries ``noindex``; listing it in
``sitemap.xml`` as well would ask search engines for it and against it at
once. MkDocs renders the sitemap from its own template; the plugin passes
that output through ``without`` (``on_post_template``), and MkDocs writes
``sitemap.xml`` and ``sitemap.xml.gz`` from the result."""

from __future__ import annotations

import html
import re

_URL = re.compile(r"[^\S\n]*<url>\s*<loc>(?P<loc>[^<]*)</loc>.*?</url>\n?", re.S)


def without(sitemap: str, addresses: set[str]) -> str:
    """``sitemap`` without the ``<url>`` entries of ``addresses``."""
    return _URL.sub(lambda m: "" if html.unescape(m.group("loc")) in addresses else m.group(0), sitemap)
