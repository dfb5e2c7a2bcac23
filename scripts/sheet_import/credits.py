"""The article's credits on a sheet: its headline, and the byline that gives
author, publication and date (``Charles Rollet · WIRED UK · 5 June 2018``,
``**Charles Rollet** June 5, 2018, wired.com``, ``By Jane Doe, The Times``,
or a literary source line: ``Henry David Thoreau, *Walden*, chapter 2 (1854)``);
and the worksheet's own header lines, which are neither (``Name: … Class: …``,
``Document 2``, ``Compréhension écrite``)."""

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
HEADER = re.compile(
    r"^\s*(?:document|doc\.?|texte?)\s*(?:n°\s*)?(?-i:[A-Z0-9]{1,2})\b"  # Document 2, Doc. B, Texte 3
    r"|^\s*(?:compr\S*hension|expression|production)\s+\S*crite"  # Compréhension écrite, as OCR may spell it
    r"|\b(?:name|nom|pr[ée]nom|class|classe|date|group)\s*:"  # a form field
    r"|^[\s_.…-]+$"  # a rule to write on
    r"|^(?=.{0,50}$).*\b(?:seconde|premi[èe]re|terminale|llcer|lyc[ée]e|anglais)\b",  # the class, the school
    re.IGNORECASE,
)
YEAR = re.compile(r"\((\d{4})\)\s*\.?$|,\s*(\d{4})\s*\.?$")  # (1854) or , 1854 closing a source line
WORK_BY = re.compile(r"^(?:from\s+)?(.+?),?\s+by\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*,?\s*$",
                     re.IGNORECASE)  # From Walden by Henry David Thoreau (1854)
SOURCE = re.compile(r"^(?:from\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*,\s*\S")  # Author, Title …
NAME = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*$")
MAX_BYLINE = 120  # characters: a longer paragraph is prose, not a byline


def plain(text: str) -> str:
    """The text without Markdown quote and emphasis marks, spaces squeezed."""
    return " ".join(MARKUP.sub(" ", text).split())


def is_byline(text: str) -> bool:
    """A short line that dates the article, starts with "By", or names an
    author, a title and a year: a literary source line."""
    text = plain(text)
    source = YEAR.search(text) and (SOURCE.match(text) or WORK_BY.match(YEAR.sub("", text)))
    return len(text) <= MAX_BYLINE and bool(DATE.search(text) or re.match(r"By\s+[A-Z]", text) or source)


def is_form_line(text: str) -> bool:
    """The sheet's "Name: … Class: … Date: …" line, not part of the article."""
    return len(FORM_FIELD.findall(text)) >= 2


def is_header_line(text: str) -> bool:
    """A line of the worksheet's own header: a form field, "Document 2",
    "Compréhension écrite", a rule to write on."""
    return bool(HEADER.search(text) or HEADER.search(plain(text)))


def read_byline(text: str) -> Byline:
    """Author, publication and date from a byline; what is missing stays None."""
    text = plain(text)
    match = DATE.search(text)
    year = None if match else YEAR.search(text)
    date = match.group(0) if match else (year.group(1) or year.group(2)) if year else None
    rest = DATE.sub(" , ", text) if match else YEAR.sub("", text) if year else text
    work_by = WORK_BY.match(rest.strip()) if year else None
    if work_by:
        return Byline(author=work_by.group(2), publication=work_by.group(1).strip(" ,."), date=date)
    rest = re.sub(r"^(?:By|From)\s+", "", rest.strip())
    parts = [p.strip(" .") for p in SEPARATORS.split(rest) if p.strip(" .")]
    author = parts.pop(0) if parts and NAME.match(parts[0]) else None
    publication = (", ".join(parts) if year else parts[0]) if parts else None
    return Byline(author=author, publication=publication, date=date)


def pick_headline(candidates: list[str]) -> str | None:
    """The headline among the lines above the article: the longest one that is
    neither a kicker in capitals, nor the byline, nor the name/class/date line."""
    titles = [plain(t) for t in candidates if not is_byline(t) and not is_form_line(t)]
    titles = [t for t in titles if t and not t.isupper()] or [t for t in titles if t]
    return max(titles, key=len) if titles else None
