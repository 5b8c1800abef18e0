"""Against the real Vault of compose.yaml: BEC_LIVE=1 uv run --env-file .env pytest -m live"""

import os
from pathlib import Path

import hvac
import hvac.exceptions
import pytest

from app.providers import VaultProvider

pytestmark = pytest.mark.live

POLICY = Path(__file__).resolve().parent.parent / "policy.hcl"


@pytest.fixture
def admin():
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ["VAULT_DEV_ROOT_TOKEN"])
    client.sys.create_or_update_acl_policy(name="orders-service", policy=POLICY.read_text())
    client.secrets.kv.v2.create_or_update_secret(
        path="shop/orders",
        secret={
            "database_url": "postgresql://orders@db/orders",
            "payments_api_key": "sk_" + "0" * 24,
        },
    )
    client.secrets.kv.v2.create_or_update_secret(path="shop/users", secret={"pepper": "p" * 32})
    return client


@pytest.fixture
def service_token(admin):
    created = admin.auth.token.create(policies=["orders-service"], ttl="5m", no_default_policy=True)
    return created["auth"]["client_token"]


def test_the_service_token_reads_its_secret_from_real_vault(service_token):
    provider = VaultProvider(os.environ["VAULT_ADDR"], service_token)

    assert provider.read("shop/orders")["database_url"] == "postgresql://orders@db/orders"


def test_the_service_token_cannot_read_or_write_anything_else(service_token):
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=service_token)

    with pytest.raises(hvac.exceptions.Forbidden):
        VaultProvider(os.environ["VAULT_ADDR"], service_token).read("shop/users")
    with pytest.raises(hvac.exceptions.Forbidden):
        client.secrets.kv.v2.create_or_update_secret(path="shop/orders", secret={"x": "y"})
