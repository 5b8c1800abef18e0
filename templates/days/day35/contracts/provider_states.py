"""Provider states: how the Orders service puts itself into the state an interaction assumes.

The Pact verifier calls the handler with the state's name before each interaction
(action "setup") and again after it (action "teardown").
"""

from __future__ import annotations

from contracts.gateway_orders import NO_ORDER, PENDING_ORDER, SHIPPED_ORDER
from services.orders.store import Order, OrderItem, OrderStore

KNOWN_STATES = (PENDING_ORDER, SHIPPED_ORDER, NO_ORDER)


def sample_order(order_id: int, status: str) -> Order:
    """An order of user 7: two keyboards at 12.50, so total_cents is 2500."""
    item = OrderItem(sku="KB-01", quantity=2, unit_price_cents=1250)
    return Order(id=order_id, user_id=7, items=[item], status=status, total_cents=2500)


class ProviderStates:
    def __init__(self, store: OrderStore) -> None:
        self.store = store
        self.seen: list[tuple[str, str]] = []

    def __call__(self, state: str, action: str, parameters: dict | None = None) -> None:
        """Start every setup from an empty store, then create exactly what `state` names;
        refuse a state you do not know (ValueError) rather than guessing. On teardown, empty
        the store so nothing leaks into the next interaction."""
        self.seen.append((state, action))
        # BEGIN SOLUTION
        self.store.clear()
        if action != "setup":
            return
        if state == PENDING_ORDER:
            self.store.put(sample_order(1, "pending"))
        elif state == SHIPPED_ORDER:
            self.store.put(sample_order(2, "shipped"))
        elif state == NO_ORDER:
            pass
        else:
            raise ValueError(f"unknown provider state {state!r}")
        # STARTER: raise NotImplementedError("TODO(day35): set up the provider state")
        # END SOLUTION
