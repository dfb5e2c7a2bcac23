"""The languages a sheet may be imported in: the core's codes
(``worksheet.language``) mapped to Tesseract's trained data (Debian's package
``tesseract-ocr-<data>``), and what the word checks need of each.

Run as a script with the import's arguments, it prints the Tesseract data
the import will ask for (``eng`` when none is given or the arguments are
wrong: the import itself then says what is wrong), so that ``run.sh`` can
install the right Debian package.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script by run.sh
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from worksheet.language import DEFAULT, LANGUAGES, known  # noqa: E402

#: Tesseract's trained data for each language.
TESSERACT = {"en": "eng", "fr": "fra", "es": "spa", "de": "deu", "it": "ita"}

#: Words of one letter, in small letters: two words run together are split
#: only into words (``anda`` → "and a"; Spanish ``ya`` stays).
ONE_LETTER_WORDS = {"en": "ai", "fr": "aày", "es": "aeouy", "de": "", "it": "aeio"}

#: Languages whose nouns are capitalised: a capital inside a sentence does not mark a name.
CAPITALISED_NOUNS = {"de"}

assert set(TESSERACT) == set(LANGUAGES) == set(ONE_LETTER_WORDS), "a language without its import data"


def checked(code: str) -> str:
    """``code`` in small letters, when the core knows it; else a ``ValueError``
    whose message is one line for the user."""
    if code.lower() not in LANGUAGES:
        raise ValueError(f"--language {code!r} is not one the importer knows: write one of {known()}")
    return code.lower()


def tesseract_data(code: str) -> str:
    return TESSERACT[checked(code)]


def _asked(arguments: list[str]) -> str:
    """The language the import's ``arguments`` ask for (``--language X`` or ``--language=X``)."""
    for k, argument in enumerate(arguments):
        if argument == "--language" and k + 1 < len(arguments):
            return arguments[k + 1]
        if argument.startswith("--language="):
            return argument.split("=", 1)[1]
    return DEFAULT


if __name__ == "__main__":
    try:
        print(tesseract_data(_asked(sys.argv[1:])))
    except ValueError:
        print(TESSERACT[DEFAULT])
