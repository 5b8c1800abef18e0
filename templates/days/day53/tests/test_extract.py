"""Known text comes out of PDF (per page), Word and text files."""

from knowledgecloud.indexing.extract import DOCX, PDF, Page, extract_pages
from tests.conftest import make_docx, make_pdf
from tests.documents import ERROR_CODES, REFUNDS, SHIPPING


def words(text: str) -> list[str]:
    return text.split()


def test_pdf_text_comes_out_page_by_page():
    pages = extract_pages(make_pdf(REFUNDS, ERROR_CODES), PDF)
    assert [page.number for page in pages] == [1, 2]
    assert words(pages[0].text) == words(REFUNDS)
    assert words(pages[1].text) == words(ERROR_CODES)


def test_empty_pdf_pages_are_left_out():
    pages = extract_pages(make_pdf(REFUNDS, "", ERROR_CODES), PDF)
    assert [page.number for page in pages] == [1, 3], "page numbers stay those of the file"


def test_word_paragraphs_come_out_in_order_without_pages():
    pages = extract_pages(make_docx(*SHIPPING), DOCX)
    assert len(pages) == 1 and pages[0].number is None
    assert pages[0].text.splitlines() == SHIPPING


def test_text_is_decoded_as_utf8():
    pages = extract_pages("Caf\u00e9 hours: 8 to 4.\n".encode(), "text/plain")
    assert pages == [Page(None, "Caf\u00e9 hours: 8 to 4.")]
