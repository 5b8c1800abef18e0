import io

import httpx

from app.connect_all import main


def ready(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/readyz":
        return httpx.Response(200, text="all shards are ready")
    return httpx.Response(404)


def test_main_prints_one_row_per_store_and_exit_code_reflects_failures(tmp_path):
    out = io.StringIO()
    code = main(env={}, out=out)
    table = out.getvalue().lower()
    assert code == 0
    assert "sqlite" in table and "skipped" in table
    assert len(table.strip().splitlines()) == 4

    out = io.StringIO()
    broken = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'app.db'}",
        "QDRANT_URL": "http://qdrant.test:6333",
    }
    code = main(env=broken, out=out, qdrant_transport=httpx.MockTransport(ready))
    rows = {line.split()[0]: line.split()[1] for line in out.getvalue().splitlines()[1:]}
    assert code == 1
    assert rows == {"sql": "FAIL", "redis": "OK", "qdrant": "OK"}
