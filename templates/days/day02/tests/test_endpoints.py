"""The four endpoints, called in-process through FastAPI's TestClient (no server needed)."""

import platform

import fastapi
from fastapi.testclient import TestClient


def test_root_returns_a_json_greeting(client: TestClient):
    response = client.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"message": "Hello, backend!", "service": "hello-backend"}


def test_hello_greets_by_name(client: TestClient):
    assert client.get("/hello/Ada").json() == {"greeting": "Hello, Ada!", "name": "Ada"}
    assert client.get("/hello/Jean-Luc").json()["greeting"] == "Hello, Jean-Luc!"
    assert client.get("/hello/O'Neil").json()["greeting"] == "Hello, O'Neil!"

    shouted = client.get("/hello/Ada", params={"shout": "true"})
    assert shouted.status_code == 200
    assert shouted.json() == {"greeting": "HELLO, ADA!", "name": "Ada"}


def test_hello_rejects_invalid_names_with_422(client: TestClient):
    invalid = ["Ada42", "-Ada", "Ada-", "Jean--Luc", "a" * 41, "Robert'); DROP TABLE x;--"]

    for name in invalid:
        response = client.get(f"/hello/{name}")
        assert response.status_code == 422, name
        # FastAPI explains what was wrong, and where.
        assert response.json()["detail"][0]["loc"] == ["path", "name"], name

    assert client.get("/hello/Ada", params={"shout": "maybe"}).status_code == 422


def test_health_reports_ok(client: TestClient):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_info_reports_language_runtime_and_framework_versions(client: TestClient):
    response = client.get("/info")

    assert response.status_code == 200
    assert response.json() == {
        "service": "hello-backend",
        "language": "python",
        "runtime": platform.python_implementation(),
        "runtime_version": platform.python_version(),
        "framework": "fastapi",
        "framework_version": fastapi.__version__,
    }
