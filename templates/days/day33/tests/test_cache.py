import pytest

from app.cache import CachedProvider
from app.providers import SecretNotFound, VaultProvider

TTL = 60


@pytest.fixture
def cached(vault, clock):
    vault.write("shop/orders", {"payments_api_key": "sk_test_first_key_0000000"})
    provider = VaultProvider(vault.url, vault.token, session=vault.session)
    return CachedProvider(provider, ttl_seconds=TTL, clock=clock)


def test_reads_within_the_ttl_do_not_ask_vault_again(cached, vault, clock):
    first = cached.read("shop/orders")
    clock.advance(TTL - 1)
    second = cached.read("shop/orders")

    assert first == second == {"payments_api_key": "sk_test_first_key_0000000"}
    assert len(vault.requests) == 1


def test_a_rotated_secret_is_seen_once_the_ttl_has_passed(cached, vault, clock):
    cached.read("shop/orders")
    vault.write("shop/orders", {"payments_api_key": "sk_test_rotated_key_00000"})

    clock.advance(TTL - 1)
    assert cached.read("shop/orders")["payments_api_key"] == "sk_test_first_key_0000000"
    clock.advance(1)
    assert cached.read("shop/orders")["payments_api_key"] == "sk_test_rotated_key_00000", (
        "at fetched_at + ttl the entry is stale: the rotation must be picked up"
    )
    clock.advance(TTL - 1)
    assert cached.read("shop/orders")["payments_api_key"] == "sk_test_rotated_key_00000"
    assert len(vault.requests) == 2


def test_a_failed_read_is_not_cached(cached, vault, clock):
    with pytest.raises(SecretNotFound):
        cached.read("shop/jwt")
    vault.write("shop/jwt", {"kid": "k1", "key": "x" * 32})

    assert cached.read("shop/jwt") == {"kid": "k1", "key": "x" * 32}


def test_callers_cannot_change_what_the_cache_holds(cached):
    cached.read("shop/orders")["payments_api_key"] = "tampered"

    assert cached.read("shop/orders")["payments_api_key"] == "sk_test_first_key_0000000"
