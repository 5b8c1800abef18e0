def test_create_user_returns_201_location_and_the_stored_user(client):
    response = client.post("/users", json={"name": "Ada Lovelace", "email": "Ada@Example.com"})

    assert response.status_code == 201
    user = response.json()
    assert user == {"id": user["id"], "name": "Ada Lovelace", "email": "ada@example.com"}
    assert response.headers["location"] == f"/users/{user['id']}"
    assert client.get(response.headers["location"]).json() == user


def test_duplicate_email_is_a_409_conflict_with_the_error_body(client, new_user):
    new_user(email="grace@example.com")

    response = client.post("/users", json={"name": "Impostor", "email": "GRACE@example.com"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"
    assert len(client.get("/users").json()["items"]) == 1


def test_list_users_and_patch_changes_only_the_fields_sent(client, new_user):
    ada = new_user()
    linus = new_user(name="Linus", email="linus@example.com")

    listed = client.get("/users").json()
    assert listed == {"items": [ada, linus]}

    response = client.patch(f"/users/{ada['id']}", json={"name": "Ada King"})
    assert response.status_code == 200
    assert response.json() == {**ada, "name": "Ada King"}
    assert client.get(f"/users/{ada['id']}").json()["name"] == "Ada King"

    taken = client.patch(f"/users/{ada['id']}", json={"email": "linus@example.com"})
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "email_taken"
    same = client.patch(f"/users/{ada['id']}", json={"email": "ada@example.com"})
    assert same.status_code == 200


def test_delete_user_returns_204_without_body_then_404(client, new_user):
    user = new_user()

    response = client.delete(f"/users/{user['id']}")
    assert response.status_code == 204
    assert response.content == b""

    assert client.get(f"/users/{user['id']}").status_code == 404
    assert client.delete(f"/users/{user['id']}").status_code == 404
