"""Problems found in the content, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file. ``line`` is 1-based; 0 means the whole file."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """One line, whatever characters the content put in the message."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{' '.join(self.message.split())}"


class WorksheetError(Exception):
    """A content file cannot be read at all (missing, not UTF-8, broken YAML)."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
