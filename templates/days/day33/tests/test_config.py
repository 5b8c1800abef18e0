import pytest

from app.config import ConfigError, Settings, load_settings, provider_from_env
from app.providers import EnvProvider

DATABASE_URL = "postgresql://orders:correct-horse-battery@db:5432/orders"
PAYMENTS_KEY = "sk_live_0123456789abcdefghijklmn"


def test_production_settings_come_from_vault(vault, clock, audit_stream):
    vault.write("shop/orders", {"database_url": DATABASE_URL, "payments_api_key": PAYMENTS_KEY})
    env = {"SECRETS_BACKEND": "vault", "VAULT_ADDR": vault.url, "VAULT_TOKEN": vault.token}

    secrets = provider_from_env(env, clock=clock, audit_stream=audit_stream, session=vault.session)

    assert load_settings(secrets) == Settings(DATABASE_URL, PAYMENTS_KEY)
    assert [r.path for r in vault.requests] == ["/v1/secret/data/shop/orders"]


def test_development_settings_come_from_environment_variables(clock, audit_stream):
    env = {"SHOP_ORDERS_DATABASE_URL": DATABASE_URL, "SHOP_ORDERS_PAYMENTS_API_KEY": PAYMENTS_KEY}

    secrets = provider_from_env(env, clock=clock, audit_stream=audit_stream)

    assert load_settings(secrets) == Settings(DATABASE_URL, PAYMENTS_KEY)


@pytest.mark.parametrize(
    ("key", "bad_value"),
    [
        ("database_url", "mysql://orders:correct-horse-battery@db/orders"),
        ("payments_api_key", "pk_live_0123456789abcdefghijklmn"),
        ("payments_api_key", "sk_short_secret"),
    ],
)
def test_a_malformed_secret_is_named_by_key_never_by_value(key, bad_value):
    values = {"database_url": DATABASE_URL, "payments_api_key": PAYMENTS_KEY, key: bad_value}
    env = {f"SHOP_ORDERS_{name.upper()}": value for name, value in values.items()}

    with pytest.raises(ConfigError) as caught:
        load_settings(EnvProvider(env))

    message = f"{caught.value} {caught.value!r} {caught.value.args}"
    assert key in message and "shop/orders" in message
    assert bad_value not in message, "the error message carries the secret's value"
    assert "correct-horse-battery" not in message and "0123456789abcdef" not in message


def test_settings_do_not_print_their_values():
    env = {"SHOP_ORDERS_DATABASE_URL": DATABASE_URL, "SHOP_ORDERS_PAYMENTS_API_KEY": PAYMENTS_KEY}

    settings = load_settings(EnvProvider(env))

    assert DATABASE_URL not in repr(settings) and PAYMENTS_KEY not in repr(settings)
