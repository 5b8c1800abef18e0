-- Day 7: the same data in third normal form, plus the indexes its queries need.
--
-- Write it in the SQL that SQLite and Postgres share ("INTEGER PRIMARY KEY" becomes an identity
-- column on Postgres, as on day 6). Create parents before children.
--
-- users        one row per customer
--   id           INTEGER PRIMARY KEY
--   email        TEXT, required, unique
--   name         TEXT, required
--   city         TEXT, required
--
-- products     one row per product
--   id           INTEGER PRIMARY KEY
--   sku          TEXT, required, unique
--   name         TEXT, required
--   price_cents  INTEGER, required, >= 0: the current list price
--   stock        INTEGER, required, >= 0, defaults to 0
--
-- orders       one row per order (facts about the whole order)
--   id           INTEGER PRIMARY KEY
--   user_id      INTEGER, required, references users(id)
--   created_at   TIMESTAMP, required, defaults to CURRENT_TIMESTAMP
--   status       TEXT, required, defaults to 'pending';
--                one of 'pending', 'paid', 'shipped', 'cancelled'
--
-- order_items  one row per product in an order (facts about one line)
--   order_id          INTEGER, required, references orders(id), ON DELETE CASCADE
--   product_id        INTEGER, required, references products(id)
--   quantity          INTEGER, required, > 0
--   unit_price_cents  INTEGER, required, >= 0: the price paid, which stays true when the
--                     product's price changes later
--   the primary key is the pair (order_id, product_id)

-- BEGIN SOLUTION
CREATE TABLE users (
    id     INTEGER PRIMARY KEY,
    email  TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL,
    city   TEXT NOT NULL
);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    sku          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    price_cents  INTEGER NOT NULL CHECK (price_cents >= 0),
    stock        INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0)
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
);

CREATE TABLE order_items (
    order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id        INTEGER NOT NULL REFERENCES products (id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents  INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (order_id, product_id)
);
-- STARTER: -- TODO(day07): CREATE TABLE users, products, orders and order_items.
-- END SOLUTION

-- Indexes. The queries in app/reports.py ask:
--   "a user's most recent orders": WHERE user_id = ? ORDER BY created_at DESC
--       -> one composite index named idx_orders_user_created that serves the filter AND the sort
--   "which orders contain this product": WHERE product_id = ? on order_items
--       -> an index named idx_order_items_product
-- (order_items needs no extra index for order_id: it is the first column of its primary key.)

-- BEGIN SOLUTION
CREATE INDEX idx_orders_user_created ON orders (user_id, created_at);
CREATE INDEX idx_order_items_product ON order_items (product_id);
-- STARTER: -- TODO(day07): CREATE INDEX idx_orders_user_created ... and idx_order_items_product ...
-- END SOLUTION
