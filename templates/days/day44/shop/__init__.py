"""Day 44: the help-centre assistant with query rewriting, HyDE, hybrid search, reranking and
context compression."""
