"""What every KnowledgeCloud service shares: the event envelope, the contracts, the bus."""
