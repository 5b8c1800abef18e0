import json

import hvac.exceptions
import pytest

from app.audit import AuditedProvider, AuditLog
from app.config import ConfigError, load_settings, provider_from_env
from app.providers import SecretNotFound, VaultProvider

DATABASE_URL = "postgresql://orders:correct-horse-battery@db:5432/orders"
PAYMENTS_KEY = "sk_live_0123456789abcdefghijklmn"


def records(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.fixture
def audited(vault, clock, audit_stream):
    vault.write("shop/orders", {"database_url": DATABASE_URL, "payments_api_key": PAYMENTS_KEY})
    provider = VaultProvider(vault.url, vault.token, session=vault.session)
    return AuditedProvider(provider, AuditLog(audit_stream, clock), actor="orders-service")


def test_every_read_is_recorded_with_who_what_and_when(audited, audit_stream, clock):
    audited.read("shop/orders")
    clock.advance(90)
    audited.read("shop/orders")

    assert records(audit_stream) == [
        {
            "at": "2026-01-01T00:00:00+00:00",
            "event": "secret.read",
            "actor": "orders-service",
            "path": "shop/orders",
            "outcome": "ok",
            "keys": ["database_url", "payments_api_key"],
        },
        {
            "at": "2026-01-01T00:01:30+00:00",
            "event": "secret.read",
            "actor": "orders-service",
            "path": "shop/orders",
            "outcome": "ok",
            "keys": ["database_url", "payments_api_key"],
        },
    ]


def test_a_missing_secret_is_recorded_and_raised(audited, audit_stream):
    with pytest.raises(SecretNotFound):
        audited.read("shop/absent")

    assert [(r["path"], r["outcome"]) for r in records(audit_stream)] == [
        ("shop/absent", "missing")
    ]


def test_a_refused_read_is_recorded_as_an_error(vault, clock, audit_stream):
    provider = VaultProvider(vault.url, "s.stolen-or-expired", session=vault.session)
    audited = AuditedProvider(provider, AuditLog(audit_stream, clock), actor="orders-service")

    with pytest.raises(hvac.exceptions.Forbidden):
        audited.read("shop/orders")

    [record] = records(audit_stream)
    assert (record["path"], record["outcome"], record["error"]) == (
        "shop/orders",
        "error",
        "Forbidden",
    )


def test_the_audit_log_never_contains_a_secret_value(vault, clock, audit_stream):
    env = {"SECRETS_BACKEND": "vault", "VAULT_ADDR": vault.url, "VAULT_TOKEN": vault.token}
    secrets = provider_from_env(env, clock=clock, audit_stream=audit_stream, session=vault.session)
    vault.write("shop/orders", {"database_url": DATABASE_URL, "payments_api_key": PAYMENTS_KEY})
    load_settings(secrets)
    bad_key = "pk_wrong_prefix_ffffffffffffffff"
    vault.write("shop/orders", {"database_url": DATABASE_URL, "payments_api_key": bad_key})
    clock.advance(3600)
    with pytest.raises(ConfigError):
        load_settings(secrets)

    log = audit_stream.getvalue()
    assert log.count('"secret.read"') == 2
    for value in (DATABASE_URL, "correct-horse-battery", PAYMENTS_KEY, bad_key, vault.token):
        assert value not in log, "a secret's value (or the Vault token) is in the audit log"
