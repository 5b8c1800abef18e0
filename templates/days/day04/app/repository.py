"""The data layer (given): an in-memory store for users and orders.

The repository only stores and finds records. It knows nothing about HTTP: deciding that a
missing user is a 404 or a taken email is a 409 is the job of the API layer in `app/main.py`.
Records are plain dicts; every method returns copies, so callers cannot change stored data by
accident. Swap this class for a database-backed one (day 6) and the routes do not change.
"""

from itertools import count
from typing import Any


class InMemoryRepository:
    def __init__(self) -> None:
        self._users: dict[int, dict[str, Any]] = {}
        self._orders: dict[int, dict[str, Any]] = {}
        self._user_ids = count(1)
        self._order_ids = count(1)

    # Users ---------------------------------------------------------------------------------

    def add_user(self, name: str, email: str) -> dict[str, Any]:
        user = {"id": next(self._user_ids), "name": name, "email": email}
        self._users[user["id"]] = user
        return dict(user)

    def get_user(self, user_id: int) -> dict[str, Any] | None:
        user = self._users.get(user_id)
        return dict(user) if user is not None else None

    def find_user_by_email(self, email: str) -> dict[str, Any] | None:
        for user in self._users.values():
            if user["email"] == email:
                return dict(user)
        return None

    def list_users(self) -> list[dict[str, Any]]:
        return [dict(user) for user in self._users.values()]

    def update_user(self, user_id: int, **changes: Any) -> dict[str, Any] | None:
        user = self._users.get(user_id)
        if user is None:
            return None
        user.update(changes)
        return dict(user)

    def delete_user(self, user_id: int) -> bool:
        return self._users.pop(user_id, None) is not None

    # Orders --------------------------------------------------------------------------------

    def add_order(
        self, user_id: int, item: str, quantity: int, status: str = "pending"
    ) -> dict[str, Any]:
        order = {
            "id": next(self._order_ids),
            "user_id": user_id,
            "item": item,
            "quantity": quantity,
            "status": status,
        }
        self._orders[order["id"]] = order
        return dict(order)

    def get_order(self, order_id: int) -> dict[str, Any] | None:
        order = self._orders.get(order_id)
        return dict(order) if order is not None else None

    def list_orders(
        self, user_id: int | None = None, status: str | None = None
    ) -> list[dict[str, Any]]:
        return [
            dict(order)
            for order in self._orders.values()
            if (user_id is None or order["user_id"] == user_id)
            and (status is None or order["status"] == status)
        ]

    def update_order(self, order_id: int, **changes: Any) -> dict[str, Any] | None:
        order = self._orders.get(order_id)
        if order is None:
            return None
        order.update(changes)
        return dict(order)

    def delete_order(self, order_id: int) -> bool:
        return self._orders.pop(order_id, None) is not None
