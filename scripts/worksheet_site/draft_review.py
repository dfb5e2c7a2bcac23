"""The review screen of a draft read from scans, under ``mkdocs serve`` only:
the draft's article page shows each scanned page beside the lines recovered
from it, numbered, with the words the OCR was unsure of marked, so that a
teacher can check the draft line by line against the paper.

The material is what the importer keeps beside the docs folder
(``.import-review/<slug>/``: ``review.json`` and the cleaned page images).
The images are written into the served page as ``data:`` addresses: no file
of them is ever added to the site, and a build (either edition) never calls
this module. The OCR'd text is untrusted: it is escaped, never run as markup.
"""

from __future__ import annotations

import base64
import json
from html import escape
from pathlib import Path

FOLDER = ".import-review"  # beside the docs folder, as the importer writes it
STYLE = """
.draft-review { margin: 2rem 0; padding: 1rem; border: 2px dashed #b26a00; background: #fffaf0; color: #1a1a1a;
  font: 15px/1.45 system-ui, sans-serif; }
.draft-review h2 { margin: 0 0 .5rem; font-size: 1.2rem; }
.draft-review__page { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem;
  margin-top: 1rem; align-items: start; }
@media (max-width: 700px) { .draft-review__page { grid-template-columns: 1fr; } }
.draft-review__scan { position: relative; border: 1px solid #999; }
.draft-review__scan img { display: block; width: 100%; height: auto; }
.draft-review__box { position: absolute; outline: 1px solid rgba(0, 90, 200, .45); }
.draft-review__box span { position: absolute; right: 100%; top: 0; margin-right: 2px; padding: 0 2px;
  font: 10px/1.2 ui-monospace, monospace; background: #005ac8; color: #fff; }
.draft-review__box.unsure { outline: 2px solid #d32f2f; }
.draft-review ol { margin: 0; padding-left: 3.2em; font-family: ui-monospace, monospace; font-size: 13px; }
.draft-review li::marker { color: #555; }
.draft-review li.numbered::marker { font-weight: bold; color: #005ac8; }
.draft-review mark { background: #ffcdd2; color: inherit; outline: 1px solid #d32f2f; }
"""


def review_of(src_uri: str, docs_dir: str) -> Path | None:
    """The review folder of the page ``src_uri``, if it is a draft's article page that has one."""
    parts = src_uri.split("/")
    if len(parts) != 2 or parts[1] != "article.md":
        return None
    folder = Path(docs_dir).resolve().parent / FOLDER / parts[0]
    return folder if (folder / "review.json").is_file() else None


def with_review(output: str, src_uri: str, docs_dir: str) -> str:
    """The served page ``output``, with the review screen added when the page has one."""
    folder = review_of(src_uri, docs_dir)
    if folder is None:
        return output
    try:
        review = json.loads((folder / "review.json").read_text(encoding="utf-8"))
        screen = review_html(review, folder)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        screen = (f'<section class="draft-review"><h2>Review of the scan</h2><p>The review material in '
                  f"{escape(str(folder))} cannot be read ({escape(str(exc))}): import the sheet again.</p></section>")
    for closing in ("</article>", "</body>"):
        at = output.rfind(closing)
        if at != -1:
            return output[:at] + screen + output[at:]
    return output + screen


def review_html(review: dict, folder: Path) -> str:
    pages = []
    for k, name in enumerate(review["pages"]):
        lines = [line for line in review["lines"] if line.get("page") == k]
        image = base64.b64encode((folder / Path(name).name).read_bytes()).decode("ascii")
        boxes = "".join(_box(line) for line in lines)
        items = "".join(_item(line) for line in lines)
        first = lines[0]["number"] if lines else 1
        pages.append(
            f'<div class="draft-review__page"><div class="draft-review__scan">'
            f'<img src="data:image/jpeg;base64,{image}" alt="Scanned page {k + 1}">{boxes}</div>'
            f'<ol start="{first}" aria-label="Lines recovered from page {k + 1}">{items}</ol></div>')
    unsure = sum(len(line.get("unsure", [])) for line in review["lines"])
    return (f'<section class="draft-review" aria-label="Review of the scan"><style>{STYLE}</style>'
            f"<h2>Review of the scan: {escape(str(review.get('source', '')))}</h2>"
            f"<p>Only shown while serving the draft. Each scanned page stands beside the lines recovered from it; "
            f"the boxes on the page carry the line numbers, and the {unsure} word{'s' if unsure != 1 else ''} "
            f"the OCR was unsure of are marked. Check each line against the paper.</p>{''.join(pages)}</section>")


def _box(line: dict) -> str:
    left, top, right, bottom = (float(v) * 100 for v in line["box"])
    unsure = " unsure" if line.get("unsure") else ""
    return (f'<div class="draft-review__box{unsure}" style="left:{left:.2f}%;top:{top:.2f}%;'
            f'width:{right - left:.2f}%;height:{bottom - top:.2f}%"><span>{int(line["number"])}</span></div>')


def _item(line: dict) -> str:
    unsure = set(line.get("unsure", []))
    words = [f"<mark>{escape(w)}</mark>" if w in unsure else escape(w) for w in str(line["text"]).split()]
    numbered = ' class="numbered"' if line.get("numbered") else ""
    return f'<li value="{int(line["number"])}"{numbered}>{" ".join(words)}</li>'
