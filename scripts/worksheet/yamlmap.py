"""YAML lists of mappings that remember the file line of each mapping."""

from __future__ import annotations

import yaml

from .problems import Problem, WorksheetError
from .source import SAFE_LOADERS, parse_yaml


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _with_lines(base):
    loader = type(f"Line{base.__name__}", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
    return loader


_LINE_LOADERS = tuple(_with_lines(base) for base in SAFE_LOADERS)


def load_records(text: str, label: str, what: str) -> list[dict]:
    """A YAML list of mappings, each with its ``__line__``."""
    data = parse_yaml(text, label, loaders=_LINE_LOADERS)
    if data is None:
        return []
    if not isinstance(data, list):
        raise WorksheetError(Problem(label, 1, f"expected a list, one '- ' item per {what}"))
    records = []
    for item in data:
        if not isinstance(item, dict):
            raise WorksheetError(Problem(label, 1, f"every item must be a {what} with named fields"))
        records.append(item)
    return records
