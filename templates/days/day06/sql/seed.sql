-- Sample data to explore by hand (uv run python -m app.db loads it).
-- Orders look their user up by email instead of assuming which id the database assigned.

INSERT INTO users (name, email) VALUES
    ('Ada Lovelace', 'ada@example.com'),
    ('Grace Hopper', 'grace@example.com'),
    ('Linus Torvalds', 'linus@example.com'),
    ('Margaret Hamilton', 'margaret@example.com');

INSERT INTO orders (user_id, item, quantity, amount_cents, status)
SELECT id, 'mechanical keyboard', 1, 12900, 'paid' FROM users WHERE email = 'ada@example.com';

INSERT INTO orders (user_id, item, quantity, amount_cents, status)
SELECT id, 'usb-c cable', 3, 2700, 'shipped' FROM users WHERE email = 'ada@example.com';

INSERT INTO orders (user_id, item, quantity, amount_cents)
SELECT id, 'standing desk', 1, 45000 FROM users WHERE email = 'grace@example.com';

INSERT INTO orders (user_id, item, quantity, amount_cents, status)
SELECT id, 'monitor arm', 2, 15800, 'cancelled' FROM users WHERE email = 'grace@example.com';

INSERT INTO orders (user_id, item, quantity, amount_cents, status)
SELECT id, 'laptop stand', 1, 3900, 'paid' FROM users WHERE email = 'linus@example.com';
