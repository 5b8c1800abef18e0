import pytest

from app.providers import SecretNotFound, VaultProvider
from tests.fake_vault import Seen


def provider_for(vault, token=None):
    return VaultProvider(vault.url, token or vault.token, session=vault.session)


def test_vault_provider_reads_the_kv_v2_data_path_with_the_token(vault):
    vault.write("shop/orders", {"database_url": "postgresql://orders:pw@db/orders"})

    data = provider_for(vault).read("shop/orders")

    assert data == {"database_url": "postgresql://orders:pw@db/orders"}
    assert vault.requests == [Seen("GET", "/v1/secret/data/shop/orders", vault.token)], (
        "KV v2 is read with GET /v1/secret/data/<path> and the X-Vault-Token header"
    )


def test_vault_provider_returns_the_latest_version(vault):
    vault.write("shop/orders", {"payments_api_key": "sk_test_version_one_000000"})
    vault.write("shop/orders", {"payments_api_key": "sk_test_version_two_000000"})

    assert provider_for(vault).read("shop/orders") == {
        "payments_api_key": "sk_test_version_two_000000"
    }


def test_a_missing_path_raises_secret_not_found_naming_the_path(vault):
    with pytest.raises(SecretNotFound, match="shop/nothing"):
        provider_for(vault).read("shop/nothing")
