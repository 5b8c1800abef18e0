"""Runs every rule on a day folder (or a copy of it)."""

from __future__ import annotations

from pathlib import Path

from archcheck.adrs import check_adrs
from archcheck.diagrams import check_diagrams
from archcheck.events import check_events
from archcheck.model import load
from archcheck.problems import Problem
from archcheck.routes import check_routes
from archcheck.tables import check_tables


def check(root: Path) -> list[Problem]:
    """Every problem found in the design files under `root`; an empty list means consistent."""
    arch = load(root)
    return [
        *check_events(arch, root),
        *check_tables(arch, root),
        *check_routes(arch, root),
        *check_diagrams(arch, root),
        *check_adrs(root),
    ]
