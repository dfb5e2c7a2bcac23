"""The article's credits on a sheet: its headline, and the byline that gives
author, publication and date (``Charles Rollet · WIRED UK · 5 June 2018``,
``**Charles Rollet** June 5, 2018, wired.com``, ``By Jane Doe, The Times``)."""

from __future__ import annotations

import calendar
import re

from .sheet import Byline

_MONTH = "|".join(sorted({*calendar.month_name[1:], *calendar.month_abbr[1:]}, key=len, reverse=True))
DATE = re.compile(
    rf"\b(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # June 5, 2018
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+\d{{4}}"  # 5 June 2018
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"  # 2018-06-05
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b"  # 05/06/2018
)
SEPARATORS = re.compile(r"\s*(?:[·•|,]|\s[-–—]\s)\s*")
MARKUP = re.compile(r"^\s*>\s*|[*_]{1,2}")
FORM_FIELD = re.compile(r"\b(?:name|class|date)\s*:", re.IGNORECASE)
NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*$")
MAX_BYLINE = 120  # characters: a longer paragraph is prose, not a byline


def plain(text: str) -> str:
    """The text without Markdown quote and emphasis marks, spaces squeezed."""
    return " ".join(MARKUP.sub(" ", text).split())


def is_byline(text: str) -> bool:
    """A short line that dates the article, or starts with "By"."""
    text = plain(text)
    return len(text) <= MAX_BYLINE and bool(DATE.search(text) or re.match(r"By\s+[A-Z]", text))


def is_form_line(text: str) -> bool:
    """The sheet's "Name: … Class: … Date: …" line, not part of the article."""
    return len(FORM_FIELD.findall(text)) >= 2


def read_byline(text: str) -> Byline:
    """Author, publication and date from a byline; what is missing stays None."""
    text = plain(text)
    match = DATE.search(text)
    date = match.group(0) if match else None
    rest = DATE.sub(" , ", text) if match else text
    rest = re.sub(r"^By\s+", "", rest.strip())
    parts = [p.strip(" .") for p in SEPARATORS.split(rest) if p.strip(" .")]
    author = parts.pop(0) if parts and NAME.match(parts[0]) else None
    publication = parts[0] if parts else None
    return Byline(author=author, publication=publication, date=date)


def pick_headline(candidates: list[str]) -> str | None:
    """The headline among the lines above the article: the longest one that is
    neither a kicker in capitals, nor the byline, nor the name/class/date line."""
    titles = [plain(t) for t in candidates if not is_byline(t) and not is_form_line(t)]
    titles = [t for t in titles if t and not t.isupper()] or [t for t in titles if t]
    return max(titles, key=len) if titles else None
