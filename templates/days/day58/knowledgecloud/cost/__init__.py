"""Day 58: what KnowledgeCloud's answers cost, and the levers that make them cheaper."""
