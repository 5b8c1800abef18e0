"""A small OpenID Connect provider for the lab: enough of the protocol to log in against."""
