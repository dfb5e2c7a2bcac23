"""YAML lists of mappings that remember the file line of each mapping."""

from __future__ import annotations

import yaml

from .problems import Problem, WorksheetError
from .source import parse_yaml


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_records(text: str, label: str, what: str) -> list[dict]:
    """A YAML list of mappings, each with its ``__line__``."""
    data = parse_yaml(text, label, loader=_LineLoader)
    if data is None:
        return []
    if not isinstance(data, list):
        raise WorksheetError(Problem(label, 1, f"expected a list of {what}, one '- ' item each"))
    records = []
    for item in data:
        if not isinstance(item, dict):
            raise WorksheetError(Problem(label, 1, f"every item must be a {what} with named fields"))
        records.append(item)
    return records
