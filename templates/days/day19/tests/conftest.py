import os
from pathlib import Path

import pytest

DAY_DIR = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `live` talk to the running stack; they only run when BEC_LIVE=1."""
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(
        reason="live test: start LocalStack and run terraform apply, then set BEC_LIVE=1"
    )
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def day_dir() -> Path:
    return DAY_DIR
