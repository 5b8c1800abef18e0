-- The notifications service's tables. Only notifications reads or writes them.
-- Portable SQL: the tests run it on SQLite, the live test on PostgreSQL.
-- BEGIN SOLUTION
CREATE TABLE IF NOT EXISTS notifications (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    event_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, event_id, user_id)
);
-- STARTER: -- TODO(day51): the table notifications owns
-- END SOLUTION
