-- The starting point (given): one wide table, the way a spreadsheet export or a quick prototype
-- stores orders. Each row is one line of an order, so an order with three products has three rows
-- and repeats everything about the order and the customer three times.
--
-- Its key is (order_id, product_sku). Look for facts that depend on only part of that key
-- (customer_*, ordered_at, status depend on order_id alone; product_name on product_sku alone)
-- and facts that depend on another non-key column (customer_name and customer_city depend on
-- customer_email). Each one is a copy that can drift out of date, and some already have.

CREATE TABLE orders_flat (
    order_id          INTEGER NOT NULL,
    ordered_at        TIMESTAMP NOT NULL,
    customer_email    TEXT NOT NULL,
    customer_name     TEXT NOT NULL,
    customer_city     TEXT NOT NULL,
    product_sku       TEXT NOT NULL,
    product_name      TEXT NOT NULL,
    unit_price_cents  INTEGER NOT NULL,
    quantity          INTEGER NOT NULL,
    status            TEXT NOT NULL
);

INSERT INTO orders_flat VALUES
    (1001, '2025-01-05 10:00:00', 'ada@example.com', 'Ada Lovelace', 'London',
     'KB-01', 'Mechanical keyboard', 12900, 1, 'shipped'),
    (1001, '2025-01-05 10:00:00', 'ada@example.com', 'Ada Lovelace', 'London',
     'CB-02', 'USB-C cable', 900, 3, 'shipped'),
    (1002, '2025-01-09 14:30:00', 'grace@example.com', 'Grace Hopper', 'New York',
     'DS-03', 'Standing desk', 45000, 1, 'shipped'),
    (1003, '2025-02-01 09:15:00', 'linus@example.com', 'Linus Torvalds', 'Portland',
     'KB-01', 'Mechanical keyboard', 12900, 2, 'paid'),
    (1003, '2025-02-01 09:15:00', 'linus@example.com', 'Linus Torvalds', 'Portland',
     'MA-04', 'Monitor arm', 7900, 1, 'paid'),
    (1004, '2025-03-12 18:45:00', 'ada@example.com', 'Ada King', 'Ockham',
     'CB-02', 'USB-C cable', 900, 2, 'paid'),
    (1005, '2025-03-20 11:00:00', 'grace@example.com', 'Grace Hopper', 'New York',
     'KB-01', 'Mechanical keyboard', 11900, 1, 'pending'),
    (1005, '2025-03-20 11:00:00', 'grace@example.com', 'Grace Hopper', 'New York',
     'MA-04', 'Monitor arm', 7900, 2, 'pending'),
    (1005, '2025-03-20 11:00:00', 'grace@example.com', 'Grace Hopper', 'New York',
     'CB-02', 'USB-C cable', 900, 1, 'pending'),
    (1006, '2025-03-21 08:05:00', 'linus@example.com', 'Linus Torvalds', 'Portland',
     'DS-03', 'Standing desk', 44000, 1, 'cancelled');
