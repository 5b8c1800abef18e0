-- Migration 0002: indexes for the shop's hot queries (app/queries.py).
-- Runs on SQLite (the tests) and on Postgres (the live tests) alike.
--
-- For each query, read its WHERE and ORDER BY and its SELECT list, then choose the columns and
-- their order: what is compared with `=` first, then the one range or sort column, then the
-- columns the query only reads (so the index covers it and the table is never visited).
-- SQLite puts the rowid (here: id) in every index by itself, Postgres does not: list id
-- yourself when a query reads it, or the index covers the query on SQLite only.
-- BEGIN SOLUTION

-- user_orders_query: user_id = ? AND status = ? ORDER BY created_at DESC; reads id, total_cents.
CREATE INDEX IF NOT EXISTS idx_orders_user_status_created
    ON orders (user_id, status, created_at, total_cents, id);

-- day_queue_query and the orders side of product_sales_query:
-- status = ? AND created_at in [start, end) ORDER BY created_at; reads id, user_id, total_cents.
CREATE INDEX IF NOT EXISTS idx_orders_status_created
    ON orders (status, created_at, user_id, total_cents, id);

-- product_sales_query joins order_items on order_id and reads product_id, quantity, price.
CREATE INDEX IF NOT EXISTS idx_order_items_order
    ON order_items (order_id, product_id, quantity, unit_price_cents);
-- STARTER: -- TODO(day26): your CREATE INDEX statements.
-- END SOLUTION
