import os

import pytest

from app.design import DEFAULT_PATH, Design, load_design


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the services from compose.yaml; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def design() -> Design:
    """The learner's service map, freshly loaded for each test."""
    return load_design(DEFAULT_PATH)
