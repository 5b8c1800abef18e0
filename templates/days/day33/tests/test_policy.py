from pathlib import Path

import pytest

from tests.vault_policy import allows, parse

POLICY = Path(__file__).resolve().parent.parent / "policy.hcl"
OWN = ["secret/data/shop/orders", "secret/data/shop/jwt"]


def policy_rules():
    rules = parse(POLICY)
    assert rules, "policy.hcl has no path block yet"
    return rules


@pytest.mark.parametrize("path", OWN)
def test_the_service_may_read_its_own_secrets(path):
    rules = policy_rules()
    assert allows(rules, path, "read"), f"the orders service cannot read {path}"


@pytest.mark.parametrize(
    "path",
    [
        "secret/data/shop/users",
        "secret/data/shop/payments",
        "secret/data/shop/orders-archive",
        "secret/data/shop/orders/admin",
        "secret/data/shop",
        "secret/metadata/shop/orders",
        "secret/shop/orders",
        "sys/policies/acl/orders-service",
        "auth/token/create",
    ],
)
def test_the_service_reads_nothing_else(path):
    rules = policy_rules()
    for capability in ("read", "list", "create", "update", "delete", "sudo"):
        assert not allows(rules, path, capability), f"policy.hcl grants {capability} on {path}"


@pytest.mark.parametrize("path", OWN)
def test_the_service_only_reads_its_secrets(path):
    rules = policy_rules()
    for capability in ("create", "update", "patch", "delete", "list", "sudo"):
        assert not allows(rules, path, capability), f"policy.hcl grants {capability} on {path}"


def test_every_rule_is_an_exact_path_with_read_only():
    rules = policy_rules()
    for rule in rules:
        assert "*" not in rule.pattern and "+" not in rule.pattern, (
            f"{rule.pattern!r}: a wildcard grants paths that do not exist yet"
        )
        assert rule.capabilities <= {"read"}, f"{rule.pattern!r}: {sorted(rule.capabilities)}"
