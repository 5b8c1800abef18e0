"""Fixtures: the day folder itself, and throw-away copies of it to break on purpose."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

DAY = Path(__file__).resolve().parent.parent
DESIGN = ["architecture.yaml", "openapi", "ddl", "docs", "examples", "contracts"]


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real PostgreSQL; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class Copy:
    """A copy of the day's design files, with helpers to break them one way at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def arch(self) -> dict:
        return yaml.safe_load((self.root / "architecture.yaml").read_text(encoding="utf-8"))

    def save_arch(self, data: dict) -> None:
        text = yaml.safe_dump(data, sort_keys=False)
        (self.root / "architecture.yaml").write_text(text, encoding="utf-8")

    def service(self, data: dict, name: str) -> dict:
        """A service's mapping in `data`; lists the starter leaves empty are created on demand."""
        svc = data["services"].setdefault(name, {"description": name})
        for key in ("owns", "produces", "consumes", "depends_on"):
            if svc.get(key) is None:
                svc[key] = []
        return svc

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel} does not contain {old!r}: the fixture needs the reference"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def copy(tmp_path) -> Copy:
    for name in DESIGN:
        src = DAY / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        elif src.exists():
            shutil.copy2(src, tmp_path / name)
    return Copy(tmp_path)


def rules(problems) -> list[str]:
    return [p.rule for p in problems]


def with_rule(problems, rule: str) -> list[str]:
    return [p.message for p in problems if p.rule == rule]
