"""Day 26: make the shop's hot queries fast, prove it with query plans, and keep their answers."""
