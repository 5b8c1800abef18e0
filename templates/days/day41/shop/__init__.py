"""Day 41: the shop's support assistant, talking to an OpenAI-compatible provider."""
