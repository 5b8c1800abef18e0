"""Day 8: document and key-value stores."""
