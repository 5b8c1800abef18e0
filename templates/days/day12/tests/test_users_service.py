"""The Users service on its own: it owns user data and exposes it over HTTP."""


def test_created_user_gets_201_and_can_be_fetched_by_id(users_api):
    created = users_api.post("/users", json={"name": "Ada", "email": "ada@example.com"})
    assert created.status_code == 201
    user = created.json()
    assert user["name"] == "Ada" and isinstance(user["id"], int)

    fetched = users_api.get(f"/users/{user['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == user


def test_unknown_user_is_404(users_api):
    response = users_api.get("/users/4242")
    assert response.status_code == 404


def test_registering_the_same_email_twice_is_409(users_api):
    body = {"name": "Ada", "email": "ada@example.com"}
    assert users_api.post("/users", json=body).status_code == 201
    again = users_api.post("/users", json={**body, "name": "Ada L."})
    assert again.status_code == 409
