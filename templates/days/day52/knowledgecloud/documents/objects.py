"""Document bytes in S3 (moto's in-process S3 in tests, MinIO in compose, AWS S3 in production).

The key is content-addressed: ``documents/{tenant_id}/{sha256}``. The file name a user sent is
metadata, never part of the key, so it cannot overwrite another file, climb out of the prefix
(``../``) or smuggle characters S3 treats specially. The same bytes always land on the same key,
which makes the write idempotent.
"""

from __future__ import annotations

import re

import boto3
from botocore.exceptions import ClientError

BUCKET = "knowledgecloud-documents"
TENANT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def object_key(tenant_id: str, sha256: str) -> str:
    """Where a tenant's document with this content hash lives in the bucket."""
    # BEGIN SOLUTION
    if not TENANT_ID.fullmatch(tenant_id):
        raise ValueError(f"tenant id {tenant_id!r} is not a safe key segment")
    if not SHA256.fullmatch(sha256):
        raise ValueError("sha256 must be 64 lowercase hex digits")
    return f"documents/{tenant_id}/{sha256}"
    # STARTER: raise NotImplementedError("TODO(day52): build the content-addressed object key")
    # END SOLUTION


class ObjectStore:
    """A thin wrapper over one bucket, so the service never builds S3 calls by hand."""

    def __init__(self, client=None, bucket: str = BUCKET, **client_options) -> None:
        self.client = client or boto3.client("s3", **client_options)
        self.bucket = bucket

    def ensure_bucket(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    def get(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))
