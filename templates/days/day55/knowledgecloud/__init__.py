"""KnowledgeCloud: a multi-tenant document Q&A platform, one subpackage per service."""
