"""Every line is one JSON object with the fields a log platform indexes."""

from datetime import UTC, datetime, timedelta

from conftest import build_shop

from observability.logs import CONTEXT_FIELDS, SUMMARY_FIELDS


def test_every_line_is_json_with_the_context_fields():
    shop = build_shop()
    user_id = shop.register()
    assert shop.place_order(user_id).status_code == 201
    assert shop.users.get("/users/999").status_code == 404

    for service, capture in (("users", shop.users_logs), ("orders", shop.orders_logs)):
        records = capture.records()
        assert len(records) >= 2, f"{service} wrote {len(records)} lines"
        for record in records:
            missing = [field for field in CONTEXT_FIELDS if record.get(field) in (None, "")]
            assert not missing, f"{service} line without {missing}: {record}"
            assert record["service"] == service
            assert record["level"] in {"debug", "info", "warning", "error", "critical"}
            stamp = datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00"))
            assert stamp.utcoffset() == timedelta(0), "timestamps are in UTC"
            assert abs(datetime.now(UTC) - stamp) < timedelta(days=1), "a real, current time"
            assert "event" not in record, "the text is under 'message'"


def test_each_request_ends_with_one_summary_line():
    shop = build_shop()
    user_id = shop.register()
    shop.users.get("/users/999")
    shop.place_order(user_id)

    summaries = [r for r in shop.users_logs.records() if "status" in r]
    assert [(r["route"], r["status"]) for r in summaries] == [
        ("POST /users", 201),
        ("GET /users/999", 404),
        ("GET /users/1", 200),
    ]
    orders = [r for r in shop.orders_logs.records() if "status" in r]
    assert [(r["route"], r["status"]) for r in orders] == [("POST /orders", 201)]
    for record in summaries + orders:
        missing = [field for field in SUMMARY_FIELDS if field not in record]
        assert not missing, f"summary line without {missing}: {record}"
        # The fake clock moves 12.5 ms per reading: read once at the start, once at the end.
        assert record["duration_ms"] == 12.5


def test_domain_lines_carry_the_request_context():
    shop = build_shop()
    user_id = shop.register()
    shop.place_order(user_id)
    placed = [r for r in shop.orders_logs.records() if r["message"] == "order placed"]
    assert len(placed) == 1
    assert placed[0]["route"] == "POST /orders"
    assert placed[0]["total_cents"] == 2500
