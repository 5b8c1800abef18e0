"""Shared helpers: who is calling, and what the database really holds (read around the spy)."""

from app.seed import TOKENS

ADA, BOB, CAROL = 1, 2, 3  # Carol is the admin


def auth(user_id: int) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[user_id]}"}


def order_row(db, order_id):
    row = db.conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
    return None if row is None else dict(row)


def user_row(db, user_id):
    return dict(db.conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone())
