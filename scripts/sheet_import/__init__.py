"""The importer: a paper worksheet (an OCR'd plain text, a scanned PDF or page
images) turned into a draft worksheet folder, with its printed line numbers
recovered.

Readers (``text_sheet``, ``scan``) turn a source into a ``Sheet``: printed
lines, headline and byline, questions, and a statement of which lines are
certain. ``ocr_suspects`` and ``glossary_candidates`` read the lines;
``draft`` writes the folder and ``report`` says what was found. No MkDocs
import: the command-line script, the benchmark and the tests share it.
"""

from .importer import Imported, import_sheet
from .load import load_sheet
from .sheet import ImportFailure, Sheet

__all__ = ["ImportFailure", "Imported", "Sheet", "import_sheet", "load_sheet"]
