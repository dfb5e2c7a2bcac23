"""Margin line numbers merged into an OCR'd text: which numbers in the prose
are the sheet's line numbers.

OCR reads a sheet's margin numbers (20, 25, 30 …) into the prose, each just
before the first word of the line it marks: ``every Chinese 20 citizen``. A
number is taken for one when it stands alone (not ``1.4``, not ``2020.``), is
a multiple of 5, and belongs to the longest chain of such numbers whose
spacing in the text gives every line a plausible length: ``2015``, ``350`` or
``950`` would make lines a few characters long, so they stay prose. Between
chains as long, the most evenly spaced wins.
"""

from __future__ import annotations

import math
import re
import statistics

STEP = 5  # sheets number every fifth line
MIN_WIDTH, MAX_WIDTH = 20, 120  # characters per printed line that a chain may imply
NUMBER = re.compile(r"\d{1,3}")


def find_margin_numbers(words: list[str]) -> dict[int, int]:
    """``{word index: line number}`` of the margin numbers among ``words``."""
    offsets, offset = [], 0
    for word in words:
        offsets.append(offset)
        offset += len(word) + 1
    candidates = [(offsets[i], int(w), i) for i, w in enumerate(words)
                  if NUMBER.fullmatch(w) and int(w) >= STEP and int(w) % STEP == 0]
    chains: list[list[tuple[int, int, int]]] = []  # the best chain ending at each candidate
    for here in candidates:
        options = [[here]] if _plausible(here[0], here[1] - 1, first=True) else []
        options += [chain + [here] for chain in chains if chain and _follows(chain[-1], here)]
        chains.append(max(options, key=_rank, default=[]))
    best = max(chains, key=_rank, default=[])
    return {i: number for _, number, i in best}


def _follows(previous: tuple[int, int, int], here: tuple[int, int, int]) -> bool:
    (start, first, i), (end, last, _) = previous, here
    return last > first and _plausible(end - start - len(str(first)) - 1, last - first)


def _rank(chain: list[tuple[int, int, int]]) -> tuple[int, float]:
    """Longer first, then more even: the spread of the line widths it implies."""
    widths = [math.log((b[0] - a[0] + 1) / (b[1] - a[1])) for a, b in zip(chain, chain[1:])]
    return len(chain), -(statistics.pstdev(widths) if len(widths) > 1 else 0.0)


def _plausible(characters: int, lines: int, first: bool = False) -> bool:
    """Whether ``characters`` of prose fill ``lines`` printed lines plausibly.
    Before the first number, blank lines may lower the average."""
    if lines == 0:
        return characters == 0
    width = characters / lines
    return (MIN_WIDTH / 2 if first else MIN_WIDTH) <= width <= MAX_WIDTH
