import os

import fakeredis
import mongomock
import pytest

from app.cache import UserCache
from app.documents import DEFAULT_SETTINGS
from app.source import UserSource


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the compose.yaml services; set BEC_LIVE=1 to run")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def db():
    return mongomock.MongoClient(tz_aware=True)["day08_test"]


@pytest.fixture
def users(db):
    return db["users"]


@pytest.fixture
def events(db):
    return db["events"]


@pytest.fixture
def r():
    return fakeredis.FakeRedis(decode_responses=True)


@pytest.fixture
def source():
    src = UserSource()
    src.add("ada", {"name": "Ada", "email": "ada@example.com"}, DEFAULT_SETTINGS)
    src.add("alan", {"name": "Alan", "email": "alan@example.com"}, DEFAULT_SETTINGS)
    return src


@pytest.fixture
def cache(r, source):
    return UserCache(r, source, ttl_seconds=120)
