# Vault policy for the orders service: what its token may do, and nothing more.
#
# Load it with:  vault policy write orders-service policy.hcl
# Its secrets live in the KV version 2 engine mounted at secret/, under shop/orders (database
# and payments settings) and shop/jwt (the current JWT signing key). The service only reads.
#
# BEGIN SOLUTION
# KV v2 serves the current value under <mount>/data/<path>: a policy on secret/shop/orders
# would match nothing the service ever requests.
path "secret/data/shop/orders" {
  capabilities = ["read"]
}

path "secret/data/shop/jwt" {
  capabilities = ["read"]
}
# STARTER: # TODO(day33): one path block per secret the service reads, with the least capability
# END SOLUTION
