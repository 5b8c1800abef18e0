from app.passwords import verify_password

ADA = {"email": "ada@example.com", "password": "analytical-engine-1843"}


def signup_and_login(client, creds=ADA) -> str:
    assert client.post("/signup", json=creds).status_code == 201
    response = client.post("/login", json=creds)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def test_signup_stores_only_a_hash_and_never_returns_it(client, store):
    response = client.post("/signup", json=ADA)

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "email"}
    assert body["email"] == "ada@example.com"
    assert ADA["password"] not in response.text

    user = store.get_by_email("ada@example.com")
    assert user is not None and user.id == body["id"]
    assert user.password_hash != ADA["password"]
    assert verify_password(user.password_hash, ADA["password"])


def test_duplicate_signup_is_a_conflict(client):
    assert client.post("/signup", json=ADA).status_code == 201

    again = client.post("/signup", json={**ADA, "email": "  ADA@example.com "})
    assert again.status_code == 409
    assert client.post("/signup", json={**ADA, "password": "short"}).status_code == 422


def test_login_returns_a_bearer_token_that_unlocks_me(client, ttl):
    response = client.post("/signup", json=ADA)
    user_id = response.json()["id"]

    login = client.post("/login", json=ADA)
    assert login.status_code == 200
    body = login.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == ttl

    me = client.get("/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json() == {"id": user_id, "email": "ada@example.com"}


def test_wrong_password_and_unknown_email_get_the_same_401(client):
    client.post("/signup", json=ADA)

    wrong_password = client.post("/login", json={**ADA, "password": "babbage-difference"})
    unknown_email = client.post("/login", json={**ADA, "email": "nobody@example.com"})

    for response in (wrong_password, unknown_email):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert wrong_password.json() == unknown_email.json()


def test_me_rejects_missing_malformed_and_expired_tokens(client, clock, ttl):
    token = signup_and_login(client)

    assert client.get("/me").status_code == 401
    assert client.get("/me", headers={"Authorization": "Bearer not-a-token"}).status_code == 401
    assert client.get("/me", headers={"Authorization": f"Basic {token}"}).status_code == 401
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert client.get("/me", headers={"Authorization": f"Bearer {tampered}"}).status_code == 401

    auth = {"Authorization": f"Bearer {token}"}
    clock.advance(ttl - 1)
    assert client.get("/me", headers=auth).status_code == 200
    clock.advance(1)
    expired = client.get("/me", headers=auth)
    assert expired.status_code == 401
    assert expired.headers["www-authenticate"] == "Bearer"


def test_a_valid_token_for_a_deleted_user_is_a_401_not_a_crash(client, store):
    token = signup_and_login(client)
    user_id = client.get("/me", headers={"Authorization": f"Bearer {token}"}).json()["id"]

    assert store.remove(user_id)

    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401, "the signature is fine, but the account is gone"
    assert response.headers["www-authenticate"] == "Bearer"
