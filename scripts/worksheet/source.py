"""Reading content files: UTF-8 text, optional YAML front matter, YAML data.

Every failure becomes a ``WorksheetError`` naming the file (and the line when
YAML can tell it), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem, WorksheetError


def read_text(path: Path, label: str) -> str:
    """The file's text; ``label`` is the name used in messages."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorksheetError(Problem(label, 0, "file not found")) from None
    except OSError as exc:
        raise WorksheetError(Problem(label, 0, f"cannot read file: {exc.strerror or exc}")) from None
    try:
        return data.decode("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise WorksheetError(Problem(label, line, "not valid UTF-8 text")) from None


#: The C parser when PyYAML has one (much faster), then the Python one.
SAFE_LOADERS = tuple(loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader)


def parse_yaml(text: str, label: str, first_line: int = 1, loaders=SAFE_LOADERS, what: str = "YAML"):
    """YAML data; ``first_line`` is where ``text`` starts in the file.

    Broken YAML is read again by the Python parser, whose message is the one
    reported: the same whether or not the C parser is installed."""
    *fast, python = loaders
    for loader in fast:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader
        except Exception:  # noqa: BLE001 - the Python parser says what is wrong
            break
    try:
        return yaml.load(text, Loader=python)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        reason = " ".join(str(getattr(exc, "problem", None) or "not valid YAML").split())
        raise WorksheetError(Problem(label, line, f"invalid {what}: {reason}")) from None
    except RecursionError:
        raise WorksheetError(Problem(label, first_line, f"invalid {what}: nested too deeply")) from None


def split_front_matter(text: str, label: str) -> tuple[dict, str, int]:
    """``(front matter, body, line number where the body starts)``."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise WorksheetError(Problem(label, 1, "front matter is not closed by a '---' line"))
    meta = parse_yaml(text[4 : end + 1], label, first_line=2, what="front matter") or {}
    if not isinstance(meta, dict):
        raise WorksheetError(Problem(label, 2, "front matter must be a list of 'key: value' lines"))
    body = text[end + 5 :]
    return meta, body, text[: end + 5].count("\n") + 1
