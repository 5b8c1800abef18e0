"""Day 4: a small REST API for users and their orders."""
