"""The indexing service: turns uploaded documents into searchable, citable chunks."""
