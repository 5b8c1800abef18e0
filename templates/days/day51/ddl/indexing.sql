-- The indexing service's tables. Only indexing reads or writes them.
-- Portable SQL: the tests run it on SQLite, the live test on PostgreSQL.
-- BEGIN SOLUTION
CREATE TABLE IF NOT EXISTS chunks (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    page INTEGER,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, document_id, position)
);

-- Redelivered events are skipped: an event id is processed once.
CREATE TABLE IF NOT EXISTS processed_events (
    tenant_id TEXT NOT NULL,
    event_id TEXT NOT NULL PRIMARY KEY,
    processed_at TIMESTAMP NOT NULL
);
-- STARTER: -- TODO(day51): the tables indexing owns
-- END SOLUTION
