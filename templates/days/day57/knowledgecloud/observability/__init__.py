"""Metrics, the Grafana dashboard and the demo exporter of KnowledgeCloud."""
