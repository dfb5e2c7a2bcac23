"""Build-time data shipped as a small script file that sets one global.

A script, not a JSON file, so that it also loads from the offline copy opened
through ``file://``, where a browser refuses to fetch files.
"""

from __future__ import annotations

import json


def data_script(variable: str, data) -> str:
    """``window.<variable> = data``; ``<`` is escaped so no value can end a script."""
    value = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.{variable}={value};\n"


def worksheet_script(table: str, worksheet: str, data) -> str:
    """``window.<table>[worksheet] = data``: one worksheet's share of a table
    that the scripts of several worksheets fill. The table has no prototype,
    so that a worksheet named ``constructor`` or ``__proto__`` is one like any other."""
    return (f"window.{table}=window.{table}||Object.create(null);\n"
            + data_script(f"{table}[{json.dumps(worksheet)}]", data))
