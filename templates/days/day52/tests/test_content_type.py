"""The bytes decide what a file is; the name and the part's Content-Type are only claims."""

import pytest

from tests.conftest import PNG, docx_bytes, pdf_bytes, upload


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("report.pdf", pdf_bytes(), "application/pdf"),
        (
            "minutes.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("readme.md", b"# Onboarding\n\nAsk for a laptop.\n", "text/markdown"),
        ("notes", "Caf\u00e9 opening hours\n".encode(), "text/plain"),
    ],
    ids=["pdf", "docx", "markdown", "text"],
)
def test_type_comes_from_the_magic_bytes(client, filename, data, expected):
    # The part claims application/octet-stream every time: the bytes decide.
    response = upload(client, filename, data)
    assert response.status_code == 201, response.text
    assert response.json()["content_type"] == expected


def test_png_bytes_named_pdf_are_refused(client, objects):
    response = upload(client, "invoice.pdf", PNG, part_type="application/pdf")
    assert response.status_code == 415, "a PNG is a PNG whatever its name says"
    assert objects.keys() == [], "a refused file is not stored"


def test_text_named_docx_is_refused(client):
    response = upload(client, "contract.docx", b"plain words\n")
    assert response.status_code == 415


def test_zip_that_is_not_a_word_document_is_refused(client):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.sh", "echo hi")
    response = upload(client, "archive.docx", buffer.getvalue())
    assert response.status_code == 415
