"""What a file really is, decided by its first bytes (its "magic"), never by its name.

A name and a multipart ``Content-Type`` are whatever the client typed. The bytes are what the
indexing service will parse, so they decide. The name is checked against the result: a file
called ``report.pdf`` that is a PNG, or plain text, is refused rather than stored under a lie.
"""

from __future__ import annotations

import io
import zipfile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"

# The extensions a name may have for each type the platform accepts.
EXTENSIONS = {
    PDF: {".pdf"},
    DOCX: {".docx"},
    TEXT: {".txt", ".text", ".csv", ".log"},
    MARKDOWN: {".md", ".markdown"},
}


class UnsupportedContent(ValueError):
    """The bytes are not a type the platform accepts, or the name claims another type."""


def _extension(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > 0 else ""


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_content_type(data: bytes, filename: str) -> str:
    """The content type of ``data``, one of EXTENSIONS' keys, or UnsupportedContent.

    PDF starts with ``%PDF-``; DOCX is a ZIP (``PK\\x03\\x04``) holding ``word/document.xml``;
    text is UTF-8 without NUL bytes (``text/markdown`` when the name ends in .md). Anything else
    (PNG, executables, other ZIPs...) is refused, and so is a name whose extension belongs to
    another type.
    """
    # BEGIN SOLUTION
    if data.startswith(b"%PDF-"):
        detected = PDF
    elif data.startswith(b"PK\x03\x04") and _is_docx(data):
        detected = DOCX
    elif _is_text(data):
        detected = MARKDOWN if _extension(filename) in EXTENSIONS[MARKDOWN] else TEXT
    else:
        raise UnsupportedContent("only PDF, DOCX and UTF-8 text documents are accepted")
    extension = _extension(filename)
    claimed = [kind for kind, extensions in EXTENSIONS.items() if extension in extensions]
    if claimed and detected not in claimed:
        raise UnsupportedContent(f"the name says {extension} but the content is {detected}")
    return detected
    # STARTER: raise NotImplementedError("TODO(day52): decide the type from the magic bytes")
    # END SOLUTION
