"""The gateway's expectations of the Orders service, written as a Pact (consumer side).

Each interaction says: given a provider state, when the gateway sends this request, the Orders
service answers like this. Match on *types and formats* where any value would do (an id is an
integer), on exact values only where the gateway relies on the value (the status after paying).
"""

from __future__ import annotations

from pact import Pact, match

CONSUMER = "gateway"
PROVIDER = "orders"

# Provider states: the Orders side sets these up before each interaction is replayed
# (contracts/provider_states.py). Their names are part of the contract.
PENDING_ORDER = "order 1 exists and is pending"
SHIPPED_ORDER = "order 2 exists and is shipped"
NO_ORDER = "order 99 does not exist"

STATUSES = "^(pending|paid|shipped|cancelled)$"


def new_pact() -> Pact:
    return Pact(CONSUMER, PROVIDER).with_specification("V4")


def add_interactions(pact: Pact) -> None:
    """Add the four interactions the gateway's OrdersClient relies on:

    1. given PENDING_ORDER: GET /orders/1 -> 200, a JSON order with integer `id`, `user_id` and
       `total_cents`, and a `status` that is one of STATUSES;
    2. given NO_ORDER: GET /orders/99 -> 404;
    3. given PENDING_ORDER: POST /orders/1/pay -> 200, the order with `status` exactly "paid";
    4. given SHIPPED_ORDER: POST /orders/2/pay -> 409 with a string `detail`.
    """
    # BEGIN SOLUTION
    order = {
        "id": match.int(1),
        "user_id": match.int(7),
        "status": match.regex("pending", regex=STATUSES),
        "total_cents": match.int(2500),
    }
    (
        pact.upon_receiving("a request for a pending order")
        .given(PENDING_ORDER)
        .with_request("GET", "/orders/1")
        .will_respond_with(200)
        .with_body(order, content_type="application/json")
    )
    (
        pact.upon_receiving("a request for an order that does not exist")
        .given(NO_ORDER)
        .with_request("GET", "/orders/99")
        .will_respond_with(404)
    )
    (
        pact.upon_receiving("a payment for a pending order")
        .given(PENDING_ORDER)
        .with_request("POST", "/orders/1/pay")
        .will_respond_with(200)
        .with_body({**order, "status": "paid"}, content_type="application/json")
    )
    (
        pact.upon_receiving("a payment for a shipped order")
        .given(SHIPPED_ORDER)
        .with_request("POST", "/orders/2/pay")
        .will_respond_with(409)
        .with_body({"detail": match.str("cannot pay an order that is shipped")})
    )
    # STARTER: raise NotImplementedError("TODO(day35): describe the four interactions")
    # END SOLUTION
