def test_every_not_found_uses_the_same_error_body(client):
    cases = {
        "/users/41": "user_not_found",
        "/orders/42": "order_not_found",
        "/no-such-thing": "not_found",
    }
    for url, code in cases.items():
        response = client.get(url)
        assert response.status_code == 404, url
        body = response.json()
        assert set(body) == {"error"}, url
        assert body["error"]["code"] == code, url
        assert isinstance(body["error"]["message"], str) and body["error"]["message"], url


def test_invalid_user_body_is_422_validation_error_naming_the_field(client):
    cases = [
        ({"name": "Ada", "email": "not-an-email"}, "body.email"),
        ({"name": "Ada", "email": "ada@example.com", "admin": True}, "body.admin"),
        ({"email": "ada@example.com"}, "body.name"),
    ]
    for payload, field in cases:
        response = client.post("/users", json=payload)

        assert response.status_code == 422, payload
        error = response.json()["error"]
        assert error["code"] == "validation_error"
        assert error["message"]
        assert field in [detail["field"] for detail in error["details"]]
        assert all(set(detail) == {"field", "message"} for detail in error["details"])

    assert client.get("/users").json() == {"items": []}


def test_invalid_order_quantity_is_422_and_stores_nothing(client, new_user):
    user = new_user()

    response = client.post(f"/users/{user['id']}/orders", json={"item": "desk", "quantity": 0})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert client.get(f"/users/{user['id']}/orders").json() == {"items": []}


def test_every_write_to_a_missing_resource_is_a_404_with_the_error_body(client, new_user):
    """Reads are not the only way to reach a missing resource: PATCH and DELETE must say 404 too,
    never 200 with nothing, 204 as if something was deleted, or a crash."""
    user = new_user()
    writes = [
        ("PATCH", "/users/404", {"name": "Nobody"}, "user_not_found"),
        ("DELETE", "/users/404", None, "user_not_found"),
        ("POST", "/users/404/orders", {"item": "pen", "quantity": 1}, "user_not_found"),
        ("PATCH", "/orders/404", {"status": "paid"}, "order_not_found"),
        ("DELETE", "/orders/404", None, "order_not_found"),
    ]
    for method, url, body, code in writes:
        response = client.request(method, url, json=body)
        assert response.status_code == 404, f"{method} {url} gave {response.status_code}"
        assert response.json() == {
            "error": {"code": code, "message": response.json()["error"]["message"]}
        }
    assert client.get("/users").json() == {"items": [user]}, "a failed write changed the data"
