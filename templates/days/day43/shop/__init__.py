"""Day 43: the shop's support assistant answers from the help centre, with citations."""
