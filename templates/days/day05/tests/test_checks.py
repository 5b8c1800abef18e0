import fakeredis
import httpx
import redis
from sqlalchemy import create_engine

from app.connect_all import FAIL, OK, SKIPPED, check_qdrant, check_redis, check_sql


def test_check_sql_reports_the_dialect_and_server_version():
    result = check_sql(create_engine("sqlite+pysqlite:///:memory:"))

    assert result.store == "sql"
    assert result.status == OK
    assert result.detail.startswith("sqlite 3.")


def test_check_sql_reports_an_unreachable_database_instead_of_raising(tmp_path):
    missing = tmp_path / "no-such-folder" / "app.db"

    result = check_sql(create_engine(f"sqlite:///{missing}"))

    assert result.status == FAIL
    assert "OperationalError" in result.detail


def test_check_redis_round_trip_leaves_no_keys_behind():
    server = fakeredis.FakeServer()
    client = fakeredis.FakeRedis(server=server)

    result = check_redis(client)

    assert result.store == "redis"
    assert result.status == OK
    assert client.dbsize() == 0


class RecordingRedis(fakeredis.FakeRedis):
    """fakeredis that records each command it is given, and can be told to misbehave."""

    def __init__(self, *args, refuse_writes=False, read_back=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.calls = []
        self.refuse_writes = refuse_writes
        self.read_back = read_back

    def execute_command(self, *args, **options):
        self.calls.append(tuple(args))
        name = str(args[0]).upper()
        if self.refuse_writes and name == "SET":
            raise redis.ReadOnlyError("You can't write against a read only replica.")
        value = super().execute_command(*args, **options)
        if self.read_back is not None and name == "GET":
            return self.read_back
        return value


def test_check_redis_writes_a_unique_expiring_key_and_reads_it_back():
    client = RecordingRedis(server=fakeredis.FakeServer())

    assert check_redis(client).status == OK
    assert check_redis(client).status == OK

    sets = [c for c in client.calls if str(c[0]).upper() == "SET"]
    gets = [c for c in client.calls if str(c[0]).upper() == "GET"]
    assert len(sets) == 2 and len(gets) == 2, "each check writes one key and reads it back"
    assert sets[0][1] != sets[1][1], "two checks (two app instances) must not share one key"
    assert any(str(a).upper() in ("EX", "PX") for a in sets[0][2:]), (
        "give the key a TTL, so a crash mid-check leaves nothing behind for long"
    )


def test_check_redis_fails_when_the_server_answers_ping_but_refuses_writes():
    client = RecordingRedis(server=fakeredis.FakeServer(), refuse_writes=True)

    result = check_redis(client)

    assert result.status == FAIL, "PING alone says the socket is open, not that Redis works"
    assert "ReadOnlyError" in result.detail


def test_check_redis_fails_when_the_value_read_back_differs():
    client = RecordingRedis(server=fakeredis.FakeServer(), read_back=b"something else")

    assert check_redis(client).status == FAIL


def test_check_redis_reports_a_dead_server_instead_of_raising():
    server = fakeredis.FakeServer()
    server.connected = False

    result = check_redis(fakeredis.FakeRedis(server=server))

    assert result.status == FAIL
    assert "ConnectionError" in result.detail


def test_check_qdrant_asks_the_readiness_endpoint():
    seen = []

    def qdrant(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, request.url.path))
        if request.url.path == "/readyz":
            return httpx.Response(200, text="all shards are ready")
        return httpx.Response(404)

    client = httpx.Client(base_url="http://qdrant.test:6333", transport=httpx.MockTransport(qdrant))
    result = check_qdrant(client)

    assert seen == [("GET", "/readyz")]
    assert result.store == "qdrant"
    assert result.status == OK
    assert "ready" in result.detail


def test_check_qdrant_reports_errors_and_skips_when_not_configured():
    def unavailable(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="some shards are not ready")

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    base = "http://qdrant.test:6333"
    not_ready = check_qdrant(
        httpx.Client(base_url=base, transport=httpx.MockTransport(unavailable))
    )
    assert not_ready.status == FAIL
    assert "503" in not_ready.detail

    down = check_qdrant(httpx.Client(base_url=base, transport=httpx.MockTransport(refused)))
    assert down.status == FAIL
    assert "ConnectError" in down.detail

    skipped = check_qdrant(None)
    assert skipped.status == SKIPPED
    assert "QDRANT_URL" in skipped.detail
