"""Checks what `terraform apply` created in LocalStack.

Start LocalStack (docker compose up -d), run `terraform -chdir=infra/terraform apply`, then
BEC_LIVE=1 python -m pytest tests/test_live_localstack.py
"""

import json
import os
import subprocess
from pathlib import Path

import httpx
import pytest

TF_DIR = Path(__file__).resolve().parent.parent / "infra" / "terraform"
ENDPOINT = os.environ.get("LOCALSTACK_ENDPOINT", "http://localhost:4566")


@pytest.mark.live
def test_applied_resources_exist_in_localstack():
    health = httpx.get(f"{ENDPOINT}/_localstack/health", timeout=5).json()
    for service in ("s3", "sqs", "dynamodb"):
        assert health["services"].get(service) in ("available", "running"), health
    result = subprocess.run(
        ["terraform", f"-chdir={TF_DIR}", "output", "-json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    outputs = {name: item["value"] for name, item in json.loads(result.stdout).items()}
    assert outputs, "no outputs: run terraform apply first"
    bucket = next(v for k, v in outputs.items() if "bucket" in k)
    assert httpx.head(f"{ENDPOINT}/{bucket}", timeout=5).status_code == 200
    queue_urls = [v for k, v in outputs.items() if k.endswith("url")]
    assert queue_urls, "output the queue URLs"
    # LocalStack's default account id shows up in every queue URL it hands out.
    assert all("/000000000000/" in url for url in queue_urls), queue_urls
    # The state is in the backend's bucket, not in a local file.
    state = httpx.get(f"{ENDPOINT}/shop-terraform-state/shop/dev/terraform.tfstate", timeout=5)
    assert state.status_code == 200, "the state should be in the shop-terraform-state bucket"
    assert not (TF_DIR / "terraform.tfstate").exists(), "a local state file means no backend"
