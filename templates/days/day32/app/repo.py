"""Data access for the shop. Every value reaches SQLite as a bound parameter.

Object-level authorization lives here too: a function that reads or changes *an order of a
user* takes the user's id and puts it in the WHERE clause, so "not yours" and "does not exist"
are the same empty result, and no caller can forget the check.
"""

from __future__ import annotations

from typing import Any

from app.db import Database

PRODUCT_COLUMNS = "id, sku, name, price_cents"
ORDER_COLUMNS = "id, user_id, status, total_cents, note, shipping_address"
# The only order columns a customer may change. Never build this set from the request.
ORDER_EDITABLE = frozenset({"note", "shipping_address"})
PROFILE_EDITABLE = frozenset({"display_name", "bio_html"})


def escape_like(text: str) -> str:
    """Make `%`, `_` and the escape character itself literal in a LIKE pattern (ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_products(db: Database, query: str) -> list[dict[str, Any]]:
    """Visible products whose name contains `query` (case-insensitive, as SQLite's LIKE is for
    ASCII), ordered by id. `query` is a literal substring: `%` and `_` in it match only
    themselves. The SQL text is a constant; the pattern is a bound parameter."""
    # BEGIN SOLUTION
    return db.all(
        f"SELECT {PRODUCT_COLUMNS} FROM products "
        "WHERE is_hidden = 0 AND name LIKE ? ESCAPE '\\' ORDER BY id",
        (f"%{escape_like(query)}%",),
    )
    # STARTER: raise NotImplementedError("TODO(day32): a constant query, the pattern bound")
    # END SOLUTION


def list_orders(db: Database, user_id: int) -> list[dict[str, Any]]:
    """The orders of `user_id`, by id."""
    # BEGIN SOLUTION
    return db.all(f"SELECT {ORDER_COLUMNS} FROM orders WHERE user_id = ? ORDER BY id", (user_id,))
    # STARTER: raise NotImplementedError("TODO(day32): only this user's orders")
    # END SOLUTION


def get_order(db: Database, order_id: int, user_id: int) -> dict[str, Any] | None:
    """Order `order_id` if it belongs to `user_id`, else None (whether it exists or not)."""
    # BEGIN SOLUTION
    return db.one(
        f"SELECT {ORDER_COLUMNS} FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id)
    )
    # STARTER: raise NotImplementedError("TODO(day32): select by id AND owner")
    # END SOLUTION


def update_order(
    db: Database, order_id: int, user_id: int, changes: dict[str, Any]
) -> dict[str, Any] | None:
    """Apply `changes` (column -> value, only ORDER_EDITABLE columns; ValueError for any other)
    to the order if it belongs to `user_id`; return the updated order, or None."""
    # BEGIN SOLUTION
    unknown = set(changes) - ORDER_EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if changes:
        # Column names come from the fixed set above, values are bound: no text from the
        # request is ever part of the SQL.
        assignments = ", ".join(f"{column} = ?" for column in sorted(changes))
        values = [changes[column] for column in sorted(changes)]
        db.execute(
            f"UPDATE orders SET {assignments} WHERE id = ? AND user_id = ?",
            (*values, order_id, user_id),
        )
    return get_order(db, order_id, user_id)
    # STARTER: raise NotImplementedError("TODO(day32): whitelisted columns, owner in the WHERE")
    # END SOLUTION


def delete_order(db: Database, order_id: int, user_id: int) -> bool:
    """Delete the order if it belongs to `user_id`; True when a row was deleted."""
    # BEGIN SOLUTION
    cursor = db.execute("DELETE FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id))
    return cursor.rowcount == 1
    # STARTER: raise NotImplementedError("TODO(day32): delete by id AND owner")
    # END SOLUTION


def all_orders(db: Database) -> list[dict[str, Any]]:
    """Every order: for admins only (the caller checks)."""
    return db.all(f"SELECT {ORDER_COLUMNS} FROM orders ORDER BY id")


def user_by_token(db: Database, token_sha256: str) -> dict[str, Any] | None:
    return db.one(
        "SELECT u.id, u.email, u.display_name, u.is_admin FROM api_tokens t "
        "JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = ?",
        (token_sha256,),
    )


def get_profile(db: Database, user_id: int) -> dict[str, Any] | None:
    return db.one("SELECT id, display_name, bio_html FROM users WHERE id = ?", (user_id,))


def update_profile(db: Database, user_id: int, changes: dict[str, Any]) -> None:
    """Apply `changes` (only PROFILE_EDITABLE columns) to the user's own row."""
    unknown = set(changes) - PROFILE_EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for column in sorted(changes):
        db.execute(f"UPDATE users SET {column} = ? WHERE id = ?", (changes[column], user_id))
