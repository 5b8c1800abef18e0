"""The consumer side: the gateway's OrdersClient against Pact's mock Orders service."""

from conftest import load_pact, write_pact

from contracts.gateway_orders import NO_ORDER, PENDING_ORDER, SHIPPED_ORDER


def interactions_by_request(pact: dict) -> dict[tuple[str, str], dict]:
    return {(i["request"]["method"], i["request"]["path"]): i for i in pact.get("interactions", [])}


def test_gateway_client_works_against_the_contract(tmp_path):
    _, seen = write_pact(tmp_path)
    order = seen["order"]
    assert (order.id, order.user_id, order.total_cents) == (1, 7, 2500)
    assert order.status == "pending"
    assert seen.get("missing") is True, "GET /orders/99 must answer 404"
    assert seen["paid"].status == "paid"
    assert seen.get("refused"), "paying a shipped order must answer 409 with a detail"


def test_pact_file_names_both_sides_and_every_interaction(tmp_path):
    path, _ = write_pact(tmp_path)
    pact = load_pact(path)
    assert pact["consumer"]["name"] == "gateway"
    assert pact["provider"]["name"] == "orders"
    found = interactions_by_request(pact)
    assert set(found) == {
        ("GET", "/orders/1"),
        ("GET", "/orders/99"),
        ("POST", "/orders/1/pay"),
        ("POST", "/orders/2/pay"),
    }
    states = {
        request: [state["name"] for state in i.get("providerStates", [])]
        for request, i in found.items()
    }
    assert states[("GET", "/orders/1")] == [PENDING_ORDER]
    assert states[("GET", "/orders/99")] == [NO_ORDER]
    assert states[("POST", "/orders/1/pay")] == [PENDING_ORDER]
    assert states[("POST", "/orders/2/pay")] == [SHIPPED_ORDER]


def test_pact_matches_types_of_the_fields_the_gateway_reads(tmp_path):
    """A field the gateway reads must be in the expected body and checked by type (or regex),
    not by its example value: the provider may return any id, but it must be an integer."""
    path, _ = write_pact(tmp_path)
    found = interactions_by_request(load_pact(path))
    response = found[("GET", "/orders/1")]["response"]
    body = response.get("body", {}).get("content", {})
    for field in ("id", "user_id", "status", "total_cents"):
        assert field in body, f"the expected order has no {field!r}: the gateway reads it"
    rules = response.get("matchingRules", {}).get("body", {})
    for field in ("id", "user_id", "total_cents"):
        matchers = rules.get(f"$.{field}", {}).get("matchers", [])
        assert {"match": "integer"} in matchers, f"$.{field} should be matched as an integer"
    status = rules.get("$.status", {}).get("matchers", [])
    assert any(m.get("match") == "regex" for m in status), "$.status: match the allowed statuses"
    paid = found[("POST", "/orders/1/pay")]["response"]["body"]["content"]
    paid_rules = found[("POST", "/orders/1/pay")]["response"].get("matchingRules", {})
    assert paid.get("status") == "paid"
    assert "$.status" not in paid_rules.get("body", {}), "after paying, status is exactly 'paid'"
