"""A small shop to attack: three users (one admin), products (one hidden), orders."""

from __future__ import annotations

from app.db import Database, token_digest

TOKENS = {1: "tok-ada-7c1d0f6e", 2: "tok-bob-93ab52d4", 3: "tok-carol-5e88a1b0"}

USERS = [
    (1, "ada@example.com", "Ada", 0, "$argon2id$v=19$m=65536,t=3,p=4$ada-salt$ada-hash"),
    (2, "bob@example.com", "Bob", 0, "$argon2id$v=19$m=65536,t=3,p=4$bob-salt$bob-hash"),
    (3, "carol@example.com", "Carol", 1, "$argon2id$v=19$m=65536,t=3,p=4$carol-salt$carol-hash"),
]
PRODUCTS = [
    (1, "CUP-01", "Espresso cup", 900, 0),
    (2, "VCH-50", "Discount 50% voucher", 0, 0),
    (3, "BTL-500", "500 ml bottle", 1500, 0),
    (4, "PRT-X", "Staff-only prototype", 99900, 1),
    (5, "MUG-OR", "O'Reilly mug", 1200, 0),
    (6, "TEE-US", "Tee_shirt", 2500, 0),
]
ORDERS = [
    (1, 1, "placed", 1800, "", "1 Engine Road"),
    (2, 1, "shipped", 1500, "gift", "1 Engine Road"),
    (3, 2, "placed", 4999, "ring the bell twice", "12 Hidden Lane"),
]


def seed(db: Database) -> Database:
    db.create_schema()
    db.conn.executemany(
        "INSERT INTO users (id, email, display_name, is_admin, password_hash) "
        "VALUES (?, ?, ?, ?, ?)",
        USERS,
    )
    db.conn.executemany(
        "INSERT INTO api_tokens (token_sha256, user_id) VALUES (?, ?)",
        [(token_digest(token), user_id) for user_id, token in TOKENS.items()],
    )
    db.conn.executemany(
        "INSERT INTO products (id, sku, name, price_cents, is_hidden) VALUES (?, ?, ?, ?, ?)",
        PRODUCTS,
    )
    db.conn.executemany(
        "INSERT INTO orders (id, user_id, status, total_cents, note, shipping_address) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        ORDERS,
    )
    return db
