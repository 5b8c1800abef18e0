"""Day 10: authentication and authorisation basics."""
