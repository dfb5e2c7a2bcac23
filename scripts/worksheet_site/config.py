"""What ``mkdocs.yml`` can set under ``plugins: - worksheet:``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from worksheet.language import LANGUAGES

EDITIONS = ("classroom", "student")


class WorksheetConfig(Config):
    #: ``classroom``: everything, with teacher mode; ``student``: every
    #: model answer, teacher note and classroom-only part removed at build time.
    edition = c.Choice(EDITIONS, default="classroom")
    #: Render each worksheet's PDFs (worksheet, and answer key in the classroom
    #: edition) after ``mkdocs build``, with Debian's chromium. Their links show
    #: only when they are made; ``mkdocs serve`` never makes them.
    pdfs = c.Type(bool, default=False)
    #: A margin number every this many lines, as on the paper sheet.
    number_every = c.Type(int, default=5)
    #: The site-wide vocabulary on one page up to this many terms; beyond, a
    #: page for each first letter, and an index of every term.
    vocabulary_per_page = c.Type(int, default=300)
    #: The language of a worksheet's text unless its index.md says another
    #: (``language: es``); without it, Material's ``theme.language``.
    language = c.Optional(c.Choice(tuple(LANGUAGES)))
    #: The language of the site's own words (buttons, labels, messages):
    #: a table in scripts/worksheet/interface/. Empty: theme.language, the
    #: language Material's own words are in.
    interface_language = c.Type(str, default="")
