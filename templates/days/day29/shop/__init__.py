"""Day 29: the shop behind a read/write router, a bounded pool and a database circuit breaker."""
