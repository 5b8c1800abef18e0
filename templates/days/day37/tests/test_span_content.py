"""What the spans say: route templates, ids as attributes, errors where they happened, the DB."""

from __future__ import annotations

import re

from opentelemetry.trace import SpanKind, StatusCode

from tests.conftest import build_shop, find


def test_server_spans_carry_the_route_template():
    shop = build_shop()

    shop.place_order(user_id=2)

    spans = shop.spans()
    for svc, route, method in [
        ("gateway", "/api/orders", "POST"),
        ("orders", "/orders", "POST"),
        ("users", "/users/{user_id}", "GET"),
    ]:
        servers = [
            s
            for s in spans
            if s.resource.attributes.get("service.name") == svc and s.kind != SpanKind.CLIENT
        ]
        names = sorted(s.name for s in servers)
        assert f"{method} {route}" in names, f"{svc}'s server span is not named after the route"
        server = next(s for s in servers if s.name == f"{method} {route}")
        assert server.attributes.get("http.route") == route


def test_user_id_is_an_attribute_and_never_part_of_a_span_name():
    shop = build_shop()

    shop.place_order(user_id=1)
    first = sorted(s.name for s in shop.spans())
    shop.exporter.clear()
    shop.place_order(user_id=2)
    second = sorted(s.name for s in shop.spans())

    assert first == second, (
        "span names must not depend on the request: every distinct name is a new series in the "
        f"tracing backend. Names for user 1: {first}; for user 2: {second}"
    )
    assert not [name for name in second if re.search(r"\d", name)], second
    orders_server = find(shop.spans(), "orders", "POST /orders")
    assert orders_server.attributes.get("user.id") == 2, (
        "the orders server span should carry the user id as the attribute user.id"
    )


def test_database_work_has_its_own_span_with_the_new_order_id():
    shop = build_shop()

    answer = shop.place_order(user_id=1, quantity=3)

    assert answer.status_code == 201, answer.text
    insert = find(shop.spans(), "orders", "INSERT orders")
    assert insert.attributes.get("db.system.name") == "sqlite"
    assert insert.attributes.get("db.operation.name") == "INSERT"
    assert insert.attributes.get("order.id") == answer.json()["id"]
    assert insert.attributes.get("user.id") == 1


def test_unknown_user_is_not_an_error_span():
    shop = build_shop()

    answer = shop.place_order(user_id=99)

    assert answer.status_code == 422
    call = find(shop.spans(), "orders", "GET /users/{user_id}")
    assert call.attributes.get("http.response.status_code") == 404
    assert call.status.status_code != StatusCode.ERROR, (
        "a 404 is an answer, not a failure of the call: only 5xx and transport errors are errors"
    )


def test_unreachable_users_service_marks_the_call_as_an_error():
    shop = build_shop(users_down=True)

    answer = shop.place_order(user_id=1)

    assert answer.status_code == 503, answer.text
    call = find(shop.spans(), "orders", "GET /users/{user_id}")
    assert call.status.status_code == StatusCode.ERROR, (
        "the call that failed must be an error span, so the trace shows where it broke"
    )
    events = [e for e in call.events if e.name == "exception"]
    assert events, "the exception must be recorded on the span"
    assert events[0].attributes["exception.type"].endswith("ConnectError")


def test_users_service_failure_marks_the_call_as_an_error():
    shop = build_shop(users_status=500)

    answer = shop.place_order(user_id=1)

    assert answer.status_code == 503, answer.text
    call = find(shop.spans(), "orders", "GET /users/{user_id}")
    assert call.attributes.get("http.response.status_code") == 500
    assert call.status.status_code == StatusCode.ERROR
    assert "500" in (call.status.description or "")
