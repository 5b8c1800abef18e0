"""Sessions in Redis: stored with a TTL in one command, sliding on use, rotated on demand."""

import pytest

from app.sessions import SessionStore

TTL = 1800


@pytest.fixture
def sessions(r):
    return SessionStore(r, ttl_seconds=TTL)


def sets_value_with_ttl(call):
    """SETEX/PSETEX, or SET with EX/PX: the value and its expiry arrive together."""
    if call.name in ("SETEX", "PSETEX"):
        return True
    options = {str(a).upper() for a in call.args if isinstance(a, str)}
    return call.name == "SET" and bool(options & {"EX", "PX", "EXAT", "PXAT"})


def test_create_stores_the_data_with_its_ttl_in_one_command(sessions, r):
    session_id = sessions.create({"cart": [{"sku": "KB-01", "quantity": 1}]})
    assert len(session_id) >= 32, "session ids must be long and random"
    assert r.calls and all(sets_value_with_ttl(c) for c in r.calls), (
        f"create sent {r.names()}: write the value and its TTL in one command (SETEX), or a "
        "crash between SET and EXPIRE leaves a session that never expires"
    )
    assert 0 < r.ttl(sessions.key(session_id)) <= TTL
    assert sessions.get(session_id) == {"cart": [{"sku": "KB-01", "quantity": 1}]}
    assert sessions.create({}) != session_id


def test_reading_a_session_slides_its_expiry_back_to_the_full_ttl(sessions, r):
    session_id = sessions.create({"user": "ada@example.com"})
    key = sessions.key(session_id)
    r.expire(key, 5)  # as if the user had been idle for almost the whole TTL

    r.calls.clear()
    assert sessions.get(session_id) == {"user": "ada@example.com"}
    assert r.ttl(key) > TTL - 5, "using the session did not push its expiry back"
    assert set(r.names()) & {"GETEX", "EXPIRE", "PEXPIRE"}, (
        f"get sent {r.names()}: refresh the expiry with EXPIRE (or GETEX), not by rewriting "
        "the data"
    )


def test_missing_or_expired_sessions_read_as_none_and_leave_nothing_behind(sessions, r):
    assert sessions.get("no-such-session") is None
    assert sessions.get(None) is None
    session_id = sessions.create({"user": "ada@example.com"})
    r.delete(sessions.key(session_id))  # what Redis does when the TTL runs out
    assert sessions.get(session_id) is None
    assert r.keys("*") == []


def test_save_replaces_existing_data_only(sessions, r):
    session_id = sessions.create({"cart": []})
    r.expire(sessions.key(session_id), 5)
    assert sessions.save(session_id, {"cart": [{"sku": "MS-02", "quantity": 2}]}) is True
    assert sessions.get(session_id) == {"cart": [{"sku": "MS-02", "quantity": 2}]}
    assert r.ttl(sessions.key(session_id)) > TTL - 5
    assert sessions.save("forged-id", {"user": "admin@example.com"}) is False
    assert not r.exists(sessions.key("forged-id")), "save must not create sessions"


def test_rotate_moves_the_data_to_a_new_id_and_kills_the_old_one(sessions, r):
    old_id = sessions.create({"cart": [{"sku": "KB-01", "quantity": 1}]})
    new_id = sessions.rotate(old_id)
    assert new_id is not None and new_id != old_id
    assert sessions.get(old_id) is None, "the old id still works after rotation"
    assert sessions.get(new_id) == {"cart": [{"sku": "KB-01", "quantity": 1}]}
    assert 0 < r.ttl(sessions.key(new_id)) <= TTL
    assert sessions.rotate("no-such-session") is None
