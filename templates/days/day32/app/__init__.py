"""Day 32: the shop, attacked with the OWASP API Top 10 and defended."""
