"""POST creates (201 + Location), GET reads (200 or 404) and never changes anything."""

from fastapi.testclient import TestClient


def test_post_creates_a_note_with_201_and_a_location_header(client: TestClient):
    response = client.post("/notes", json={"title": "Learn HTTP", "body": "methods, codes"})

    assert response.status_code == 201
    note = response.json()
    assert note == {"id": note["id"], "title": "Learn HTTP", "body": "methods, codes"}
    assert isinstance(note["id"], int)
    location = response.headers.get("Location")
    assert location is not None and location.endswith(f"/notes/{note['id']}")
    # The Location points at the new resource: following it returns the same note.
    assert client.get(location).json() == note


def test_post_is_not_idempotent_each_call_creates_a_new_note(client: TestClient):
    payload = {"title": "Same title", "body": "same body"}

    first = client.post("/notes", json=payload)
    second = client.post("/notes", json=payload)

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert first.headers["Location"] != second.headers["Location"]
    assert len(client.get("/notes").json()) == 2


def test_get_one_returns_200_for_an_existing_note_and_404_otherwise(client: TestClient):
    created = client.post("/notes", json={"title": "Find me"}).json()

    found = client.get(f"/notes/{created['id']}")
    assert found.status_code == 200
    assert found.json() == {"id": created["id"], "title": "Find me", "body": ""}

    missing = client.get("/notes/999")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "note 999 not found"}


def test_list_returns_every_note_in_creation_order_and_get_is_safe(client: TestClient):
    empty = client.get("/notes")
    assert empty.status_code == 200
    assert empty.json() == []

    for title in ["first", "second", "third"]:
        client.post("/notes", json={"title": title})

    listing = [client.get("/notes").json() for _ in range(3)]
    assert [note["title"] for note in listing[0]] == ["first", "second", "third"]
    # Safe method: reading as often as you like changes nothing.
    assert listing[0] == listing[1] == listing[2]
