"""The documents service as a process, configured from the environment.

- ``DATABASE_URL``: SQLAlchemy URL (Postgres in compose); default a SQLite file.
- ``S3_ENDPOINT_URL``: S3-compatible endpoint (MinIO in compose); unset means AWS S3.
- ``S3_BUCKET``: the bucket, ``knowledgecloud-documents`` unless set.
- ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_DEFAULT_REGION``: read by boto3 itself.
- ``MAX_UPLOAD_BYTES``: the upload limit.

Run it with ``uvicorn knowledgecloud.documents.main:app``.
"""

from __future__ import annotations

import os

from knowledgecloud.documents.app import DEFAULT_MAX_UPLOAD_BYTES, create_app
from knowledgecloud.documents.objects import BUCKET, ObjectStore
from knowledgecloud.documents.repository import DocumentStore
from knowledgecloud.documents.tables import make_engine


def app_from_environment():
    objects = ObjectStore(
        bucket=os.environ.get("S3_BUCKET", BUCKET),
        endpoint_url=os.environ.get("S3_ENDPOINT_URL") or None,
    )
    objects.ensure_bucket()
    store = DocumentStore(make_engine(os.environ.get("DATABASE_URL", "sqlite:///./documents.db")))
    limit = int(os.environ.get("MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
    return create_app(store, objects, max_upload_bytes=limit)


app = app_from_environment()
