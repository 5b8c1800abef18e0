"""Plain-SQL queries for users and orders.

Every function takes an open SQLAlchemy `Connection` and runs SQL you write by hand with
`text()`. Values always travel as bound parameters (`:email` in the SQL, `{"email": ...}` beside
it), never pasted into the string: the database receives the SQL and the values separately, so a
value can never change what the SQL means.

The functions do not commit. The caller decides where a transaction starts and ends:

    with engine.begin() as conn:          # BEGIN
        user_id = create_user(conn, "Ada", "ada@example.com")
        create_order(conn, user_id, "desk", 45000)
                                          # COMMIT (or ROLLBACK if an exception escaped)

Rows come back as plain dicts, e.g. {"id": 1, "name": "Ada", "email": "ada@example.com", ...}.
"""

from typing import Any

from sqlalchemy import Connection, text


def get_user(conn: Connection, user_id: int) -> dict[str, Any] | None:
    """The user with this id, or None (given, as a worked example)."""
    row = (
        conn.execute(
            text("SELECT id, name, email, created_at FROM users WHERE id = :id"),
            {"id": user_id},
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None


def create_user(conn: Connection, name: str, email: str) -> int:
    """INSERT a user and return the id the database assigned (look at RETURNING)."""
    # BEGIN SOLUTION
    return conn.execute(
        text("INSERT INTO users (name, email) VALUES (:name, :email) RETURNING id"),
        {"name": name, "email": email},
    ).scalar_one()
    # STARTER: raise NotImplementedError("TODO(day06): INSERT INTO users ... RETURNING id")
    # END SOLUTION


def find_user_by_email(conn: Connection, email: str) -> dict[str, Any] | None:
    """The user with this email, or None."""
    # BEGIN SOLUTION
    row = (
        conn.execute(
            text("SELECT id, name, email, created_at FROM users WHERE email = :email"),
            {"email": email},
        )
        .mappings()
        .first()
    )
    return dict(row) if row is not None else None
    # STARTER: raise NotImplementedError("TODO(day06): SELECT ... WHERE email = :email")
    # END SOLUTION


def list_users(conn: Connection) -> list[dict[str, Any]]:
    """All users, oldest id first. Without ORDER BY, SQL promises no order at all."""
    # BEGIN SOLUTION
    rows = conn.execute(text("SELECT id, name, email, created_at FROM users ORDER BY id"))
    return [dict(row) for row in rows.mappings()]
    # STARTER: raise NotImplementedError("TODO(day06): SELECT every user ORDER BY id")
    # END SOLUTION


def create_order(
    conn: Connection, user_id: int, item: str, amount_cents: int, quantity: int = 1
) -> int:
    """INSERT an order (status left to its default) and return its id."""
    # BEGIN SOLUTION
    return conn.execute(
        text(
            "INSERT INTO orders (user_id, item, quantity, amount_cents)"
            " VALUES (:user_id, :item, :quantity, :amount_cents) RETURNING id"
        ),
        {"user_id": user_id, "item": item, "quantity": quantity, "amount_cents": amount_cents},
    ).scalar_one()
    # STARTER: raise NotImplementedError("TODO(day06): INSERT INTO orders ... RETURNING id")
    # END SOLUTION


def list_orders_for_user(
    conn: Connection, user_id: int, status: str | None = None
) -> list[dict[str, Any]]:
    """The user's orders, oldest id first; only those with `status` when it is given.
    Each dict has id, user_id, item, quantity, amount_cents, status."""
    # BEGIN SOLUTION
    sql = (
        "SELECT id, user_id, item, quantity, amount_cents, status FROM orders"
        " WHERE user_id = :user_id"
    )
    params: dict[str, Any] = {"user_id": user_id}
    if status is not None:
        sql += " AND status = :status"
        params["status"] = status
    rows = conn.execute(text(sql + " ORDER BY id"), params)
    return [dict(row) for row in rows.mappings()]
    # STARTER: raise NotImplementedError("TODO(day06): SELECT the user's orders (+ status filter)")
    # END SOLUTION


def update_order_status(conn: Connection, order_id: int, status: str) -> bool:
    """Set the order's status. True if an order was changed, False if there is no such order
    (the result's `rowcount` tells you how many rows the UPDATE touched)."""
    # BEGIN SOLUTION
    result = conn.execute(
        text("UPDATE orders SET status = :status WHERE id = :id"),
        {"status": status, "id": order_id},
    )
    return result.rowcount == 1
    # STARTER: raise NotImplementedError("TODO(day06): UPDATE orders SET status ... WHERE id")
    # END SOLUTION


def delete_user(conn: Connection, user_id: int) -> bool:
    """Delete the user (their orders go with them, by the schema's ON DELETE CASCADE).
    True if a user was deleted."""
    # BEGIN SOLUTION
    result = conn.execute(text("DELETE FROM users WHERE id = :id"), {"id": user_id})
    return result.rowcount == 1
    # STARTER: raise NotImplementedError("TODO(day06): DELETE FROM users WHERE id = :id")
    # END SOLUTION


def spending_by_user(conn: Connection) -> list[dict[str, Any]]:
    """One row per user, including users with no orders:
    {"user_id", "name", "order_count", "total_cents"}, counting only orders that are not
    'cancelled'. Biggest total first; ties by user id. Needs a LEFT JOIN and GROUP BY."""
    # BEGIN SOLUTION
    rows = conn.execute(
        text(
            """
            SELECT u.id AS user_id,
                   u.name AS name,
                   COUNT(o.id) AS order_count,
                   COALESCE(SUM(o.amount_cents), 0) AS total_cents
            FROM users AS u
            LEFT JOIN orders AS o ON o.user_id = u.id AND o.status <> 'cancelled'
            GROUP BY u.id, u.name
            ORDER BY total_cents DESC, u.id
            """
        )
    )
    return [dict(row) for row in rows.mappings()]
    # STARTER: raise NotImplementedError("TODO(day06): LEFT JOIN orders, GROUP BY user")
    # END SOLUTION
