"""No personal data or secrets in the logs, whoever wrote the log call."""

from conftest import LogCapture, build_shop

from observability.logs import REDACTED, build_logger


def test_registration_logs_no_email_address():
    shop = build_shop()
    shop.register(email="ada.lovelace@example.com")
    shop.users.post("/users", json={"name": "Ada", "email": "ada.lovelace@example.com"})
    raw = shop.users_logs.getvalue()
    assert "ada.lovelace" not in raw and "@example.com" not in raw
    records = shop.users_logs.records()
    created = [r for r in records if r["message"] == "user created"]
    assert len(created) == 1
    assert created[0]["user"]["email"] == REDACTED
    assert created[0]["user"]["name"] == "Ada", "redact what is secret, keep what helps debugging"
    duplicate = [r for r in records if r["message"] == "email already registered"]
    assert duplicate and duplicate[0]["email"] == REDACTED


def test_secrets_are_redacted_at_any_depth_and_inside_messages():
    capture = LogCapture()
    log = build_logger("users", capture)
    log.info(
        "password reset for grace@example.org",
        password="hunter2",
        Token="tok-123",
        headers={"Authorization": "Bearer abc.def"},
        attempts=[{"access_token": "zzz-999", "ok": False}],
        user_id=7,
    )
    raw = capture.getvalue()
    for secret in ("grace@example.org", "hunter2", "tok-123", "Bearer abc.def", "zzz-999"):
        assert secret not in raw, f"{secret!r} reached the log"
    (record,) = capture.records()
    assert record["message"] == f"password reset for {REDACTED}"
    assert record["user_id"] == 7 and record["attempts"][0]["ok"] is False
