"""KnowledgeCloud, the capstone: a multi-tenant document Q&A platform (see the lab sheet)."""
