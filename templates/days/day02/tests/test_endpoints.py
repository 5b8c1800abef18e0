"""The four endpoints: the same requests and the same expected answers for both implementations
(`[python]`: app/main.py in-process; `[node]`: node/server.js over HTTP)."""

from tests.services import Service


def test_root_returns_a_json_greeting(service: Service):
    response = service.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"message": "Hello, backend!", "service": "hello-backend"}


def test_hello_greets_by_name(service: Service):
    response = service.get("/hello/Ada")
    assert response.status_code == 200
    assert response.json() == {"greeting": "Hello, Ada!", "name": "Ada"}
    assert service.get("/hello/Jean-Luc").json()["greeting"] == "Hello, Jean-Luc!"
    assert service.get("/hello/O'Neil").json()["greeting"] == "Hello, O'Neil!"

    shouted = service.get("/hello/Ada", params={"shout": "true"})
    assert shouted.status_code == 200
    assert shouted.json() == {"greeting": "HELLO, ADA!", "name": "Ada"}
    quiet = service.get("/hello/Ada", params={"shout": "false"})
    assert quiet.json() == {"greeting": "Hello, Ada!", "name": "Ada"}


def test_hello_rejects_invalid_names_with_422(service: Service):
    invalid = ["Ada42", "-Ada", "Ada-", "Jean--Luc", "a" * 41, "Robert'); DROP TABLE x;--"]

    for name in invalid:
        response = service.get(f"/hello/{name}")
        assert response.status_code == 422, name
        # The body explains what was wrong, and where (FastAPI's shape, copied by the Node server).
        assert response.json()["detail"][0]["loc"] == ["path", "name"], name

    # The longest valid name is still accepted.
    assert service.get(f"/hello/{'a' * 40}").status_code == 200

    not_a_bool = service.get("/hello/Ada", params={"shout": "maybe"})
    assert not_a_bool.status_code == 422
    assert not_a_bool.json()["detail"][0]["loc"] == ["query", "shout"]


def test_health_reports_ok(service: Service):
    response = service.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_info_reports_language_runtime_and_framework_versions(service: Service):
    response = service.get("/info")

    assert response.status_code == 200
    assert response.json() == service.info
