"""How common a word is in a language: its Zipf frequency in ``wordfreq``'s
list of that language (in English: 7 for "the", 5 for "quite", 3 for
"amalgamated", 0 for a word the list does not know)."""

from __future__ import annotations

import functools

from worksheet.language import DEFAULT

from .sheet import ImportFailure


@functools.lru_cache(maxsize=None)
def zipf(word: str, language: str = DEFAULT) -> float:
    """``word``'s frequency in ``language`` (a code of ``worksheet.language``)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        raise ImportFailure("the word list is missing: pip install -r requirements-import.txt -c constraints.txt") from None
    return zipf_frequency(word, language)
