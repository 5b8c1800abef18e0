"""Shared fixtures. The same HTTP contract is checked against two implementations of the service:

- `python`: app/main.py, called in-process through FastAPI's TestClient (no server needed);
- `node`: node/server.js, started with `node` as a real process on a free port (PORT=0) and
  called over HTTP with httpx; the process is stopped when the tests end.

Every test runs once per implementation, so its id ends in `[python]` or `[node]`.
Tests marked `live` would need running services and only run with BEC_LIVE=1 (today has none).
"""

import os
import re

import httpx
import pytest

from tests.services import NodeServer, Service, find_node, node_info, python_service


@pytest.fixture(scope="session")
def node_service(request: pytest.FixtureRequest) -> Service:
    node, version, problem = find_node()
    if problem:
        return Service(name="node", problem=problem)

    server = NodeServer(node)
    request.addfinalizer(server.stop)
    line = server.first_line()
    found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
    if found is None:
        errors = server.stop()
        return Service(
            name="node",
            problem=(
                "node/server.js must print 'listening on http://127.0.0.1:PORT' once it listens;"
                f" it printed {line!r}. Its errors:\n{errors}"
            ),
        )

    client = httpx.Client(base_url=found.group(1), trust_env=False)
    request.addfinalizer(client.close)
    return Service(name="node", client=client, info=node_info(version))


@pytest.fixture(params=["python", "node"])
def service(request: pytest.FixtureRequest) -> Service:
    if request.param == "node":
        return request.getfixturevalue("node_service")
    return python_service()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="live test: needs running services and BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)
