"""Checks the real cluster. Needs kubectl pointing at your kind cluster and `kubectl apply -k k8s/`
done; run with BEC_LIVE=1 python -m pytest tests/test_live_cluster.py"""

import subprocess

import pytest

ACCOUNT = "system:serviceaccount:shop:users"


def can_i(*args: str) -> str:
    result = subprocess.run(
        ["kubectl", "auth", "can-i", *args, "--namespace", "shop", "--as", ACCOUNT],
        capture_output=True,
        text=True,
        timeout=30,
    )
    return result.stdout.strip()


@pytest.mark.live
def test_users_account_can_read_its_config_and_nothing_else():
    assert can_i("get", "configmap/shop-config") == "yes"
    assert can_i("list", "configmaps") == "no"
    assert can_i("get", "secrets") == "no"
    assert can_i("delete", "pods") == "no"
