import fakeredis
import redis

from app.adapters import redis_client, sql_engine


def test_sql_engine_defaults_to_sqlite_and_routes_postgres_urls_to_psycopg():
    default = sql_engine(None)
    assert default.dialect.name == "sqlite"
    assert default.url.database == ":memory:"

    for url in (
        "postgres://course:pw@db.internal:5432/shop",
        "postgresql://course:pw@db.internal:5432/shop",
        "postgresql+psycopg://course:pw@db.internal:5432/shop",
    ):
        engine = sql_engine(url)
        assert engine.dialect.name == "postgresql", url
        assert engine.dialect.driver == "psycopg", url
        assert (engine.url.host, engine.url.port, engine.url.database) == (
            "db.internal",
            5432,
            "shop",
        )

    on_disk = sql_engine("sqlite:///data/app.db")
    assert on_disk.dialect.name == "sqlite"
    assert on_disk.url.database == "data/app.db"


def test_redis_client_uses_fakeredis_when_unset_and_the_url_when_set():
    fake = redis_client(None)
    assert isinstance(fake, fakeredis.FakeRedis)
    assert fake.ping() is True

    real = redis_client("redis://cache.internal:6380/2")
    assert isinstance(real, redis.Redis)
    assert not isinstance(real, fakeredis.FakeRedis)
    settings = real.connection_pool.connection_kwargs
    assert (settings["host"], settings["port"], settings["db"]) == ("cache.internal", 6380, 2)
