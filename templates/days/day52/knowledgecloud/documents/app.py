"""The documents service's HTTP API.

The gateway checks the caller's token and forwards who they are in two headers:
``X-Tenant-Id`` and ``X-User-Id``. This service trusts those headers only because it is reachable
through the gateway alone (in compose it publishes no port to the outside but its own, on
127.0.0.1).

An upload is handled in this order, and the order is the lesson:

1. read the body as a stream, refusing it the moment it passes the size limit (413);
2. decide its type from its bytes (415 for anything else);
3. put the bytes in S3 under ``documents/{tenant}/{sha256}`` (same bytes, same key);
4. commit the metadata and the ``document.uploaded`` outbox row in one transaction.

Nothing is published here: the outbox relay does that after the commit. If step 4 fails, the
object from step 3 is an orphan nobody points at (a sweeper can remove it), which is harmless;
the other order could announce a document whose bytes are missing.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response, status
from starlette.concurrency import run_in_threadpool

from knowledgecloud.documents.objects import TENANT_ID, ObjectStore, object_key
from knowledgecloud.documents.repository import DocumentStore, NewDocument
from knowledgecloud.documents.sniff import UnsupportedContent, detect_content_type
from knowledgecloud.documents.uploads import BadUpload, UploadTooLarge, receive_upload

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Caller:
    tenant_id: str
    user_id: str
    correlation_id: str


def caller(
    x_tenant_id: Annotated[str | None, Header()] = None,
    x_user_id: Annotated[str | None, Header()] = None,
    x_request_id: Annotated[str | None, Header()] = None,
) -> Caller:
    if not x_tenant_id or not x_user_id or not TENANT_ID.fullmatch(x_tenant_id):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "X-Tenant-Id and X-User-Id are required")
    return Caller(x_tenant_id, x_user_id, x_request_id or str(uuid.uuid4()))


def create_app(
    store: DocumentStore,
    objects: ObjectStore,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
) -> FastAPI:
    app = FastAPI(title="KnowledgeCloud documents")
    app.state.store = store
    app.state.objects = objects

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.post("/api/documents", status_code=status.HTTP_201_CREATED)
    async def upload(
        request: Request, response: Response, who: Annotated[Caller, Depends(caller)]
    ) -> dict:
        try:
            upload = await receive_upload(request, max_upload_bytes)
        except UploadTooLarge as exc:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, str(exc)) from None
        except BadUpload as exc:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from None
        try:
            content_type = detect_content_type(upload.data, upload.filename)
        except UnsupportedContent as exc:
            raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, str(exc)) from None
        sha256 = hashlib.sha256(upload.data).hexdigest()
        key = object_key(who.tenant_id, sha256)
        try:
            await run_in_threadpool(objects.put, key, upload.data, content_type)
        except Exception as exc:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "storage unavailable") from exc
        new = NewDocument(
            tenant_id=who.tenant_id,
            owner_id=who.user_id,
            filename=upload.filename,
            content_type=content_type,
            size_bytes=len(upload.data),
            sha256=sha256,
            storage_key=key,
        )
        document, created = await run_in_threadpool(store.record_upload, new, who.correlation_id)
        if not created:
            response.status_code = status.HTTP_200_OK
        return document.public()

    @app.get("/api/documents/{document_id}")
    def read(document_id: str, who: Annotated[Caller, Depends(caller)]) -> dict:
        document = store.get(who.tenant_id, document_id)
        if document is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such document")
        return document.public()

    @app.delete("/api/documents/{document_id}", status_code=status.HTTP_204_NO_CONTENT)
    def remove(document_id: str, who: Annotated[Caller, Depends(caller)]) -> Response:
        document = store.record_delete(who.tenant_id, document_id, who.correlation_id)
        if document is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such document")
        # After the commit: if this fails, the bytes are an orphan, never a dangling reference.
        objects.delete(document.storage_key)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return app
