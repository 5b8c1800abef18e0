"""Day 5: one script that checks a relational database, a cache and a vector database."""
