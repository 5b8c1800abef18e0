"""Day 1 lab: toolchain and database connectivity checks."""
