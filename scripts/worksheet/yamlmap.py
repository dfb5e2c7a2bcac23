"""YAML lists of mappings that remember where each mapping and each text stands.

Each mapping gets ``__line__``, the file line where it starts,
``__keys__``, the file line of each of its keys, and ``__at__``: for each field holding text, that text as written in the file
(a ``Block`` with its first line), so that a check can name the line where a
quotation stands inside a long, folded value.
"""

from __future__ import annotations

import yaml

from .problems import Problem, WorksheetError
from .prose import Block
from .source import SAFE_LOADERS, parse_yaml


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__keys__"] = {str(key.value): key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    mapping["__at__"] = {
        key.value: (value.start_mark, value.end_mark, value.style, value.value)
        for key, value in node.value
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)
    }
    return mapping


def _with_lines(base):
    loader = type(f"Line{base.__name__}", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
    return loader


_LINE_LOADERS = tuple(_with_lines(base) for base in SAFE_LOADERS)


class _Source:
    """Offsets of a text's rows, to cut out what lies between two YAML marks."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def offset(self, mark) -> int:
        row = min(mark.line, len(self.starts) - 1)
        return min(self.starts[row] + mark.column, len(self.text))

    def block(self, start, end, style, value) -> Block:
        """A field's text as written: a quoted value's own quotes and escapes
        undone, a block or plain one as it stands, line breaks kept."""
        if style == '"':  # escapes: the parsed text, on its first line
            return Block(str(value), start.line + 1)
        raw = self.text[self.offset(start) : self.offset(end)]
        if style == "'":
            raw = raw[1:-1].replace("''", "'")
        return Block(raw, start.line + 1)


def load_records(text: str, label: str, what: str) -> list[dict]:
    """A YAML list of mappings, each with its ``__line__`` and ``__at__``."""
    data = parse_yaml(text, label, loaders=_LINE_LOADERS)
    if data is None:
        return []
    if not isinstance(data, list):
        raise WorksheetError(Problem(label, 1, f"expected a list, one '- ' item per {what}"))
    source = _Source(text)
    records = []
    for item in data:
        if not isinstance(item, dict):
            raise WorksheetError(Problem(label, 1, f"every item must be a {what} with named fields"))
        item["__at__"] = {key: source.block(*marks) for key, marks in item.get("__at__", {}).items()}
        records.append(item)
    return records
