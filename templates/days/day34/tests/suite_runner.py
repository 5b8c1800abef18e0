"""Runs the learner's suite (suite/) in a subprocess against shop/, a mutant of it, or a gutted
copy, in a scratch folder, and reports which tests passed and failed.

Each run gets its own folder with copies of shop/ and suite/ and a pytest.ini of its own, so the
day's pyproject (and its coverage settings) does not change what is measured, and nothing is
written into the learner's tree. Plugins are not auto-loaded (fast and predictable); the
coverage run loads pytest-cov explicitly.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tests.mutants import MUTANTS, Mutant

DAY = Path(__file__).resolve().parent.parent
PYTEST_INI = "[pytest]\npythonpath = .\ntestpaths = suite\naddopts = -p no:cacheprovider\n"
GUTTED = 'raise NotImplementedError("gutted by the meta-tests")'


@dataclass
class Run:
    returncode: int
    output: str = field(repr=False)
    passed: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)
    coverage: dict | None = field(default=None, repr=False)

    @property
    def collected(self) -> int:
        return len(self.passed | self.failed | self.skipped)

    def tail(self, lines: int = 25) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


class MutationNotApplicable(AssertionError):
    """The mutant's original text is not in the module (exactly once)."""


def _gut(source: str) -> str:
    """Every function body replaced by `raise NotImplementedError` (docstrings kept)."""

    class Gut(ast.NodeTransformer):
        def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
            keep = node.body[:1] if ast.get_docstring(node) is not None else []
            node.body = keep + ast.parse(GUTTED).body
            return node

        visit_AsyncFunctionDef = visit_FunctionDef

    return ast.unparse(Gut().visit(ast.parse(source)))


class SuiteRunner:
    """Prepares one folder per run; the runs without coverage go through one batch process."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self._runs: dict[str, Run] = {}

    def baseline(self) -> Run:
        return self._batch()["baseline"]

    def gutted(self) -> Run:
        return self._batch()["gutted"]

    def mutant(self, mutant: Mutant) -> Run:
        run = self._batch()[f"mutant-{mutant.name}"]
        if isinstance(run, MutationNotApplicable):
            raise run
        return run

    def coverage(self) -> Run:
        if "coverage" not in self._runs:
            folder = self._prepare("coverage", lambda shop: None)
            (folder / ".coveragerc").write_text("[run]\nbranch = True\n")
            report = folder / "coverage.json"
            extra = ["-p", "pytest_cov.plugin", "--cov=shop", "--cov-branch"]
            extra += ["--cov-config=.coveragerc", f"--cov-report=json:{report}"]
            done = self._python(
                folder, ["-m", "pytest", "-q", f"--junitxml={folder / 'report.xml'}", *extra]
            )
            run = _collect(folder, done.returncode, done.stdout + done.stderr)
            if report.exists():
                run.coverage = json.loads(report.read_text())
            self._runs["coverage"] = run
        return self._runs["coverage"]

    def _batch(self) -> dict:
        if not self._runs.get("baseline"):
            folders: dict[str, Path] = {
                "baseline": self._prepare("baseline", lambda shop: None),
                "gutted": self._prepare("gutted", _gut_all),
            }
            failures: dict[str, MutationNotApplicable] = {}
            for mutant in MUTANTS:
                name = f"mutant-{mutant.name}"
                try:
                    folders[name] = self._prepare(name, _mutator(mutant))
                except MutationNotApplicable as exc:
                    failures[name] = exc
            shutil.copy(Path(__file__).with_name("batch.py"), self.scratch / "batch.py")
            done = self._python(
                self.scratch, [str(self.scratch / "batch.py"), *map(str, folders.values())]
            )
            output = done.stdout + done.stderr
            for name, folder in folders.items():
                code = folder / "returncode"
                returncode = int(code.read_text()) if code.exists() else done.returncode or 3
                log = folder / "output.txt"
                self._runs[name] = _collect(
                    folder, returncode, log.read_text() if log.exists() else output
                )
            self._runs.update(failures)
        return self._runs

    def _prepare(self, name: str, prepare) -> Path:
        folder = self.scratch / name
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(DAY / "shop", folder / "shop", ignore=ignore)
        shutil.copytree(DAY / "suite", folder / "suite", ignore=ignore)
        (folder / "pytest.ini").write_text(PYTEST_INI)
        prepare(folder / "shop")
        return folder

    def _python(self, cwd: Path, args: list[str]) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "COV_"))}
        env.update(
            PYTEST_DISABLE_PLUGIN_AUTOLOAD="1",
            PYTHONDONTWRITEBYTECODE="1",
            COVERAGE_FILE=str(cwd / ".coverage"),
        )
        return subprocess.run(
            [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )


def _gut_all(shop: Path) -> None:
    for module in shop.glob("*.py"):
        module.write_text(_gut(module.read_text()))


def _mutator(mutant: Mutant):
    def mutate(shop: Path) -> None:
        module = shop / mutant.module
        text = module.read_text()
        if text.count(mutant.original) != 1:
            raise MutationNotApplicable(
                f"mutant {mutant.name}: {mutant.original!r} is not in shop/{mutant.module} "
                "exactly once; shop/ must stay as shipped"
            )
        module.write_text(text.replace(mutant.original, mutant.mutated))

    return mutate


def _collect(folder: Path, returncode: int, output: str) -> Run:
    run = Run(returncode, output)
    report = folder / "report.xml"
    if report.exists():
        for case in ET.parse(report).getroot().iter("testcase"):
            test = f"{case.get('classname')}::{case.get('name')}"
            if case.find("skipped") is not None:
                run.skipped.add(test)
            elif case.find("failure") is not None or case.find("error") is not None:
                run.failed.add(test)
            else:
                run.passed.add(test)
    return run
