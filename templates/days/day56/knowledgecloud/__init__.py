"""KnowledgeCloud: the capstone's services (day 56: delivery and release safety)."""
