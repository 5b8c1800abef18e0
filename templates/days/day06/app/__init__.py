"""Day 6: a relational schema for users and orders, queried with plain SQL."""
