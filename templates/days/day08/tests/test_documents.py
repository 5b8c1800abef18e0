from datetime import UTC, datetime, timedelta

import pytest

from app.documents import (
    DEFAULT_SETTINGS,
    create_user,
    full_activity,
    new_user_document,
    recent_activity,
    record_activity,
    update_settings,
    users_with_setting,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def test_new_user_document_embeds_a_private_copy_of_the_default_settings():
    doc = new_user_document("ada", "Ada@Example.com", "Ada", now=T0)

    assert doc["_id"] == "ada"
    assert doc["email"] == "ada@example.com"
    assert doc["name"] == "Ada"
    assert doc["created_at"] == T0
    assert doc["history"] == []
    assert doc["settings"] == DEFAULT_SETTINGS

    doc["settings"]["notifications"]["push"] = True
    assert DEFAULT_SETTINGS["notifications"]["push"] is False, "defaults were shared, not copied"


def test_update_settings_changes_only_the_given_nested_field(users):
    create_user(users, "ada", "ada@example.com", "Ada", now=T0)

    assert update_settings(users, "ada", {"notifications": {"push": True}}) is True
    assert update_settings(users, "ada", {"theme": "dark"}) is True

    settings = users.find_one({"_id": "ada"})["settings"]
    assert settings == {
        "theme": "dark",
        "language": "en",
        "notifications": {"email": True, "push": True},
    }, "a $set on the whole sub-document would have wiped the sibling fields"


def test_update_settings_rejects_unknown_keys_and_reports_missing_users(users):
    create_user(users, "ada", "ada@example.com", "Ada", now=T0)

    with pytest.raises(ValueError):
        update_settings(users, "ada", {"notifications": {"sms": True}})
    with pytest.raises(ValueError):
        update_settings(users, "ada", {"colour": "red"})
    assert users.find_one({"_id": "ada"})["settings"] == DEFAULT_SETTINGS

    assert update_settings(users, "nobody", {"theme": "dark"}) is False
    assert users.count_documents({}) == 1, "updating a missing user must not create one"


def test_record_activity_caps_the_embedded_history_but_logs_every_event(users, events):
    create_user(users, "ada", "ada@example.com", "Ada", now=T0)

    for i in range(8):
        assert record_activity(
            users, events, "ada", f"page-{i}", at=T0 + timedelta(minutes=i), limit=5
        )

    doc = users.find_one({"_id": "ada"})
    assert [h["action"] for h in doc["history"]] == [f"page-{i}" for i in range(3, 8)]
    assert doc["last_active_at"] == T0 + timedelta(minutes=7)

    logged = full_activity(events, "ada")
    assert len(logged) == 8
    assert all(e["user_id"] == "ada" for e in logged)
    assert logged[0]["action"] == "page-7"

    assert record_activity(users, events, "ghost", "login", at=T0) is False
    assert events.count_documents({"user_id": "ghost"}) == 0


def test_recent_activity_returns_the_last_n_entries_newest_first(users, events):
    create_user(users, "ada", "ada@example.com", "Ada", now=T0)
    for i, action in enumerate(["signup", "login", "search", "checkout"]):
        record_activity(users, events, "ada", action, at=T0 + timedelta(seconds=i))

    assert [e["action"] for e in recent_activity(users, "ada", 3)] == [
        "checkout",
        "search",
        "login",
    ]
    assert [e["action"] for e in recent_activity(users, "ada", 10)] == [
        "checkout",
        "search",
        "login",
        "signup",
    ]
    assert recent_activity(users, "nobody") == []


def test_users_with_setting_queries_nested_fields_with_dot_notation(users):
    for uid in ("carol", "ada", "bob"):
        create_user(users, uid, f"{uid}@example.com", uid.title(), now=T0)
    update_settings(users, "carol", {"theme": "dark", "notifications": {"push": True}})
    update_settings(users, "ada", {"theme": "dark"})

    assert users_with_setting(users, "theme", "dark") == ["ada", "carol"]
    assert users_with_setting(users, "notifications.push", True) == ["carol"]
    assert users_with_setting(users, "language", "fr") == []


def test_record_activity_is_one_atomic_update_without_reading_the_document(users, events):
    create_user(users, "ada", "ada@example.com", "Ada", now=T0)
    users.calls.clear()

    assert record_activity(users, events, "ada", "login", at=T0, limit=5)

    names = [name for name, _, _ in users.calls]
    assert names == ["update_one"], (
        f"record_activity called {names} on users: reading the document, changing the list in "
        "Python and writing it back loses events when two requests do it at once"
    )
    update = users.calls[0][1][1]
    assert update["$push"]["history"]["$slice"] == -5
