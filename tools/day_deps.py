"""A day's Python dependencies: pinned to what the harness proved, and locked by ``uv.lock``.

The learner installs a day with ``uv sync``; the harness proves the day in its own virtualenv,
installed from ``tools/requirements-lab.txt``. So that the learner runs what was proven, every
dependency a day declares is pinned with ``==`` to the harness's version (``pin_problems``), and
the day ships a ``uv.lock`` that matches its ``pyproject.toml`` (``check``).

``uv lock --check`` needs the package index; the harness must run offline, so ``check`` compares what
uv recorded about the project itself (``[package.metadata] requires-dist`` and ``requires-dev``,
and the lock's ``requires-python``) with the project's declared dependencies. A lock made before
the last edit of pyproject.toml differs, and the learner's ``uv sync`` would then rewrite it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def load_pins(requirements: Path) -> dict[str, str]:
    """``name==version`` lines of a requirements file, by canonical name."""
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        versions = [s.version for s in req.specifier if s.operator == "=="]
        if versions:
            pins[canonicalize_name(req.name)] = versions[0]
    return pins


def declared(project: dict) -> list[str]:
    """Every requirement string a pyproject declares: runtime, optional and dependency groups."""
    specs = list(project.get("project", {}).get("dependencies", []))
    for group in project.get("project", {}).get("optional-dependencies", {}).values():
        specs += group
    for group in project.get("dependency-groups", {}).values():
        specs += [s for s in group if isinstance(s, str)]
    return specs


def pin_problems(day_dir: Path, pins: dict[str, str]) -> list[str]:
    """Dependencies of the day not pinned to the version the harness installs."""
    pyproject = day_dir / "pyproject.toml"
    if not pyproject.is_file():
        return []
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    problems = []
    for spec in declared(project):
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        want = pins.get(name)
        if want is None:
            problems.append(
                f"`{spec}` is not in tools/requirements-lab.txt, so the harness never ran it: "
                "pin it there too"
            )
        elif str(req.specifier) != f"=={want}":
            problems.append(f"`{spec}` must be pinned as `{req.name}=={want}`, the version proven")
    return problems


TESTCLIENT_IMPORT = re.compile(r"^\s*from (fastapi|starlette)\.testclient import", re.M)


def testclient_problems(day_dir: Path) -> list[str]:
    """Starlette's TestClient warns on every run unless httpx2 is installed: a day whose tests
    use it must declare httpx2, or the learner's `uv sync` gives a venv that warns."""
    pyproject = day_dir / "pyproject.toml"
    tests = day_dir / "tests"
    if not pyproject.is_file() or not tests.is_dir():
        return []
    uses = sorted(
        str(f.relative_to(day_dir))
        for f in tests.rglob("*.py")
        if TESTCLIENT_IMPORT.search(f.read_text(encoding="utf-8"))
    )
    if not uses:
        return []
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    names = {canonicalize_name(Requirement(spec).name) for spec in declared(project)}
    if "httpx2" in names:
        return []
    return [
        f"{uses[0]} uses TestClient, which warns on every run without httpx2: add "
        "`httpx2` to the dev dependency group"
    ]


def _from_pyproject(spec: str) -> tuple:
    req = Requirement(spec)
    return (
        canonicalize_name(req.name),
        tuple(sorted(req.extras)),
        str(req.specifier),
        str(req.marker) if req.marker else "",
    )


def _from_lock(entry: dict) -> tuple:
    spec = entry.get("specifier", "")
    return (
        canonicalize_name(entry["name"]),
        tuple(sorted(entry.get("extras", []))),
        str(Requirement("x" + spec).specifier) if spec else "",
        entry.get("marker", ""),
    )


def _norm_marker(entries: set[tuple]) -> set[tuple]:
    # uv writes markers with single quotes, packaging with double quotes.
    return {(n, e, s, re.sub(r"[\"']", "'", m)) for n, e, s, m in entries}


def check(day_dir: Path) -> list[str]:
    """Problems with ``day_dir/uv.lock`` (an empty list when it is in step)."""
    pyproject = day_dir / "pyproject.toml"
    if not pyproject.is_file():
        return []
    lock_path = day_dir / "uv.lock"
    if not lock_path.is_file():
        return ["uv.lock is missing: run `uv lock` in the day folder and commit it"]
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    try:
        lock = tomllib.loads(lock_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [f"uv.lock does not parse: {exc}"]
    name = canonicalize_name(project.get("project", {}).get("name", ""))
    own = [
        p
        for p in lock.get("package", [])
        if canonicalize_name(p.get("name", "")) == name
        and ({"editable", "virtual"} & set(p.get("source", {})))
    ]
    if not own:
        return [f"uv.lock has no entry for the project `{name}`: run `uv lock` again"]
    meta = own[0].get("metadata", {})
    problems = []
    want = {_from_pyproject(s) for s in project["project"].get("dependencies", [])}
    for extra, specs in project["project"].get("optional-dependencies", {}).items():
        for spec in specs:
            name, extras, specifier, marker = _from_pyproject(spec)
            only_for = f"extra == '{extra}'"
            want.add(
                (name, extras, specifier, f"({marker}) and {only_for}" if marker else only_for)
            )
    want = _norm_marker(want)
    have = _norm_marker({_from_lock(e) for e in meta.get("requires-dist", [])})
    if want != have:
        problems.append(_difference("dependencies", want, have))
    groups = project.get("dependency-groups", {})
    locked_groups = meta.get("requires-dev", {})
    for group in sorted(set(groups) | set(locked_groups)):
        want = _norm_marker(
            {_from_pyproject(s) for s in groups.get(group, []) if isinstance(s, str)}
        )
        have = _norm_marker({_from_lock(e) for e in locked_groups.get(group, [])})
        if want != have:
            problems.append(_difference(f"dependency group `{group}`", want, have))
    wanted_python = project["project"].get("requires-python", "")
    if wanted_python and lock.get("requires-python", "").replace(" ", "") != wanted_python.replace(
        " ", ""
    ):
        problems.append(
            f"requires-python is {wanted_python!r} in pyproject.toml but "
            f"{lock.get('requires-python')!r} in uv.lock"
        )
    return [p + ": run `uv lock` in the day folder" for p in problems]


def _difference(what: str, want: set[tuple], have: set[tuple]) -> str:
    def show(entries: set[tuple]) -> str:
        return ", ".join(
            sorted(f"{n}{'[' + ','.join(e) + ']' if e else ''}{s}" for n, e, s, _ in entries)
        )

    parts = []
    if want - have:
        parts.append(f"not locked: {show(want - have)}")
    if have - want:
        parts.append(f"locked but not declared: {show(have - want)}")
    return f"uv.lock is out of date with pyproject.toml {what} ({'; '.join(parts)})"
