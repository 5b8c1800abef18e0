-- The agent service's tables. Only agent reads or writes them.
-- Portable SQL: the tests run it on SQLite, the live test on PostgreSQL.
-- BEGIN SOLUTION
CREATE TABLE IF NOT EXISTS jobs (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    goal TEXT NOT NULL,
    status TEXT NOT NULL,
    report_id TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS approvals (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    approver_id TEXT NOT NULL,
    action TEXT NOT NULL,
    decision TEXT,
    decided_at TIMESTAMP,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, id)
);
-- STARTER: -- TODO(day51): the tables agent owns
-- END SOLUTION
