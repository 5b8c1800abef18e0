"""document.uploaded becomes chunks and vectors once per event; document.deleted removes them."""

import hashlib
import json

from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import func, select

from knowledgecloud.indexing.tables import chunk_vectors, chunks
from knowledgecloud.platform.contracts import CONTRACTS
from knowledgecloud.platform.events import new_event
from tests.conftest import NOW, make_docx, make_pdf
from tests.documents import ERROR_CODES, REFUNDS, SHIPPING


def rows(platform, table, document_id):
    with platform.indexing.engine.connect() as connection:
        return connection.scalar(
            select(func.count()).select_from(table).where(table.c.document_id == document_id)
        )


def chunk_ids(platform, document_id):
    return sorted(c.id for c in platform.reader.chunks("acme") if c.document_id == document_id)


def replacement_event(platform, original: dict, data: bytes) -> dict:
    """A new document.uploaded for the same document: its content was replaced."""
    sha = hashlib.sha256(data).hexdigest()
    key = f"documents/{original['tenant_id']}/{sha}"
    platform.objects.put(key, data, "text/plain")
    fields = {k: original[k] for k in ("document_id", "owner_id", "filename", "content_type")}
    return new_event(
        "document.uploaded",
        tenant_id=original["tenant_id"],
        correlation_id="req-replace",
        occurred_at=NOW,
        **{**fields, "content_type": "text/plain"},
        size_bytes=len(data),
        sha256=sha,
        storage_key=key,
    )


def test_an_uploaded_pdf_becomes_chunks_with_a_vector_each(platform):
    document = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.deliver()
    indexed = platform.reader.chunks("acme")
    assert {c.page for c in indexed} == {1, 2}
    assert all(c.document_id == document["id"] for c in indexed)
    assert rows(platform, chunks, document["id"]) == rows(platform, chunk_vectors, document["id"])
    assert " ".join(c.text for c in indexed).split() == (REFUNDS + " " + ERROR_CODES).split()


def test_a_redelivered_event_is_indexed_once(platform):
    document = platform.upload("shipping.docx", make_docx(*SHIPPING))
    platform.deliver()
    before = chunk_ids(platform, document["id"])
    (uploaded,) = platform.bus.published("document.uploaded")
    platform.bus.publish(uploaded)  # the relay crashed before marking it: it comes again
    platform.deliver()
    assert chunk_ids(platform, document["id"]) == before, "no duplicate and no rewritten chunks"
    assert len(platform.bus.published("document.indexed")) == 1


def test_a_new_event_for_the_same_document_indexes_it_again(platform):
    document = platform.upload("notes.txt", b"The canteen opens at noon.")
    platform.deliver()
    (original,) = platform.bus.published("document.uploaded")
    platform.bus.publish(replacement_event(platform, original, b"The canteen now opens at eleven."))
    platform.deliver()
    texts = [c.text for c in platform.reader.chunks("acme") if c.document_id == document["id"]]
    assert texts == ["The canteen now opens at eleven."], "new content, new event: index again"
    assert len(platform.bus.published("document.indexed")) == 2


def test_a_late_redelivery_cannot_bring_back_old_text(platform):
    document = platform.upload("notes.txt", b"The canteen opens at noon.")
    platform.deliver()
    (original,) = platform.bus.published("document.uploaded")
    platform.bus.publish(replacement_event(platform, original, b"The canteen now opens at eleven."))
    platform.deliver()
    platform.bus.publish(original)  # the first event, delivered once more, late
    platform.deliver()
    texts = [c.text for c in platform.reader.chunks("acme") if c.document_id == document["id"]]
    assert texts == ["The canteen now opens at eleven."]


def test_document_indexed_follows_its_contract(platform):
    document = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.deliver()
    (indexed,) = platform.bus.published("document.indexed")
    schema = json.loads((CONTRACTS / "document.indexed.v1.json").read_text())
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    assert [e.message for e in validator.iter_errors(indexed)] == []
    assert indexed["document_id"] == document["id"] and indexed["sha256"] == document["sha256"]
    assert indexed["chunk_count"] == rows(platform, chunks, document["id"]) > 0
    assert indexed["correlation_id"] == "req-handbook.pdf", "the upload's correlation id travels on"


def test_delete_removes_every_chunk_and_vector(platform):
    kept = platform.upload("shipping.docx", make_docx(*SHIPPING))
    gone = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.deliver()
    platform.delete(gone["id"])
    platform.deliver()
    assert rows(platform, chunks, gone["id"]) == 0
    assert rows(platform, chunk_vectors, gone["id"]) == 0, "the vectors must go with the chunks"
    assert rows(platform, chunks, kept["id"]) == rows(platform, chunk_vectors, kept["id"]) > 0


def test_an_upload_deleted_before_indexing_leaves_nothing_behind(platform):
    document = platform.upload("notes.txt", b"Temporary note about the canteen.")
    platform.delete(document["id"])  # both events are in the outbox before indexing runs
    platform.deliver()
    assert platform.bus.pending("indexing") == 0, "the events were handled, not stuck"
    assert platform.reader.chunks("acme") == []
    assert platform.bus.published("document.indexed") == []
