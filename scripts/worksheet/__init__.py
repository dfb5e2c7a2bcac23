"""The worksheet core: an article cut into printed lines, questions that cite
those lines, a glossary and notes, and the checks that tie them together.

Plain Python with no MkDocs import, so the MkDocs hook, the command-line
checker, the PDF maker and the tests all share it.
"""

from .model import Worksheet, load_worksheet
from .problems import Problem, WorksheetError

__all__ = ["Problem", "Worksheet", "WorksheetError", "load_worksheet"]
