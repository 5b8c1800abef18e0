"""The shop's customers, with salted password hashes (the users service of days 12-20 would own
these; here a small in-process table is enough, the day is about Redis)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

ITERATIONS = 20_000


def hash_password(password: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    salt = salt if salt is not None else secrets.token_bytes(16)
    return salt, hashlib.pbkdf2_hmac("sha256", password.encode(), salt, ITERATIONS)


@dataclass(frozen=True)
class Customer:
    email: str
    name: str
    salt: bytes
    password_hash: bytes


class Customers:
    def __init__(self) -> None:
        self._by_email: dict[str, Customer] = {}

    def add(self, email: str, name: str, password: str) -> Customer:
        salt, digest = hash_password(password)
        customer = Customer(email.lower(), name, salt, digest)
        self._by_email[customer.email] = customer
        return customer

    def authenticate(self, email: str, password: str) -> Customer | None:
        customer = self._by_email.get(email.lower())
        if customer is None:
            return None
        _, digest = hash_password(password, customer.salt)
        return customer if hmac.compare_digest(digest, customer.password_hash) else None


def demo_customers() -> Customers:
    customers = Customers()
    customers.add("ada@example.com", "Ada", "analytical-engine")
    customers.add("alan@example.com", "Alan", "enigma-machine")
    return customers
