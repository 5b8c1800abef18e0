"""Where the day's services live.

With MONGO_URL / REDIS_URL unset the code talks to in-memory fakes (mongomock, fakeredis) that
speak the same API as the real clients, so the lab runs anywhere. Set the variables (see
.env.example) and the very same code talks to the containers from compose.yaml.
"""

from __future__ import annotations

import os

import fakeredis
import mongomock
import pymongo
import redis
from pymongo.database import Database


def mongo_database() -> Database:
    """The database holding the `users` and `events` collections."""
    name = os.environ.get("MONGO_DB", "day08")
    url = os.environ.get("MONGO_URL")
    if url:
        client: pymongo.MongoClient = pymongo.MongoClient(
            url, serverSelectionTimeoutMS=3000, tz_aware=True
        )
    else:
        client = mongomock.MongoClient(tz_aware=True)
    return client[name]


def redis_client() -> redis.Redis:
    """A Redis client that returns str instead of bytes."""
    url = os.environ.get("REDIS_URL")
    if url:
        return redis.Redis.from_url(url, decode_responses=True)
    return fakeredis.FakeRedis(decode_responses=True)
