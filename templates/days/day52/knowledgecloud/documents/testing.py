"""Test support: the documents bucket in moto's in-process S3, as pytest fixtures.

Every day that runs the documents service in its tests loads this module as a pytest plugin
(`addopts = "-p knowledgecloud.documents.testing"` in pyproject.toml), so there is one copy.
"""

from __future__ import annotations

import os

import boto3
import pytest
from moto import mock_aws

from knowledgecloud.documents.objects import BUCKET, ObjectStore

# The fake credentials boto3 needs to build a client; moto accepts any.
AWS_SETTINGS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.fixture(scope="session")
def s3_client():
    """moto's in-process S3 for the whole session: no network, no real credentials."""
    saved = {name: os.environ.get(name) for name in AWS_SETTINGS}
    os.environ.update(AWS_SETTINGS)
    try:
        with mock_aws():
            yield boto3.client("s3", region_name="us-east-1")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def objects(s3_client) -> ObjectStore:
    """The documents bucket, empty at the start of every test."""
    store = ObjectStore(s3_client, BUCKET)
    store.ensure_bucket()
    for key in store.keys():
        store.delete(key)
    return store
