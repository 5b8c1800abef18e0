"""API8 / A03 injection: the search box is data, never SQL."""

PAYLOADS = [
    "' OR '1'='1",
    "%' OR 1=1 --",
    "%' UNION SELECT id, email, password_hash, is_admin FROM users --",
    "x'; DROP TABLE orders; --",
    "%' AND is_hidden = 1 --",
    '" OR ""="',
]
LEAK_MARKERS = ["@example.com", "argon2", "prototype", "PRT-X", "syntax", "sqlite"]


def names(response):
    assert response.status_code == 200, response.text
    return [product["name"] for product in response.json()]


def test_search_finds_visible_products_by_name(client):
    assert names(client.get("/products/search", params={"q": "CUP"})) == ["Espresso cup"]
    assert names(client.get("/products/search", params={"q": "O'Reilly"})) == ["O'Reilly mug"]
    assert names(client.get("/products/search", params={"q": "prototype"})) == []


def test_injection_payloads_find_nothing_and_leak_nothing(client, db):
    for payload in PAYLOADS:
        response = client.get("/products/search", params={"q": payload})
        assert response.status_code == 200, (payload, response.text)
        assert response.json() == [], payload
        for marker in LEAK_MARKERS:
            assert marker.lower() not in response.text.lower(), (payload, marker)
    assert db.conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 3


def test_like_wildcards_in_the_query_match_only_themselves(client):
    assert names(client.get("/products/search", params={"q": "50%"})) == ["Discount 50% voucher"]
    assert names(client.get("/products/search", params={"q": "%"})) == ["Discount 50% voucher"]
    assert names(client.get("/products/search", params={"q": "_"})) == ["Tee_shirt"]
    assert names(client.get("/products/search", params={"q": "cu_"})) == []


def test_the_query_reaches_sqlite_as_a_bound_parameter(client, db):
    db.statements.clear()
    payload = "%' OR 1=1 --"
    client.get("/products/search", params={"q": payload})

    searches = [(sql, params) for sql, params in db.statements if "products" in sql]
    assert searches, "the search must go through Database.execute"
    for sql, params in searches:
        assert "1=1" not in sql and "'%" not in sql, sql
        assert any("1=1" in str(value) for value in params), params


def test_the_search_query_is_length_limited(client):
    assert client.get("/products/search", params={"q": "a" * 100}).status_code == 200
    assert client.get("/products/search", params={"q": "a" * 101}).status_code == 422
    assert client.get("/products/search", params={"q": ""}).status_code == 422
