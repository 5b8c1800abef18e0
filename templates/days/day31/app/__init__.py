"""Day 31: the shop as an OAuth2 client and OpenID Connect relying party, with TOTP."""
