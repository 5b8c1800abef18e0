"""The shop API of day 25: users, products and orders, documented for the people who call it."""
