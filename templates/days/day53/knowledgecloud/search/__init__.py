"""The search service: hybrid retrieval over the indexing service's chunks, with citations."""
