-- Day 6 schema: users and the orders they place.
--
-- Write it in the SQL that SQLite and Postgres share. app/db.py handles the one difference
-- that matters here: "INTEGER PRIMARY KEY" becomes an identity column on Postgres.
-- The tests create a fresh database from this file for every test.
--
-- users
--   id          INTEGER PRIMARY KEY: the database assigns it
--   name        TEXT, required
--   email       TEXT, required, and no two users may share one
--   created_at  TIMESTAMP, required, defaults to CURRENT_TIMESTAMP

-- BEGIN SOLUTION
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- STARTER: -- TODO(day06): CREATE TABLE users (...);
-- END SOLUTION

-- orders
--   id            INTEGER PRIMARY KEY
--   user_id       INTEGER, required, a FOREIGN KEY to users(id);
--                 deleting a user deletes their orders (ON DELETE CASCADE)
--   item          TEXT, required
--   quantity      INTEGER, required, defaults to 1, must be greater than 0
--   amount_cents  INTEGER, required, the order's total price in cents, never negative
--   status        TEXT, required, defaults to 'pending',
--                 one of 'pending', 'paid', 'shipped', 'cancelled'
--   created_at    TIMESTAMP, required, defaults to CURRENT_TIMESTAMP

-- BEGIN SOLUTION
CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item          TEXT NOT NULL,
    quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0),
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    created_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- STARTER: -- TODO(day06): CREATE TABLE orders (...);
-- END SOLUTION
