"""Day 27: Redis patterns for the shop: a rate limiter, sessions and a leaderboard."""
