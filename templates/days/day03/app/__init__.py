"""Day 3 lab: a small REST service for notes."""
