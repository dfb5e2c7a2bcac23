"""Each worksheet's PDFs: made by the build when asked for, linked only then,
and a hand-written link to one that will not be made stops a strict build."""

from __future__ import annotations

import pytest

from support import log_of, pdf_pages, pdf_text, project, soup, strict_build

pytestmark = [pytest.mark.pdf, pytest.mark.browser]  # chromium prints them


def words(path) -> str:
    return " ".join(pdf_text(path).split())


def test_the_build_makes_each_worksheets_pdfs(pdf_site):
    site = pdf_site
    for slug, headline in (("bikes", "Two wheels good"), ("trams", "The city that kept its trams")):
        sheet, key = site / slug / "pdf" / "worksheet.pdf", site / slug / "pdf" / "answer-key.pdf"
        assert words(sheet).count(headline) == 1
        assert "Name: Class: Date:" in words(sheet)
        assert "Model answer" not in words(sheet)
        assert "Model answer" in words(key)
        assert pdf_pages(key) >= pdf_pages(sheet)
    bikes = words(site / "bikes" / "pdf" / "worksheet.pdf")
    assert "5 The city did not always love the bicycle. In the" in bikes  # numbered as on paper
    assert "How did « Parents and activists » change the city?" in bikes
    assert "Vocabulary" in bikes and "wobble verb vaciller, tanguer" in bikes


def test_the_pages_link_to_the_pdfs_they_have(pdf_site, pdf_student_site):
    site, student_site = pdf_site, pdf_student_site
    sheet = soup(site, "bikes/worksheet/")
    links = [(a["href"], a["download"]) for a in sheet.select("a.pdf-link")]
    assert links == [("../pdf/worksheet.pdf", "bikes-worksheet.pdf"), ("../pdf/answer-key.pdf", "bikes-answer-key.pdf")]
    assert "teacher-only" in sheet.select("a.pdf-link")[1]["class"]
    assert [a["href"] for a in soup(site, "bikes/").select("a.pdf-link")] == ["pdf/worksheet.pdf", "pdf/answer-key.pdf"]
    student = soup(student_site, "bikes/worksheet/")
    assert [a["href"] for a in student.select("a.pdf-link")] == ["../pdf/worksheet.pdf"]
    assert not (student_site / "bikes" / "pdf" / "answer-key.pdf").exists()


def test_without_pdfs_no_page_links_to_one(site):
    """The session's site: built strict, without PDFs."""
    assert list(site.rglob("*.pdf")) == []
    assert [p for p in site.rglob("*.html") if soup(site, p.relative_to(site).as_posix()).select("a[href$='.pdf']")] == []
    assert soup(site, "bikes/worksheet/").select_one("button.print-button") is not None


def test_a_link_to_a_pdf_that_will_not_be_made_stops_a_strict_build(tmp_path):
    root = project(tmp_path / "project")
    with (root / "docs" / "bikes" / "index.md").open("a", encoding="utf-8") as file:
        file.write("\n[The worksheet as a PDF](pdf/worksheet.pdf)\n")
    result = strict_build(root)
    assert result.returncode == 1
    assert ("Doc file 'bikes/index.md' contains a link 'pdf/worksheet.pdf', but the target "
            "'bikes/pdf/worksheet.pdf' is not found among documentation files.") in log_of(result)
    assert strict_build(root, pdfs=True).returncode == 0
