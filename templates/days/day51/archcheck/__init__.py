"""Checks that KnowledgeCloud's design files agree with architecture.yaml."""
