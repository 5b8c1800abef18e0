"""Day 39: the shop's product API, made cheap to serve again and again."""
