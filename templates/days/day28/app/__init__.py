"""Day 28: hybrid search over the shop's catalogue: BM25 + vectors + reciprocal rank fusion."""
