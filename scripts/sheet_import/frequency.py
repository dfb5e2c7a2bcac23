"""How common an English word is: its Zipf frequency in ``wordfreq``'s
English list (7 for "the", 5 for "quite", 3 for "amalgamated", 0 for a word
the list does not know)."""

from __future__ import annotations

import functools

from .sheet import ImportFailure


@functools.lru_cache(maxsize=None)
def zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        raise ImportFailure("the word list is missing: pip install -r requirements-import.txt -c constraints.txt") from None
    return zipf_frequency(word, "en")
