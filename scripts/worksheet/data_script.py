"""Build-time data shipped as a small script file that sets one global.

A script, not a JSON file, so that it also loads from the offline copy opened
through ``file://``, where a browser refuses to fetch files. Named after its
content, so that a browser never keeps an old copy after the site changes,
and can keep this one for as long as it likes.
"""

from __future__ import annotations

import hashlib
import json


def data_script(variable: str, data: dict[str, str]) -> str:
    """``window.<variable> = data``; ``<`` is escaped so no value can end a script."""
    value = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.{variable}={value};\n"


def file_name(stem: str, text: str) -> str:
    """``assets/<stem>.<hash of text>.js``, the file's path in the built site."""
    return f"assets/{stem}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.js"
