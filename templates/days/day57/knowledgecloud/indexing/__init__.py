"""The indexing service's side of day 57: the queue of documents waiting to be indexed."""
