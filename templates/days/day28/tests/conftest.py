import json
import os
from pathlib import Path

import pytest

from app.catalogue import load_catalogue
from app.search import HybridSearch

DATA = Path(__file__).resolve().parent.parent / "data"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the compose.yaml Qdrant; set BEC_LIVE=1 to run")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture(scope="session")
def products():
    return load_catalogue()


@pytest.fixture(scope="session")
def by_sku(products):
    return {p.sku: p for p in products}


@pytest.fixture(scope="session")
def hybrid(products):
    """Both indexes over the catalogue (built once: embedding is the slow part)."""
    return HybridSearch(products)


@pytest.fixture(scope="session")
def labelled_queries():
    """Queries with the SKUs a good search must return, by kind: code, paraphrase, mixed."""
    return json.loads((DATA / "queries.json").read_text(encoding="utf-8"))
