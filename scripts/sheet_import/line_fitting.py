"""Cutting prose into printed lines of even length, optionally into exactly
as many lines as two margin numbers leave between them.

Every line costs the square of its distance from the target width; a
paragraph's last line may fall short by up to half the width at no cost. A
paragraph starts a new line, indented, and may be preceded by a blank line
at a fixed cost: a blank is chosen where the numbering leaves more lines
than the words fill evenly. The cheapest layout wins (dynamic programming
over words and lines).
"""

from __future__ import annotations

from dataclasses import dataclass

from .sheet import PrintedLine

INDENT = 2  # characters a paragraph's first line gives up
BLANK = 0.05  # cost of a blank line, as a share of the squared width


@dataclass(frozen=True)
class Piece:
    """A paragraph, or the part of one that falls between two margin numbers."""

    words: list[str]
    starts_paragraph: bool = True
    ends_paragraph: bool = True


def fit_lines(pieces: list[Piece], width: float, count: int | None = None) -> list[PrintedLine] | None:
    """The lines, exactly ``count`` of them when given; None when they cannot fit."""
    words = [w for piece in pieces for w in piece.words]
    piece_of, first_word = [], []
    for p, piece in enumerate(pieces):
        first_word.append(len(piece_of))
        piece_of += [p] * len(piece.words)
    ends = first_word[1:] + [len(words)]
    counted = count is not None  # else the number of lines is free, and not part of the state
    # best[(i, n)]: (cost, previous state, blank after it) for words[:i] laid in n lines
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, bool]] = {(0, 0): (0.0, None, False)}
    for i in range(len(words)):
        for n in range(count if counted else 1):
            state = best.get((i, n))
            if state is None:
                continue
            p = piece_of[i]
            piece, end = pieces[p], ends[p]
            length = (INDENT if i == first_word[p] and piece.starts_paragraph else 0) - 1
            for j in range(i + 1, end + 1):
                length += len(words[j - 1]) + 1
                if length > 2 * width and j > i + 1:
                    break
                cost = state[0] + _cost(length, width, last=j == end and piece.ends_paragraph)
                targets = [(n + 1, False)]
                if j == end and j < len(words):  # a paragraph follows: a blank line may come first
                    targets.append((n + 2, True))
                for lines, blank in targets:
                    if counted and lines > count:
                        continue
                    key = (j, lines if counted else 0)
                    total = cost + (BLANK * width * width if blank else 0.0)
                    if total < best.get(key, (float("inf"),))[0]:
                        best[key] = (total, (i, n), blank)
    last = (len(words), count if counted else 0)
    if last not in best:
        return None
    return _lines(words, pieces, piece_of, first_word, best, last)


def _cost(length: int, width: float, last: bool) -> float:
    short = max(0.0, (width / 2 if last else width) - length)
    return short * short + max(0.0, length - width) ** 2


def _lines(words, pieces, piece_of, first_word, best, state) -> list[PrintedLine]:
    lines: list[PrintedLine] = []
    while best[state][1] is not None:
        _, previous, blank_after = best[state]
        i, j = previous[0], state[0]
        if blank_after:
            lines.append(PrintedLine(""))
        piece = pieces[piece_of[i]]
        starts = i == first_word[piece_of[i]] and piece.starts_paragraph
        lines.append(PrintedLine(" ".join(words[i:j]), starts_paragraph=starts))
        state = previous
    return lines[::-1]
