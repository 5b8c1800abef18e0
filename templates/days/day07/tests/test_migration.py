from sqlalchemy import text

from app.migrate import migrate_flat_orders

EXPECTED_COUNTS = {"users": 3, "products": 4, "orders": 6, "order_items": 10}


def migrate(engine) -> dict[str, int]:
    with engine.begin() as conn:
        return migrate_flat_orders(conn)


def test_migration_creates_one_row_per_user_product_order_and_line(engine):
    counts = migrate(engine)

    assert counts == EXPECTED_COUNTS
    with engine.connect() as conn:
        for table, expected in EXPECTED_COUNTS.items():
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one() == expected
        order_ids = conn.execute(text("SELECT id FROM orders ORDER BY id")).scalars().all()
    assert order_ids == [1001, 1002, 1003, 1004, 1005, 1006]


def test_joining_the_normalized_tables_gives_back_every_flat_row(engine):
    migrate(engine)

    with engine.connect() as conn:
        flat = conn.execute(
            text(
                "SELECT order_id, ordered_at, customer_email, product_sku, product_name,"
                " quantity, unit_price_cents, status FROM orders_flat"
            )
        ).all()
        rebuilt = conn.execute(
            text(
                "SELECT o.id, o.created_at, u.email, p.sku, p.name,"
                " i.quantity, i.unit_price_cents, o.status"
                " FROM order_items AS i"
                " JOIN orders AS o ON o.id = i.order_id"
                " JOIN users AS u ON u.id = o.user_id"
                " JOIN products AS p ON p.id = i.product_id"
            )
        ).all()
    assert sorted(map(tuple, rebuilt)) == sorted(map(tuple, flat))


def test_conflicting_copies_resolve_to_the_most_recent_order(engine):
    migrate(engine)

    with engine.connect() as conn:
        ada = conn.execute(
            text("SELECT name, city FROM users WHERE email = 'ada@example.com'")
        ).one()
        prices = dict(conn.execute(text("SELECT sku, price_cents FROM products")).all())
        stock = conn.execute(text("SELECT DISTINCT stock FROM products")).scalars().all()
        paid_in_january = conn.execute(
            text(
                "SELECT i.unit_price_cents FROM order_items AS i"
                " JOIN products AS p ON p.id = i.product_id"
                " WHERE i.order_id = 1001 AND p.sku = 'KB-01'"
            )
        ).scalar_one()

    assert tuple(ada) == ("Ada King", "Ockham")
    assert prices == {"KB-01": 11900, "CB-02": 900, "DS-03": 44000, "MA-04": 7900}
    assert stock == [0]
    assert paid_in_january == 12900
