"""The shop's versioned HTTP API: day 21's orders service as /v1, its successor as /v2."""
