"""KnowledgeCloud, the capstone's document Q&A platform: today, its plugin host."""
