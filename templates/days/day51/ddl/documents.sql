-- The documents service's tables. Only documents reads or writes them.
-- Portable SQL: the tests run it on SQLite, the live test on PostgreSQL.
CREATE TABLE IF NOT EXISTS documents (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'uploaded',
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- Transactional outbox: written in the same transaction as the document row,
-- published to the bus by a relay afterwards.
CREATE TABLE IF NOT EXISTS outbox (
    tenant_id TEXT NOT NULL,
    event_id TEXT NOT NULL PRIMARY KEY,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    published_at TIMESTAMP
);
