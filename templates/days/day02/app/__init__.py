"""Day 2 lab: hello-world HTTP endpoints."""
