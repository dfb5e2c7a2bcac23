"""What an exercise's page holds: each item's prompt and lines, and, in
place of its expected answer, salted hashes of every accepted answer
(worksheet.exercises.answer_hash), in both editions; the key, for the
classroom edition's ``/// items`` part and the answer key.

The salt is the worksheet's: a hash of its folder and its article's
fingerprint, so that the same answer hashes differently on another
worksheet.
"""

from __future__ import annotations

import hashlib

from worksheet.exercises import Exercise, accepted, answer_hash
from worksheet.questions import Question


def salt_of(key: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{key}|{fingerprint}".encode("utf-8")).hexdigest()[:16]


def item_views(question: Question, salt: str) -> list[dict]:
    """The items as the page shows them: {number, prompt, lines, options, hashes}."""
    exercise: Exercise = question.exercise
    views = []
    for number, item in enumerate(exercise.items, start=1):
        views.append({
            "number": number, "prompt": item.prompt, "lines": str(item.lines) if item.lines else "",
            "options": [{"text": o.text, "quote": str(o.quote) if o.quote else ""} for o in item.options],
            "several": exercise.kind == "choice" and len(item.answer) > 1,
            "hashes": sorted(answer_hash(salt, question.id, number, a) for a in accepted(item, exercise.kind)),
        })
    return views


def spec(question: Question, salt: str) -> dict:
    """The exercise as its page holds it, as exercises.js reads it (specOf):
    for the review page, which computes a handed-in answer's mark again."""
    return {"kind": question.exercise_kind, "salt": salt, "question": question.id, "points": question.points or 0,
            "items": [{"number": v["number"], "hashes": v["hashes"], "lines": v["lines"],
                       "quotes": {str(i): o["quote"] for i, o in enumerate(v["options"], start=1) if o["quote"]}}
                      for v in item_views(question, salt)]}


def key_lines(question: Question) -> list[str]:
    """The key, an item a line: "1. False (lines 8–14): “…”"."""
    exercise = question.exercise
    out = []
    for number, item in enumerate(exercise.items, start=1):
        where = f" ({item.lines.label()})" if item.lines else ""
        if exercise.kind == "true-false":
            said = ("True" if item.answer else "False") + where + (f": “{item.quotation}”" if item.quotation else "")
        elif exercise.kind == "find-words":
            said = " / ".join(item.answer) + where + (f" (also: {', '.join(item.alternatives)})" if item.alternatives else "")
        elif exercise.kind == "choice":
            said = "; ".join(f"{n}. {item.options[n - 1].text}" for n in item.answer)
        else:
            said = f"{item.prompt}: {chr(64 + item.answer)}. {exercise.meanings[item.answer - 1]}"
        out.append(f"{number}. {said}")
    return out
