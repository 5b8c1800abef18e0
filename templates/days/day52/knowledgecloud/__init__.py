"""KnowledgeCloud: the capstone's multi-tenant document Q&A platform, one subpackage per service."""
