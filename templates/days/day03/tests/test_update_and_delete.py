"""PUT replaces and DELETE removes; both are idempotent, which is what makes retries safe."""

from fastapi.testclient import TestClient


def create(client: TestClient, title: str = "Draft", body: str = "first version") -> int:
    return client.post("/notes", json={"title": title, "body": body}).json()["id"]


def test_put_replaces_the_whole_note(client: TestClient):
    note_id = create(client)

    response = client.put(f"/notes/{note_id}", json={"title": "Final"})

    assert response.status_code == 200
    # A replacement, not a patch: the body that was left out falls back to its default.
    assert response.json() == {"id": note_id, "title": "Final", "body": ""}
    assert client.get(f"/notes/{note_id}").json() == response.json()


def test_put_is_idempotent(client: TestClient):
    note_id = create(client)
    other_id = create(client, title="Untouched")
    replacement = {"title": "Final", "body": "second version"}

    first = client.put(f"/notes/{note_id}", json=replacement)
    state_after_first = client.get("/notes").json()
    second = client.put(f"/notes/{note_id}", json=replacement)

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert client.get("/notes").json() == state_after_first
    assert [note["id"] for note in state_after_first] == [note_id, other_id]


def test_put_on_an_unknown_note_is_404_and_creates_nothing(client: TestClient):
    response = client.put("/notes/42", json={"title": "Ghost"})

    assert response.status_code == 404
    assert response.json() == {"detail": "note 42 not found"}
    assert client.get("/notes").json() == []


def test_delete_returns_204_with_an_empty_body(client: TestClient):
    note_id = create(client)

    response = client.delete(f"/notes/{note_id}")

    assert response.status_code == 204
    assert response.content == b""
    assert client.get(f"/notes/{note_id}").status_code == 404


def test_delete_is_idempotent_a_repeat_finds_nothing_and_changes_nothing(client: TestClient):
    note_id = create(client)
    kept_id = create(client, title="Keep me")

    first = client.delete(f"/notes/{note_id}")
    state_after_first = client.get("/notes").json()
    second = client.delete(f"/notes/{note_id}")

    # Same effect on the server; the status code may differ, and here it does.
    assert first.status_code == 204
    assert second.status_code == 404
    assert client.get("/notes").json() == state_after_first
    assert [note["id"] for note in state_after_first] == [kept_id]
