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
    return RecordingCollection(db["users"])


@pytest.fixture
def events(db):
    return db["events"]


class RecordingRedis(fakeredis.FakeRedis):
    """fakeredis that records the name of every command it runs, in order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.commands: list[str] = []

    def execute_command(self, *args, **options):
        self.commands.append(str(args[0]).upper())
        return super().execute_command(*args, **options)


class RecordingCollection:
    """A collection that records which methods are called on it, then does the real work."""

    def __init__(self, collection):
        self._collection = collection
        self.calls: list[tuple[str, tuple, dict]] = []

    def __getattr__(self, name):
        attribute = getattr(self._collection, name)
        if not callable(attribute):
            return attribute

        def recorded(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            return attribute(*args, **kwargs)

        return recorded


@pytest.fixture
def r():
    return RecordingRedis(decode_responses=True)


@pytest.fixture
def source():
    src = UserSource()
    src.add("ada", {"name": "Ada", "email": "ada@example.com"}, DEFAULT_SETTINGS)
    src.add("alan", {"name": "Alan", "email": "alan@example.com"}, DEFAULT_SETTINGS)
    return src


@pytest.fixture
def cache(r, source):
    return UserCache(r, source, ttl_seconds=120)
