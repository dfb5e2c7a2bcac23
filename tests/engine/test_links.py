"""Every link and every loaded file of the site leads somewhere: in a plain
build, in a site published under a sub-path, and in the offline copy opened
from files. Each ``href`` and ``src`` resolves to a file of the site, or to an
anchor that exists; links to other sites are allowed, files from them are not."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from support import build

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def crawl(site: Path, base: str) -> tuple[list[str], int]:
    """(broken links as "page: link", number of links checked) of the site in
    ``site``, published at ``base``."""
    pages = {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in site.rglob("*.html")}
    ids = {path: {e["id"] for e in page.select("[id]")} | {e["name"] for e in page.select("a[name]")}
           for path, page in pages.items()}
    broken, checked = [], 0
    for path, page in pages.items():
        address = base + path.relative_to(site).as_posix()
        for tag, attribute in ATTRIBUTES.items():
            for element in page.find_all(tag):
                value = element.get(attribute)
                if value is None or value.startswith(("mailto:", "data:", "javascript:")):
                    continue
                if tag == "link" and element.get("rel") == ["canonical"] and not base.startswith("http"):
                    continue
                checked += 1
                target = urljoin(address, value)
                where = f"{path.relative_to(site).as_posix()}: {value}"
                if not target.startswith(base):
                    if tag != "a" or not urlsplit(target).scheme.startswith("http") or urlsplit(target).netloc == urlsplit(base).netloc:
                        broken.append(f"{where} (outside the site)")
                    continue
                parts = urlsplit(target[len(base):])
                file = site / unquote(parts.path)
                if parts.path == "" or parts.path.endswith("/"):
                    file = file / "index.html"
                if not file.is_file():
                    broken.append(f"{where} (no file {file.relative_to(site).as_posix()})")
                elif parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in ids[file]:
                    broken.append(f"{where} (no anchor #{parts.fragment})")
    return broken, checked


def test_every_link_of_the_site_works(site, base_url):
    broken, checked = crawl(site, base=base_url)
    assert broken == []
    assert checked > 300


def test_every_link_works_when_the_site_lives_under_a_sub_path(library, tmp_path):
    base = "https://school.example.org/english/worksheets/"
    site = build(library, tmp_path / "site", site_url=base)
    broken, checked = crawl(site, base=base)
    assert broken == []
    assert checked > 300
    canonical = (site / "bikes" / "article" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}bikes/article/">' in canonical


def test_every_link_of_the_offline_copy_works_from_files(offline_site):
    broken, checked = crawl(offline_site, base="file:///media/usb/study-site/")
    assert broken == []
    assert checked > 300
    article = (offline_site / "bikes" / "article.html").read_text(encoding="utf-8")
    assert 'href="../bikes/questions.html#q1"' in article or 'href="questions.html#q1"' in article


def test_the_crawl_finds_a_broken_link(site, base_url, tmp_path):
    """The crawl itself catches a link to a page or an anchor that is not there."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "bikes" / "article" / "index.html"
    html = page.read_text(encoding="utf-8").replace("</article>", '<a href="../missing/">x</a><a href="#L99">y</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    broken, _ = crawl(copy, base=base_url)
    assert broken == ["bikes/article/index.html: ../missing/ (no file bikes/missing/index.html)",
                      "bikes/article/index.html: #L99 (no anchor #L99)"]
