"""Day 7: normalization, indexes and transactions."""
