"""The fingerprint of the text a page of questions is answered on.

A hand-in file carries it (overrides/assets/js/hand-in-file.js); the review
page compares it with the text the site holds now, so that an answer written
on another version of the article is flagged: its quotations were checked
against lines that may have changed. Sixteen hex digits of the SHA-256 of
the printed lines, one per line; for a sequence's final task, of its
articles in order.
"""

from __future__ import annotations

import hashlib

from .article import Article


def text_fingerprint(articles: list[Article]) -> str:
    digest = hashlib.sha256()
    for i, article in enumerate(articles):
        if i:
            digest.update(b"\f")
        digest.update("\n".join(line.text for line in article.lines).encode("utf-8"))
    return digest.hexdigest()[:16]
