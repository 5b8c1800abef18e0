"""An upload lands in S3 under a content-addressed key, once per tenant and content."""

import hashlib

from sqlalchemy import func, select

from knowledgecloud.documents.tables import documents, outbox
from tests.conftest import tenant, upload, upload_ok

NOTES = b"Refund policy: customers may return a product within 30 days.\n"


def test_upload_stores_bytes_under_tenant_and_sha256_key(client, objects):
    response = upload(client, "policy.txt", NOTES)
    assert response.status_code == 201, response.text
    body = response.json()
    sha = hashlib.sha256(NOTES).hexdigest()
    assert body["sha256"] == sha
    assert body["storage_key"] == f"documents/acme/{sha}"
    assert body["size_bytes"] == len(NOTES)
    assert body["content_type"] == "text/plain"
    assert body["filename"] == "policy.txt"
    assert objects.keys() == [f"documents/acme/{sha}"]
    assert objects.get(body["storage_key"]) == NOTES


def test_file_name_never_reaches_the_object_key(client, objects):
    first = upload(client, "../../other-tenant/notes.txt", b"first version\n")
    second = upload(client, "notes.txt", b"second version\n")
    third = upload(client, "notes.txt", b"third version\n")
    assert {r.status_code for r in (first, second, third)} == {201}, first.text
    expected = sorted(
        f"documents/acme/{hashlib.sha256(data).hexdigest()}"
        for data in (b"first version\n", b"second version\n", b"third version\n")
    )
    assert objects.keys() == expected, "two files with one name must not overwrite each other"
    assert first.json()["filename"] == "notes.txt", "only the last path segment is a name"
    assert objects.get(second.json()["storage_key"]) == b"second version\n"


def test_same_bytes_same_tenant_is_one_document(client, engine, objects):
    first = upload(client, "policy.txt", NOTES)
    again = upload(client, "policy-copy.txt", NOTES)
    assert first.status_code == 201, first.text
    assert again.status_code == 200, "a repeat upload returns the existing document"
    assert again.json()["id"] == first.json()["id"]
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(documents)) == 1
        assert connection.scalar(select(func.count()).select_from(outbox)) == 1
    assert len(objects.keys()) == 1


def test_same_bytes_other_tenant_is_another_document(client, objects):
    ours = upload(client, "policy.txt", NOTES, tenant_id="acme")
    theirs = upload(client, "policy.txt", NOTES, tenant_id="globex")
    assert ours.status_code == theirs.status_code == 201
    assert ours.json()["id"] != theirs.json()["id"]
    assert theirs.json()["storage_key"].startswith("documents/globex/")
    assert len(objects.keys()) == 2


def test_a_tenant_cannot_read_another_tenants_document(client):
    created = upload_ok(client, "policy.txt", NOTES, tenant_id="acme")
    own = client.get(f"/api/documents/{created['id']}", headers=tenant("acme"))
    assert own.status_code == 200
    assert own.json()["sha256"] == created["sha256"]
    other = client.get(f"/api/documents/{created['id']}", headers=tenant("globex"))
    assert other.status_code == 404, "another tenant's document must look like a missing one"
    assert (
        client.delete(f"/api/documents/{created['id']}", headers=tenant("globex")).status_code
        == 404
    )
    assert client.get(f"/api/documents/{created['id']}", headers=tenant("acme")).status_code == 200
