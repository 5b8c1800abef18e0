"""/metrics: RED metrics per route template with bounded labels, a real histogram, orders placed."""

from __future__ import annotations

import re

from tests.conftest import BrokenStore, Shop

REQUESTS = "shop_http_requests_total"
DURATION = "shop_http_request_duration_seconds"
ORDERS = "shop_orders_placed_total"


def test_requests_are_counted_by_route_template_method_and_status_class():
    shop = Shop()

    for user_id in (1, 2, 3, 404):
        shop.call("GET", f"/users/{user_id}")

    route = {"route": "/users/{user_id}", "method": "GET"}
    assert shop.value(REQUESTS, **route, status_class="2xx") == 3
    assert shop.value(REQUESTS, **route, status_class="4xx") == 1


def test_label_values_stay_bounded_whatever_the_paths_and_ids():
    shop = Shop()

    for n in range(1, 30):
        shop.call("GET", f"/users/{n}")
        shop.call("GET", f"/orders/{n}")
        shop.call("GET", f"/no-such-page-{n}")

    samples = [s for s in shop.scrape() if s.name.startswith("shop_http_")]
    routes = {s.labels.get("route") for s in samples}
    assert routes == {"/users/{user_id}", "/orders/{order_id}", "unmatched"}, (
        f"route label values must be route templates, never raw paths: {sorted(map(str, routes))}"
    )
    statuses = {s.labels["status_class"] for s in samples if "status_class" in s.labels}
    assert statuses <= {"1xx", "2xx", "3xx", "4xx", "5xx"}, statuses
    series = {(s.name, tuple(sorted(s.labels.items()))) for s in samples}
    assert len(series) < 80, f"{len(series)} series after 87 requests: something is unbounded"
    for s in samples:
        for value in s.labels.values():
            assert not re.search(r"/\d", value), f"a raw id reached a label: {s.name}{s.labels}"


def test_latency_is_a_histogram_with_buckets_sum_and_count():
    shop = Shop()

    shop.call("GET", "/users/1", took=0.02)
    shop.call("GET", "/users/2", took=0.2)
    shop.call("GET", "/users/3", took=1.7)

    route = {"route": "/users/{user_id}", "method": "GET"}
    assert shop.value(f"{DURATION}_count", **route) == 3
    assert abs(shop.value(f"{DURATION}_sum", **route) - 1.92) < 1e-9
    # Buckets are cumulative: each counts the requests at most `le` seconds long.
    assert shop.value(f"{DURATION}_bucket", **route, le="0.025") == 1
    assert shop.value(f"{DURATION}_bucket", **route, le="0.25") == 2
    assert shop.value(f"{DURATION}_bucket", **route, le="2.5") == 3
    assert shop.value(f"{DURATION}_bucket", **route, le="+Inf") == 3
    les = {s.labels["le"] for s in shop.scrape() if s.name == f"{DURATION}_bucket"}
    assert "0.3" in les, "a bucket boundary must sit on the 300 ms latency objective"


def test_an_exception_in_a_handler_is_counted_as_a_5xx():
    shop = Shop(store=BrokenStore())

    status = shop.call("POST", "/orders", json={"user_id": 1, "sku": "KB-01", "quantity": 1})

    assert status == 500
    assert shop.value(REQUESTS, route="/orders", method="POST", status_class="5xx") == 1
    assert shop.value(f"{DURATION}_count", route="/orders", method="POST") == 1


def test_orders_placed_counts_stored_orders_only():
    shop = Shop()

    order = {"sku": "KB-01", "quantity": 2}
    assert shop.call("POST", "/orders", json={"user_id": 1, **order}) == 201
    assert shop.call("POST", "/orders", json={"user_id": 2, **order}) == 201
    assert shop.call("POST", "/orders", json={"user_id": 77, **order}) == 422
    assert shop.call("POST", "/orders", json={"user_id": 1, "sku": "", "quantity": 0}) == 422

    assert shop.value(ORDERS) == 2
    labelled = [s for s in shop.scrape() if s.name == ORDERS and s.labels]
    assert not labelled, f"orders placed needs no per-user label: {labelled}"


def test_scrapes_do_not_count_themselves():
    shop = Shop()

    shop.call("GET", "/users/1")
    shop.scrape()
    shop.scrape()

    routes = {s.labels.get("route") for s in shop.scrape() if s.name == REQUESTS}
    assert routes == {"/users/{user_id}"}, routes
