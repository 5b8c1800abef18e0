"""The search service's ranking, behind a feature flag (day 53 builds the service itself)."""
