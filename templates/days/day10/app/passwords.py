"""Password hashing with Argon2id (argon2-cffi).

A password hash is one-way and deliberately slow, with a random salt per password, so a stolen
table of hashes cannot be reversed or attacked with precomputed tables. The encoded hash string
carries the algorithm, its parameters and the salt, so verifying needs nothing else.
"""

from __future__ import annotations

import argon2

# argon2-cffi's defaults follow the RFC 9106 recommendations; tune memory/time for your servers.
_hasher = argon2.PasswordHasher()


def hash_password(password: str) -> str:
    """Return an encoded Argon2id hash ("$argon2id$v=19$m=...,t=...,p=...$salt$hash")."""
    # BEGIN SOLUTION
    return _hasher.hash(password)
    # STARTER: raise NotImplementedError("TODO(day10): hash with the PasswordHasher")
    # END SOLUTION


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches the hash; False for a wrong password or a malformed hash.

    Never raises for bad input: callers only need yes or no. The errors argon2 raises live in
    argon2.exceptions.
    """
    # BEGIN SOLUTION
    try:
        return _hasher.verify(password_hash, password)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False
    # STARTER: raise NotImplementedError("TODO(day10): verify, turning argon2 errors into False")
    # END SOLUTION
