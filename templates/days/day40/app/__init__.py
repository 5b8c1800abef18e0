"""Day 40: the Orders service survives a flaky Payments service."""
