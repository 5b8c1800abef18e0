"""The orders service of the shop, with a list endpoint that pages, filters and fails politely."""
