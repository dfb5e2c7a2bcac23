"""Reading content files: UTF-8 text, optional YAML front matter, YAML data.

Every failure becomes a ``WorksheetError`` naming the file (and the line when
YAML can tell it), never a traceback. A YAML error names the line where the
problem starts: for a quote that is never closed, the line where it opens,
not the end of the file or the next quote, far below, that YAML paired it with.
"""

from __future__ import annotations

import re
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


def load_yaml(text: str, loaders=SAFE_LOADERS):
    """YAML data, read by the C parser when PyYAML has one. Broken YAML is
    read again by the Python parser, whose error is the one raised: the same
    whether or not the C parser is installed."""
    *fast, python = loaders
    for loader in fast:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader
        except Exception:  # noqa: BLE001 - the Python parser says what is wrong
            break
    return yaml.load(text, Loader=python)  # noqa: S506 - a SafeLoader


def parse_yaml(text: str, label: str, first_line: int = 1, loaders=SAFE_LOADERS, what: str = "YAML"):
    """YAML data; ``first_line`` is where ``text`` starts in the file."""
    python = loaders[-1]
    try:
        return load_yaml(text, loaders)
    except yaml.YAMLError as exc:
        opened = _unclosed_quote(exc, text, python)
        if opened is not None:
            raise WorksheetError(Problem(label, first_line + opened, f"invalid {what}: the quote that opens here is not closed")) from None
        row, reason = plain_reason(exc, text)
        raise WorksheetError(Problem(label, first_line + row, f"invalid {what}: {reason}")) from None
    except RecursionError:
        raise WorksheetError(Problem(label, first_line, f"invalid {what}: nested too deeply")) from None


#: A closer YAML expected, and what it closes.
_CLOSERS = {"]": "list opened with '['", "}": "group opened with '{'"}
INDENTATION = "this line does not line up with the one above it: indent every field of an entry alike"


def plain_reason(exc, text: str) -> tuple[int, str]:
    """The 0-based row where the teacher must act, and what is wrong there,
    in plain words rather than the parser's."""
    problem = str(getattr(exc, "problem", None) or "")
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    row = mark.line if mark is not None else 0
    rows = text.split("\n")
    here = rows[row] if row < len(rows) else ""
    for closer, opened in _CLOSERS.items():
        if problem.startswith(f"expected ',' or '{closer}'") and context is not None:
            return context.line, f"the {opened} on this line is not closed with '{closer}'"
    if problem.startswith("expected <block end>"):
        before = here[: mark.column].rstrip() if mark is not None else ""
        if "found '<scalar>'" in problem and before.endswith(("\"", "'", "]", "}")):
            what = "bracket" if before[-1] in "]}" else "quote"
            return row, f"the value goes on after its closing {what}: put the whole value in quotes"
        return row, INDENTATION
    if problem == "mapping values are not allowed here":
        if mark is not None and re.match(r"^\s*(?:-\s+)?[^\s:#][^:]*:\s", here[: mark.column + 1] + " ") \
                and here[: mark.column].count(": ") == 0:
            return row, INDENTATION
        return row, "a colon and a space inside a value: put the value in quotes"
    if problem.startswith("found character '\\t'"):
        return row, "a tab character: indent with spaces"
    if problem.startswith("found character") or problem.startswith("found undefined alias"):
        char = here[mark.column] if mark is not None and mark.column < len(here) else "*"
        return row, f"a value cannot start with '{char}': put the value in quotes"
    if problem == "could not find expected ':'":
        row = context.line if context is not None else row
        return row, "this line is not a field: write it as 'name: value'"
    if problem == "sequence entries are not allowed here":
        return row, "a '- ' item where a field was expected: line it up with the other items"
    return row, "this line is not valid YAML: check its indentation, its colons and its quotes"


#: A row that starts a field ("  french: x", "- term: b"): inside a quoted value, a sign it swallowed the rows below
_FIELD_ROW = re.compile(r"\n[^\S\n]*(?:-[^\S\n]+)?[^\s:#'\"-][^:\n]*:(?:[^\S\n]|\n|$)")


def _unclosed_quote(exc, text: str, loader) -> int | None:
    """The 0-based row where a quote that is never closed opens, if that is
    what broke the YAML: either YAML ran to the end looking for its end, or
    it closed it with a later quote, after swallowing whole rows of fields,
    just where the error stands."""
    if getattr(exc, "context", None) == "while scanning a quoted scalar" and exc.context_mark is not None:
        return exc.context_mark.line
    problem = getattr(exc, "problem_mark", None)
    if problem is None:
        return None
    opened = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.line > problem.line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                start, end = token.start_mark.index, token.end_mark.index
                if token.end_mark.line == problem.line and _FIELD_ROW.search(text, start, end):
                    opened = token.start_mark.line
    except yaml.YAMLError:
        pass
    return opened


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
