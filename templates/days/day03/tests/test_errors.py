"""Client errors: 422 for a body that breaks the rules, 405 (with Allow) for a wrong method."""

from fastapi.testclient import TestClient

INVALID_BODIES = [
    {},  # no title
    {"title": ""},  # empty title
    {"title": "   "},  # only spaces: empty once stripped
    {"title": "x" * 201},  # too long
    {"title": 42},  # not a string
    {"title": "ok", "body": "y" * 10_001},  # body too long
    {"title": "ok", "titel": "typo"},  # unknown field
]


def test_invalid_bodies_are_rejected_with_422_and_change_nothing(client: TestClient):
    note_id = client.post("/notes", json={"title": "Valid", "body": "kept"}).json()["id"]
    before = client.get("/notes").json()

    for payload in INVALID_BODIES:
        created = client.post("/notes", json=payload)
        assert created.status_code == 422, payload
        replaced = client.put(f"/notes/{note_id}", json=payload)
        assert replaced.status_code == 422, payload

    not_json = client.post("/notes", content=b"title=oops", headers={"Content-Type": "text/plain"})
    assert not_json.status_code == 422
    assert client.get("/notes").json() == before


def test_wrong_method_is_405_and_allow_lists_the_supported_methods(client: TestClient):
    def allow(response) -> set[str]:
        return {method.strip() for method in response.headers.get("Allow", "").split(",")}

    on_item = client.patch("/notes/1", json={"title": "patched"})
    assert on_item.status_code == 405
    assert on_item.json() == {"detail": "Method Not Allowed"}
    assert allow(on_item) == {"GET", "PUT", "DELETE"}

    on_collection = client.delete("/notes")
    assert on_collection.status_code == 405
    assert allow(on_collection) == {"GET", "POST"}
