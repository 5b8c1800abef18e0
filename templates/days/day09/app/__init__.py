"""Day 9: embeddings, similarity search and vector databases."""
