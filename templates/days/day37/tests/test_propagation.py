"""One order, one trace: the context crosses every hop, and each span hangs off the right parent."""

from __future__ import annotations

from opentelemetry.trace import SpanKind

from tests.conftest import build_shop, find, service


def test_one_order_is_one_trace_across_gateway_orders_and_users():
    shop = build_shop()

    answer = shop.place_order(user_id=1)

    assert answer.status_code == 201, answer.text
    spans = shop.spans()
    assert {service(s) for s in spans} == {"gateway", "orders", "users"}, (
        "every service must report its spans under its own service.name"
    )
    trace_ids = {s.context.trace_id for s in spans}
    assert len(trace_ids) == 1, (
        f"the order's spans are split over {len(trace_ids)} traces: a service started its own "
        "trace instead of continuing the caller's"
    )


def test_traceparent_on_the_wire_names_the_calling_client_span():
    shop = build_shop()

    shop.place_order(user_id=1)

    spans = shop.spans()
    for wire, caller, name in [
        (shop.to_orders, "gateway", "POST /orders"),
        (shop.to_users, "orders", "GET /users/{user_id}"),
    ]:
        client = find(spans, caller, name)
        assert client.kind == SpanKind.CLIENT, f"{caller}'s call {name} must be a CLIENT span"
        (request,) = wire.requests
        header = request.headers.get("traceparent")
        assert header, f"{caller}'s request to {request.url} carries no traceparent header"
        version, trace_id, parent_id, flags = header.split("-")
        assert version == "00"
        assert int(trace_id, 16) == client.context.trace_id
        assert int(parent_id, 16) == client.context.span_id, (
            f"traceparent must name {caller}'s client span as the parent, not another span"
        )
        assert int(flags, 16) & 1, "the sampled flag must travel too"


def test_each_span_hangs_off_the_right_parent():
    shop = build_shop()

    shop.place_order(user_id=1)

    spans = shop.spans()
    entry = find(spans, "gateway", "POST /api/orders")
    to_orders = find(spans, "gateway", "POST /orders")
    orders_server = find(spans, "orders", "POST /orders")
    to_users = find(spans, "orders", "GET /users/{user_id}")
    users_server = find(spans, "users", "GET /users/{user_id}")
    insert = find(spans, "orders", "INSERT orders")

    assert entry.parent is None, "the gateway's server span is the root of the trace"
    chain = [
        (to_orders, entry),
        (orders_server, to_orders),
        (to_users, orders_server),
        (users_server, to_users),
        (insert, orders_server),
    ]
    for child, parent in chain:
        assert child.parent is not None, f"{service(child)}: {child.name} has no parent"
        assert child.parent.span_id == parent.context.span_id, (
            f"{service(child)}: {child.name} should be a child of {service(parent)}: {parent.name}"
        )
