-- Postgres only: add enough rows that the planner has a real choice to make.
-- Run it after `uv run --env-file .env python -m app.explain` has built and migrated the tables:
--   docker compose exec -T postgres psql -U course day07 < sql/bulk_postgres.sql
-- then run app.explain again (it does not rebuild when you pass --keep).

INSERT INTO users (email, name, city)
SELECT 'user' || g || '@example.com', 'User ' || g, 'Town ' || (g % 50)
FROM generate_series(1, 20000) AS g;

INSERT INTO orders (user_id, created_at, status)
SELECT u.id, TIMESTAMP '2025-01-01' + (g * INTERVAL '7 minutes') + (u.id * INTERVAL '1 second'),
       (ARRAY['pending', 'paid', 'shipped', 'cancelled'])[1 + (g % 4)]
FROM users AS u
CROSS JOIN generate_series(1, 10) AS g;

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
SELECT o.id, p.id, 1 + (o.id % 3), p.price_cents
FROM orders AS o
JOIN products AS p ON p.id = 1 + (o.id % 4)
WHERE NOT EXISTS (SELECT 1 FROM order_items AS i WHERE i.order_id = o.id);

ANALYZE;
