"""Day 30: the shop's schema under Alembic, changed without downtime, backed up and restored."""
