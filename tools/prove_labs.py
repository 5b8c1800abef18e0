#!/usr/bin/env python3
"""Prove every lab of the course.

For each day with ``lab = true`` in the course manifest, in a fresh temporary folder:

1. render the learner's starter with ``bec new`` and run the day's test command: every lab test
   must fail, with an assertion, an explicit ``NotImplementedError`` or a 501 (never an import,
   collection, syntax or name error);
2. render the reference (``--solution``) and run the tests again: every test that is not skipped
   must pass;
3. lint the reference with the real tools (ruff, yamllint, hadolint, docker compose, actionlint with
   shellcheck, kubernetes-validate, kubectl kustomize, the Terraform reference checker below and
   checkov). The starter is the learner's unfinished work, so it only has to be well formed: its
   Python must parse and use no undefined name, and its files that differ from the reference go
   through yamllint, hadolint, docker compose and actionlint, and must parse as HCL.

The files at the root of the learner repo (README, CI workflow...) are checked once, as the row
``root``. Any finding is a violation; the run ends with a table, the line ``N passed, N failed``
and exit code 1 when anything failed.

Usage:
    prove_labs.py --bec PATH_TO_BEC [--course DIR] [--days 1,2,5-7] [--keep] [--jobs N]

The tools come from the virtualenvs that ``scripts/lab-env`` builds under ``.cache/``.
``prove_labs.py --tf-check DIR...`` runs only the Terraform checker (it needs python-hcl2, so the
harness runs it with the ``.cache/hcl-venv`` interpreter) and prints JSON findings per folder.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import day_deps
import wrong_variants

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE = REPO_ROOT / ".cache"
YAMLLINT_CONFIG = REPO_ROOT / "tools" / "yamllint.yaml"
LAB_REQUIREMENTS = REPO_ROOT / "tools" / "requirements-lab.txt"

RENDER_DATE = "2026-01-01"
RENDER_ANSWERS = ["author_name=Harness", "author_email=harness@example.invalid"]

# The course asks for at least this many known-wrong variants per day (wrong/dayNN/*.patch).
MIN_WRONG_VARIANTS = 3

PYTEST_TIMEOUT = 900
TOOL_TIMEOUT = 300

# Directories never walked when looking for files to lint.
SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    "node_modules",
    ".terraform",
}

# ---------------------------------------------------------------------------------------------
# Data


@dataclasses.dataclass
class Day:
    number: int
    title: str
    dir: str  # "day03"


@dataclasses.dataclass
class TestResult:
    id: str
    outcome: str  # "passed" | "failed" | "error" | "skipped"
    message: str = ""
    detail: str = ""


@dataclasses.dataclass
class Violation:
    stage: str  # e.g. "starter tests", "ruff check", "checkov"
    where: str  # file or test id ("" when it concerns the whole day)
    text: str  # the finding, with tool output

    def render(self) -> str:
        head = f"[{self.stage}]"
        if self.where:
            head += f" {self.where}"
        body = self.text.rstrip()
        if "\n" in body:
            return head + "\n" + indent(body, "      ")
        return f"{head}: {body}"


@dataclasses.dataclass
class TestProof:
    """What a test run proved about one variant (starter or reference)."""

    total: int = 0  # test cases in the JUnit report
    failing: int = 0
    passing: int = 0
    skipped: int = 0
    violations: list[Violation] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class DayReport:
    name: str  # "day03" or "root"
    title: str
    starter: TestProof | None = None
    reference: TestProof | None = None
    lint_findings: int = 0
    checkov_findings: int = 0
    wrong_total: int = 0  # known-wrong variants tried
    wrong_caught: int = 0  # ... and caught by the day's tests
    violations: list[Violation] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.violations


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


def tail(text: str, lines: int = 40) -> str:
    parts = text.rstrip().splitlines()
    if len(parts) <= lines:
        return "\n".join(parts)
    return "\n".join(["[...]"] + parts[-lines:])


# ---------------------------------------------------------------------------------------------
# Course manifest and day selection


def load_lab_days(manifest: Path) -> list[Day]:
    """The days with ``lab = true``, in order, from a course.toml."""
    with manifest.open("rb") as fh:
        data = tomllib.load(fh)
    entries: list[dict] = []
    for entry in data.get("days", []) or []:
        if isinstance(entry, dict):
            entries.append(entry)
    for week in data.get("weeks", []) or []:
        if isinstance(week, dict):
            entries.extend(e for e in week.get("days", []) or [] if isinstance(e, dict))
    days: dict[int, Day] = {}
    for entry in entries:
        number = entry.get("number", entry.get("day"))
        if not isinstance(number, int) or not entry.get("lab", False):
            continue
        dirname = entry.get("dir") or f"day{number:02d}"
        days[number] = Day(number=number, title=str(entry.get("title", "")), dir=dirname)
    return [days[n] for n in sorted(days)]


def parse_days_arg(spec: str) -> set[int]:
    """``"1,2,5-7"`` -> {1, 2, 5, 6, 7}."""
    chosen: set[int] = set()
    for part in spec.split(","):
        part = part.strip().lower().removeprefix("day")
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            a, b = (int(lo.strip().removeprefix("day")), int(hi.strip().removeprefix("day")))
            if a > b:
                raise ValueError(f"empty day range: {part}")
            chosen.update(range(a, b + 1))
        else:
            chosen.add(int(part))
    if not chosen:
        raise ValueError(f"no day in {spec!r}")
    return chosen


# ---------------------------------------------------------------------------------------------
# JUnit parsing and classification

# Failure types that mean the lab is broken rather than unfinished.
FORBIDDEN_TYPES = {
    "ImportError",
    "ModuleNotFoundError",
    "SyntaxError",
    "IndentationError",
    "TabError",
    "NameError",
    "UnboundLocalError",
}
ACCEPTED_TYPES = {"AssertionError", "NotImplementedError", "Failed"}
_TYPE_RE = re.compile(r"^([A-Za-z_][\w.]*)(?::|$)")


def parse_junit(path: Path) -> list[TestResult]:
    """Test cases of a pytest JUnit XML report."""
    root = ET.parse(path).getroot()
    results: list[TestResult] = []
    for case in root.iter("testcase"):
        classname = case.get("classname", "")
        name = case.get("name", "")
        test_id = f"{classname}::{name}" if classname else name
        outcome, message, detail = "passed", "", ""
        # An <error> (collection, setup or teardown) outranks a <failure> in the same case.
        for tag in ("skipped", "failure", "error"):
            for child in case.findall(tag):
                outcome = {"skipped": "skipped", "failure": "failed", "error": "error"}[tag]
                message = child.get("message", "") or ""
                detail = child.text or ""
        results.append(TestResult(test_id, outcome, message, detail))
    return results


def failure_type(message: str) -> str:
    """The exception type a JUnit failure message names ("assert ..." -> AssertionError)."""
    text = message.strip()
    if text.startswith(("assert ", "assert(")) or text == "assert":
        return "AssertionError"
    m = _TYPE_RE.match(text)
    if not m:
        return ""
    return m.group(1).rsplit(".", 1)[-1]


def starter_failure_verdict(message: str) -> tuple[bool, str]:
    """Is this starter failure the expected kind (unfinished work, not a broken lab)?"""
    kind = failure_type(message)
    first = message.strip().splitlines()[0] if message.strip() else "(no message)"
    said = first if first.startswith(kind) else f"{kind} ({first})"
    if kind in FORBIDDEN_TYPES:
        return False, f"fails with {said}: the starter must import and run"
    if kind in ACCEPTED_TYPES:
        return True, kind
    if "AssertionError" in message or re.search(r"\b501\b", message):
        return True, kind or "501"
    said = said if kind else f"an unrecognised error ({first})"
    return (False, f"fails with {said}; expected an assertion, NotImplementedError or a 501")


PYTEST_EXIT_MEANING = {
    2: "interrupted (often a collection error)",
    3: "internal error",
    4: "usage error",
    5: "no tests were collected",
}


def _exit_code_violation(stage: str, exit_code: int, output: str) -> Violation | None:
    if exit_code in PYTEST_EXIT_MEANING:
        return Violation(
            stage,
            "",
            f"pytest exited {exit_code}: {PYTEST_EXIT_MEANING[exit_code]}\n{tail(output)}",
        )
    return None


def classify_starter(results: list[TestResult], exit_code: int, output: str = "") -> TestProof:
    """Every lab test must fail on the starter, for the right reason."""
    stage = "starter tests"
    proof = TestProof(total=len(results))
    bad = _exit_code_violation(stage, exit_code, output)
    if bad:
        proof.violations.append(bad)
    for r in results:
        if r.outcome == "skipped":
            proof.skipped += 1
        elif r.outcome == "passed":
            proof.passing += 1
            proof.violations.append(
                Violation(stage, r.id, "passes on the starter: it does not test the learner's work")
            )
        elif r.outcome == "error":
            proof.failing += 1
            proof.violations.append(
                Violation(stage, r.id, f"errors instead of failing: {r.message}\n{tail(r.detail)}")
            )
        else:
            proof.failing += 1
            ok, why = starter_failure_verdict(r.message)
            if not ok:
                proof.violations.append(Violation(stage, r.id, f"{why}\n{tail(r.detail, 25)}"))
    if exit_code in (0, 1) and proof.total - proof.skipped == 0:
        if proof.total:
            proof.violations.append(
                Violation(stage, "", "every test is skipped: a lab needs at least one lab test")
            )
        else:
            proof.violations.append(Violation(stage, "", "no test ran"))
    return proof


def classify_reference(results: list[TestResult], exit_code: int, output: str = "") -> TestProof:
    """Every test that is not skipped must pass on the reference solution."""
    stage = "reference tests"
    proof = TestProof(total=len(results))
    bad = _exit_code_violation(stage, exit_code, output)
    if bad:
        proof.violations.append(bad)
    for r in results:
        if r.outcome == "skipped":
            proof.skipped += 1
        elif r.outcome == "passed":
            proof.passing += 1
        else:
            proof.failing += 1
            what = "errors" if r.outcome == "error" else "fails"
            proof.violations.append(
                Violation(
                    stage, r.id, f"{what} on the reference: {r.message}\n{tail(r.detail, 30)}"
                )
            )
    if exit_code in (0, 1) and proof.total - proof.skipped == 0:
        if proof.total:
            proof.violations.append(
                Violation(stage, "", "every test is skipped: a lab needs at least one lab test")
            )
        else:
            proof.violations.append(Violation(stage, "", "no test ran"))
    if exit_code == 1 and not proof.failing:
        proof.violations.append(
            Violation(stage, "", f"pytest exited 1 without a failing test\n{tail(output)}")
        )
    return proof


def compare_test_sets(starter: list[TestResult], reference: list[TestResult]) -> list[Violation]:
    """The learner must get the same tests as the reference."""
    s_ids = {r.id for r in starter}
    r_ids = {r.id for r in reference}
    out = []
    for missing in sorted(r_ids - s_ids):
        out.append(Violation("starter tests", missing, "in the reference but not in the starter"))
    for extra in sorted(s_ids - r_ids):
        out.append(Violation("starter tests", extra, "in the starter but not in the reference"))
    return out


# ---------------------------------------------------------------------------------------------
# Terraform reference checker (runs under the hcl-venv python: it needs python-hcl2)

TF_SKIP_ROOTS = {"each", "count", "self", "path", "terraform"}
TF_BUILTIN_PROVIDERS = {"terraform"}  # terraform_data, terraform_remote_state
_TF_RESOURCE_TYPE = re.compile(r"^[a-z][a-z0-9]*_[a-z0-9_]+$")
_TF_REF = re.compile(
    r"(?<![\w.\]\)\-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([A-Za-z_][\w-]*))?"
)
_TF_FOR = re.compile(r"\bfor\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\b")
_TF_SKIP_BLOCKS = {"moved", "import", "removed", "terraform"}


def tf_label(key: str) -> str:
    """python-hcl2 keeps the quotes of block labels: '"aws"' -> 'aws'."""
    if len(key) >= 2 and key[0] == '"' and key[-1] == '"':
        return key[1:-1]
    return key


def tf_literal(value: object) -> object:
    """Unquote a literal string value ('"x"' -> 'x'); other values unchanged."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1]
    return value


def tf_code_text(value: str) -> str:
    """The code parts of an HCL expression as python-hcl2 prints it.

    String-literal text is blanked out; ``${...}`` and ``%{...}`` inside strings and heredocs
    are kept, so references can be found with a regular expression.
    """
    heredoc = False
    if value.startswith("${") and value.endswith("}"):
        src = value[2:-1]
    elif value.startswith('"<<') and value.endswith('"'):
        src, heredoc = value[1:-1], True
    else:
        src = value
    stack = ["heredoc" if heredoc else "code"]
    out: list[str] = []
    i = 0
    while i < len(src):
        c = src[i]
        top = stack[-1]
        if top in ("string", "heredoc"):
            if top == "string" and c == "\\":
                i += 2
                continue
            if src.startswith("$${", i) or src.startswith("%%{", i):
                i += 3
                continue
            if src.startswith("${", i) or src.startswith("%{", i):
                stack.append("interp")
                out.append(" ")
                i += 2
                continue
            if top == "string" and c == '"':
                stack.pop()
                out.append(" ")
            i += 1
            continue
        if c == '"':
            stack.append("string")
            out.append(" ")
        elif c == "{":
            stack.append("brace")
            out.append(c)
        elif c == "}":
            if top == "interp":
                stack.pop()
                out.append(" ")
            else:
                if top == "brace":
                    stack.pop()
                out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _tf_blocks(doc: dict, kind: str) -> Iterator[tuple[str, dict]]:
    """(label, body) of one-label blocks such as variable/output/module/provider."""
    for entry in doc.get(kind, []) or []:
        if isinstance(entry, dict):
            for key, body in entry.items():
                if key != "__is_block__" and isinstance(body, dict):
                    yield tf_label(key), body


def _tf_blocks2(doc: dict, kind: str) -> Iterator[tuple[str, str, dict]]:
    """(type, name, body) of resource/data blocks."""
    for type_key, names in _tf_blocks(doc, kind):
        for name_key, body in names.items():
            if name_key != "__is_block__" and isinstance(body, dict):
                yield type_key, tf_label(name_key), body


def _tf_strings(node: object, skip_keys: frozenset[str] = frozenset()) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _tf_strings(item, skip_keys)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "__is_block__" or key in skip_keys:
                continue
            yield from _tf_strings(value, skip_keys)


def _tf_bound_names(node: object) -> set[str]:
    """Names bound inside a module: for-expression variables, dynamic block iterators."""
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "dynamic":
                for label, body in _tf_blocks({"dynamic": value}, "dynamic"):
                    names.add(label)
                    iterator = tf_literal(body.get("iterator", ""))
                    if isinstance(iterator, str) and iterator:
                        names.add(iterator.removeprefix("${").removesuffix("}"))
            names |= _tf_bound_names(value)
    elif isinstance(node, list):
        for item in node:
            names |= _tf_bound_names(item)
    elif isinstance(node, str):
        for m in _TF_FOR.finditer(tf_code_text(node)):
            names.update(n for n in m.groups() if n)
    return names


def _tf_load(path: Path) -> dict:
    import hcl2  # only in the hcl venv

    with path.open(encoding="utf-8") as fh:
        return hcl2.load(fh)


def _tf_module_outputs(module_dir: Path) -> set[str] | None:
    if not module_dir.is_dir():
        return None
    outputs: set[str] = set()
    for tf in sorted(module_dir.glob("*.tf")):
        try:
            doc = _tf_load(tf)
        except Exception:  # noqa: BLE001 - the module's own folder reports parse errors
            continue
        outputs.update(label for label, _ in _tf_blocks(doc, "output"))
    return outputs


def check_terraform_dir(folder: Path) -> list[str]:
    """Reference checks of one Terraform module folder (every .tf file in it).

    - every file parses (python-hcl2);
    - providers used by resources, data sources and provider blocks are declared in
      ``terraform { required_providers { ... } }`` with a ``source`` and a ``version``;
    - every variable has a ``type`` and a ``description``;
    - every ``var.x``, ``local.x``, ``module.x`` (and a local module's output), ``data.t.n`` and
      ``type.name`` reference resolves to a block of this folder;
    - every name set in a ``*.tfvars`` file is a declared variable.
    """
    findings: list[str] = []
    docs: list[tuple[str, dict]] = []
    for tf in sorted(folder.glob("*.tf")):
        try:
            docs.append((tf.name, _tf_load(tf)))
        except Exception as exc:  # noqa: BLE001 - any parse failure is a finding
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            findings.append(f"{tf.name}: does not parse as HCL: {first}")

    variables: dict[str, dict] = {}
    locals_: set[str] = set()
    resources: set[tuple[str, str]] = set()
    datas: set[tuple[str, str]] = set()
    modules: dict[str, dict] = {}
    required: dict[str, object] = {}
    has_terraform_block = False
    used_providers: dict[str, str] = {}  # provider -> where first used

    for fname, doc in docs:
        for block in doc.get("terraform", []) or []:
            has_terraform_block = True
            for rp in block.get("required_providers", []) or []:
                if isinstance(rp, dict):
                    for name, spec in rp.items():
                        if name != "__is_block__":
                            required[name] = spec
        for label, body in _tf_blocks(doc, "variable"):
            if label in variables:
                findings.append(f'{fname}: variable "{label}" is declared twice')
            variables[label] = body
            for attr in ("type", "description"):
                if attr not in body:
                    findings.append(f'{fname}: variable "{label}" has no {attr}')
        for block in doc.get("locals", []) or []:
            if isinstance(block, dict):
                locals_.update(k for k in block if k != "__is_block__")
        for rtype, name, body in _tf_blocks2(doc, "resource"):
            if (rtype, name) in resources:
                findings.append(f'{fname}: resource "{rtype}" "{name}" is declared twice')
            resources.add((rtype, name))
            used_providers.setdefault(_tf_provider_of(rtype, body), f'{fname}: resource "{rtype}"')
        for dtype, name, body in _tf_blocks2(doc, "data"):
            datas.add((dtype, name))
            used_providers.setdefault(_tf_provider_of(dtype, body), f'{fname}: data "{dtype}"')
        for label, _body in _tf_blocks(doc, "provider"):
            used_providers.setdefault(label, f'{fname}: provider "{label}"')
        for label, body in _tf_blocks(doc, "module"):
            modules[label] = body

    # Providers.
    for provider, where in sorted(used_providers.items()):
        if provider in TF_BUILTIN_PROVIDERS:
            continue
        if provider not in required:
            hint = "" if has_terraform_block else " (there is no terraform block at all)"
            findings.append(
                f'{where} uses provider "{provider}", which is not declared in '
                f"terraform {{ required_providers }}{hint}"
            )
    for name, spec in sorted(required.items()):
        if not isinstance(spec, dict):
            findings.append(
                f'required_providers "{name}" should be {{ source = ..., version = ... }}'
            )
            continue
        for attr in ("source", "version"):
            if attr not in spec:
                findings.append(f'required_providers "{name}" has no {attr}')

    # Local module sources and their outputs.
    module_outputs: dict[str, set[str] | None] = {}
    for label, body in modules.items():
        source = tf_literal(body.get("source", ""))
        if not isinstance(source, str) or not source:
            findings.append(f'module "{label}" has no source')
            module_outputs[label] = None
        elif source.startswith(("./", "../")):
            outputs = _tf_module_outputs((folder / source).resolve())
            if outputs is None:
                findings.append(f'module "{label}": source folder {source} does not exist')
            module_outputs[label] = outputs
        else:
            module_outputs[label] = None  # registry/git module: outputs unknown offline

    # References.
    bound = TF_SKIP_ROOTS | _tf_bound_names([doc for _, doc in docs])
    for fname, doc in docs:
        seen: set[str] = set()
        for kind, node in doc.items():
            if kind in _TF_SKIP_BLOCKS:
                continue
            skip = frozenset({"type"}) if kind == "variable" else frozenset()
            for text in _tf_strings(node, skip):
                for problem in _tf_unresolved(
                    tf_code_text(text), bound, variables, locals_, resources, datas, module_outputs
                ):
                    if problem not in seen:
                        seen.add(problem)
                        findings.append(f"{fname}: {problem}")

    # Variable files.
    for tfvars in sorted(folder.glob("*.tfvars")):
        try:
            values = _tf_load(tfvars)
        except Exception as exc:  # noqa: BLE001
            findings.append(f"{tfvars.name}: does not parse as HCL: {str(exc).splitlines()[0]}")
            continue
        for name in values:
            if name != "__is_block__" and name not in variables:
                findings.append(f'{tfvars.name}: sets "{name}", which is not a declared variable')
    return findings


def _tf_provider_of(rtype: str, body: dict) -> str:
    explicit = body.get("provider")
    if isinstance(explicit, str) and explicit:
        return explicit.removeprefix("${").removesuffix("}").split(".")[0]
    return rtype.split("_", 1)[0]


def _tf_unresolved(
    code: str,
    bound: set[str],
    variables: dict,
    locals_: set[str],
    resources: set[tuple[str, str]],
    datas: set[tuple[str, str]],
    module_outputs: dict[str, set[str] | None],
) -> Iterator[str]:
    for m in _TF_REF.finditer(code):
        root, second, third = m.group(1), m.group(2), m.group(3)
        if root in bound:
            continue
        if root == "var":
            if second not in variables:
                yield f'var.{second} is referenced but no variable "{second}" is declared'
        elif root == "local":
            if second not in locals_:
                yield f"local.{second} is referenced but no local value {second} is defined"
        elif root == "module":
            if second not in module_outputs:
                yield f'module.{second} is referenced but no module "{second}" is declared'
            elif (
                third and module_outputs[second] is not None and third not in module_outputs[second]
            ):
                yield f"module.{second}.{third} is referenced but the module has no output {third}"
        elif root == "data":
            if third and (second, third) not in datas:
                yield f'data.{second}.{third} is referenced but no data "{second}" "{third}" exists'
        elif _TF_RESOURCE_TYPE.match(root) and second != "*" and (root, second) not in resources:
            yield f'{root}.{second} is referenced but no resource "{root}" "{second}" exists'


def tf_parse_dir(folder: Path) -> list[str]:
    """Only check that every .tf and .tfvars file of a folder parses."""
    findings = []
    for tf in sorted([*folder.glob("*.tf"), *folder.glob("*.tfvars")]):
        try:
            _tf_load(tf)
        except Exception as exc:  # noqa: BLE001 - any parse failure is a finding
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            findings.append(f"{tf.name}: does not parse as HCL: {first}")
    return findings


def tf_check_main(args: list[str]) -> int:
    """``--tf-check [--parse-only] DIR...``: JSON {dir: [findings]} on stdout."""
    parse_only = "--parse-only" in args
    dirs = [a for a in args if a != "--parse-only"]
    check = tf_parse_dir if parse_only else check_terraform_dir
    report = {d: check(Path(d)) for d in dirs}
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


# ---------------------------------------------------------------------------------------------
# Running things


@dataclasses.dataclass
class Tools:
    bec: Path
    lab_python: Path
    hcl_python: Path
    checkov: Path
    # Only days with Prometheus rules or configs need it (see Linter.promtool).
    promtool: Path | None = None
    lab_bin: Path = dataclasses.field(init=False)
    hcl_bin: Path = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.lab_bin = self.lab_python.parent
        self.hcl_bin = self.hcl_python.parent

    def lab(self, name: str) -> str:
        return str(self.lab_bin / name)

    def missing(self) -> list[str]:
        wanted = [self.bec, self.lab_python, self.hcl_python, self.checkov]
        wanted += [
            self.lab_bin / n
            for n in (
                "ruff",
                "yamllint",
                "hadolint",
                "docker-compose",
                "actionlint",
                "shellcheck",
                "buf",
            )
        ]
        wanted += [self.hcl_bin / "kubernetes-validate", self.hcl_bin / "kubectl"]
        return [str(p) for p in wanted if not (p.exists() and os.access(p, os.X_OK))]


def clean_env(tools: Tools | None = None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A small, predictable environment: no BEC_LIVE, no service URLs from the caller's shell."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k in {"HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "LOGNAME", "TERM", "SYSTEMROOT"}
    }
    path = os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")
    if tools is not None:
        path = os.pathsep.join([str(tools.lab_bin), str(tools.hcl_bin), path])
    env["PATH"] = path
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["NO_COLOR"] = "1"
    if extra:
        env.update(extra)
    return env


@dataclasses.dataclass
class Run:
    code: int
    out: str  # stdout and stderr, interleaved (or only stdout when merge=False)
    err: str = ""  # stderr when merge=False

    @property
    def ok(self) -> bool:
        return self.code == 0


def first_json(text: str) -> object:
    """The first JSON value in a tool's output (tools may print log lines around it)."""
    starts = [i for i in (text.find("["), text.find("{")) if i >= 0]
    if not starts:
        raise ValueError("no JSON in the output")
    return json.JSONDecoder().raw_decode(text[min(starts) :])[0]


def run(
    cmd: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: int = TOOL_TIMEOUT,
    merge: bool = True,
) -> Run:
    try:
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge else subprocess.PIPE,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or ""
        if isinstance(out, bytes):
            out = out.decode(errors="replace")
        return Run(124, f"{out}\n(timed out after {timeout}s: {' '.join(cmd)})")
    except OSError as exc:
        return Run(127, f"cannot run {cmd[0]}: {exc}")
    return Run(proc.returncode, proc.stdout or "", proc.stderr or "")


def render(tools: Tools, course: Path | None, day: Day, dest: Path, solution: bool) -> Run:
    cmd = [str(tools.bec), "new", day.dir, str(dest), "--yes", "--date", RENDER_DATE]
    for answer in RENDER_ANSWERS:
        cmd += ["--set", answer]
    if solution:
        cmd.append("--solution")
    extra = {"BEC_COURSE": str(course)} if course else None
    env = clean_env(tools, extra)
    # bec makes git commits; give git an identity that does not depend on the caller.
    env.update(
        {
            "GIT_AUTHOR_NAME": "Harness",
            "GIT_AUTHOR_EMAIL": "harness@example.invalid",
            "GIT_COMMITTER_NAME": "Harness",
            "GIT_COMMITTER_EMAIL": "harness@example.invalid",
            "GIT_CONFIG_NOSYSTEM": "1",
        }
    )
    return run(cmd, env=env, timeout=TOOL_TIMEOUT)


def test_command(day_dir: Path, tools: Tools) -> tuple[list[str] | None, str]:
    """The day's test command from day.toml, with "python" replaced by the lab python."""
    day_toml = day_dir / "day.toml"
    if not day_toml.is_file():
        return None, f"{day_dir.name}/day.toml is missing"
    try:
        with day_toml.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        return None, f"{day_dir.name}/day.toml does not parse: {exc}"
    command = (data.get("test") or {}).get("command")
    if not (isinstance(command, list) and command and all(isinstance(c, str) for c in command)):
        return None, f"{day_dir.name}/day.toml has no [test] command list"
    cmd = list(command)
    if cmd[0] in ("python", "python3"):
        cmd[0] = str(tools.lab_python)
    if not any("pytest" in part for part in cmd):
        return None, f"the harness can only prove pytest labs; the command is {command}"
    return cmd, ""


def run_tests(day_dir: Path, tools: Tools, junit: Path) -> tuple[Run, list[TestResult] | None, str]:
    cmd, problem = test_command(day_dir, tools)
    if cmd is None:
        return Run(4, problem), None, problem
    cmd += [f"--junitxml={junit}", "-p", "no:cacheprovider"]
    result = run(cmd, cwd=day_dir, env=clean_env(tools), timeout=PYTEST_TIMEOUT)
    if not junit.is_file():
        return result, None, f"no JUnit report was written\n{tail(result.out)}"
    try:
        return result, parse_junit(junit), ""
    except ET.ParseError as exc:
        return result, None, f"unreadable JUnit report: {exc}"


def junit_id(node_id: str) -> str:
    """pytest node id -> the id parse_junit gives: tests/test_a.py::TestB::test_c[x] ->
    tests.test_a.TestB::test_c[x]."""
    parts = node_id.split("::")
    module = parts[0].removesuffix(".py").replace("/", ".").replace("\\", ".")
    return ".".join([module, *parts[1:-1]]) + "::" + parts[-1] if len(parts) > 1 else module


def live_test_ids(day_dir: Path, tools: Tools) -> set[str] | None:
    """Ids of the tests marked ``live`` (None when they cannot be listed)."""
    cmd, _ = test_command(day_dir, tools)
    if cmd is None:
        return None
    cmd += ["--collect-only", "-q", "-m", "live", "-p", "no:cacheprovider"]
    r = run(cmd, cwd=day_dir, env=clean_env(tools), timeout=PYTEST_TIMEOUT)
    if r.code not in (0, 5):
        return None
    return {junit_id(ln.strip()) for ln in r.out.splitlines() if "::" in ln and " " not in ln}


def unmarked_skips(results: list[TestResult], live: set[str] | None) -> list[Violation]:
    """A skipped test must be a ``live`` one: anything else (importorskip, skipif on a missing
    tool) would let a lab pass without being tested."""
    if live is None:
        return [Violation("reference tests", "", "could not list the tests marked live")]
    return [
        Violation(
            "reference tests",
            r.id,
            f"skipped, but not marked live (@pytest.mark.live): {r.message or 'no reason'}",
        )
        for r in results
        if r.outcome == "skipped" and r.id not in live
    ]


# ---------------------------------------------------------------------------------------------
# Finding files to lint


def walk_files(top: Path, exclude_dirs: Iterable[Path] = ()) -> list[Path]:
    excluded = {p.resolve() for p in exclude_dirs}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if d not in SKIP_DIRS and (here / d).resolve() not in excluded
        )
        found.extend(here / f for f in sorted(filenames))
    return found


def is_yaml(p: Path) -> bool:
    return p.suffix in (".yaml", ".yml")


def is_dockerfile(p: Path) -> bool:
    n = p.name
    return n == "Dockerfile" or n.startswith("Dockerfile.") or n.endswith(".Dockerfile")


def is_compose(p: Path) -> bool:
    n = p.name
    return is_yaml(p) and n.startswith(("compose.", "docker-compose."))


def is_workflow(p: Path) -> bool:
    return is_yaml(p) and p.parent.name == "workflows" and p.parent.parent.name == ".github"


def is_kustomization(p: Path) -> bool:
    return p.name in ("kustomization.yaml", "kustomization.yml", "Kustomization")


def helm_template_dirs(files: list[Path]) -> set[Path]:
    """templates/ folders of Helm charts: Go templates, not YAML."""
    return {f.parent / "templates" for f in files if f.name == "Chart.yaml"}


def in_any(p: Path, dirs: set[Path]) -> bool:
    return any(d == p or d in p.parents for d in dirs)


def kustomize_patch_files(kustomization: Path) -> set[Path]:
    """Files a kustomization uses as patches (partial manifests, not validated alone)."""
    import yaml

    try:
        data = yaml.safe_load(kustomization.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, OSError):
        return set()
    if not isinstance(data, dict):
        return set()
    names: list[str] = []
    for key in ("patches", "patchesJson6902"):
        for item in data.get(key) or []:
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                names.append(item["path"])
    for item in data.get("patchesStrategicMerge") or []:
        if isinstance(item, str) and "\n" not in item:
            names.append(item)
    return {(kustomization.parent / n).resolve() for n in names}


def k8s_documents(p: Path) -> list[dict] | None:
    """The Kubernetes objects (mappings with apiVersion and kind) in a YAML file; None if the
    file does not parse (yamllint reports that)."""
    import yaml

    try:
        docs = list(yaml.safe_load_all(p.read_text(encoding="utf-8")))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    return [
        d
        for d in docs
        if isinstance(d, dict) and isinstance(d.get("apiVersion"), str) and "kind" in d
    ]


# API groups of tool configuration files that look like Kubernetes objects but have no metadata.
CONFIG_API_GROUPS = {"kind.x-k8s.io", "kustomize.config.k8s.io", "ctlptl.dev", "k3d.io"}


def structural_k8s_check(doc: dict) -> list[str]:
    """A minimal check for custom resources that kubernetes-validate has no schema for."""
    problems: list[str] = []
    api = doc.get("apiVersion", "")
    kind = doc.get("kind")
    group = api.split("/", 1)[0] if "/" in api else ""
    if not isinstance(kind, str) or not kind:
        problems.append("kind must be a non-empty string")
    if group in CONFIG_API_GROUPS:
        return problems
    meta = doc.get("metadata")
    if not isinstance(meta, dict) or not isinstance(meta.get("name"), str) or not meta["name"]:
        problems.append("metadata.name is missing")
    if "spec" in doc and not isinstance(doc["spec"], dict):
        problems.append("spec must be a mapping")
    if group == "argoproj.io" and kind == "Application":
        spec = doc.get("spec") if isinstance(doc.get("spec"), dict) else {}
        if not spec.get("project"):
            problems.append("spec.project is missing")
        dest = spec.get("destination")
        if not isinstance(dest, dict) or not (dest.get("server") or dest.get("name")):
            problems.append("spec.destination needs server or name")
        if not (isinstance(spec.get("source"), dict) or isinstance(spec.get("sources"), list)):
            problems.append("spec.source (or spec.sources) is missing")
        elif isinstance(spec.get("source"), dict) and not spec["source"].get("repoURL"):
            problems.append("spec.source.repoURL is missing")
    return problems


# ---------------------------------------------------------------------------------------------
# Linters. Each returns findings as Violations; paths are shown relative to the rendered repo.


class Linter:
    def __init__(self, tools: Tools, repo: Path, label: str, scratch: Path) -> None:
        self.tools = tools
        self.repo = repo
        self.label = label  # "" for the reference, "starter " for the starter
        self.scratch = scratch
        self.env = clean_env(tools)
        self.notes: list[str] = []

    def rel(self, p: Path | str) -> str:
        try:
            return str(Path(p).resolve().relative_to(self.repo.resolve()))
        except ValueError:
            return str(p)

    def v(self, tool: str, where: str, text: str) -> Violation:
        # Tool output names files by their temporary path: show them relative to the repo.
        for prefix in {str(self.repo) + os.sep, str(self.repo.resolve()) + os.sep}:
            text = text.replace(prefix, "")
        return Violation(f"{self.label}{tool}", where, text)

    # -- python -------------------------------------------------------------------------------

    def ruff(self, folder: Path) -> list[Violation]:
        out: list[Violation] = []
        ruff = self.tools.lab("ruff")
        r = run([ruff, "check", "--no-cache", "--output-format", "concise", "."], folder, self.env)
        if not r.ok:
            lines = [ln for ln in r.out.splitlines() if re.match(r"^\S+:\d+:\d+: ", ln)]
            for ln in lines or [tail(r.out)]:
                out.append(self.v("ruff check", "", f"{folder.name}/{ln}" if lines else ln))
        cmd = [ruff, "format", "--check", "--no-cache", "--output-format", "concise", "."]
        r = run(cmd, folder, self.env)
        if not r.ok:
            found = [re.match(r"^(\S+?):\d+:\d+: ", ln) for ln in r.out.splitlines()]
            files = sorted({m.group(1) for m in found if m})
            for f in files:
                out.append(
                    self.v("ruff format", f"{folder.name}/{f}", "not formatted (run `ruff format`)")
                )
            if not files:
                out.append(self.v("ruff format", folder.name, tail(r.out)))
        return out

    def python_parses(self, folder: Path) -> list[Violation]:
        """Starter code: syntax errors and undefined names only."""
        r = run(
            [
                self.tools.lab("ruff"),
                "check",
                "--no-cache",
                "--isolated",
                "--select",
                "E9,F63,F7,F82",
                "--output-format",
                "concise",
                ".",
            ],
            folder,
            self.env,
        )
        if r.ok:
            return []
        lines = [ln for ln in r.out.splitlines() if re.match(r"^\S+:\d+:\d+: ", ln)]
        return [
            self.v("python (syntax/undefined names)", "", f"{folder.name}/{ln}")
            for ln in lines or [tail(r.out)]
        ]

    # -- yaml, docker, compose, workflows -------------------------------------------------------

    def yamllint(self, files: list[Path]) -> list[Violation]:
        if not files:
            return []
        cmd = [self.tools.lab("yamllint"), "-c", str(YAMLLINT_CONFIG), "-f", "parsable"]
        r = run(cmd + [str(f) for f in files], self.repo, self.env)
        if r.ok:
            return []
        found = []
        for ln in r.out.splitlines():
            m = re.match(r"^(.+?):(\d+):(\d+): (.*)$", ln)
            if m:
                found.append(self.v("yamllint", f"{self.rel(m.group(1))}:{m.group(2)}", m.group(4)))
        return found or [self.v("yamllint", "", tail(r.out))]

    def hadolint(self, files: list[Path]) -> list[Violation]:
        if not files:
            return []
        cmd = [self.tools.lab("hadolint"), "--no-color", "--format", "tty"]
        r = run(cmd + [str(f) for f in files], self.repo, self.env)
        if r.ok:
            return []
        found = []
        for ln in r.out.splitlines():
            m = re.match(r"^(.+?):(\d+) (.*)$", ln)
            if m:
                found.append(self.v("hadolint", f"{self.rel(m.group(1))}:{m.group(2)}", m.group(3)))
        return found or [self.v("hadolint", "", tail(r.out))]

    def compose(self, files: list[Path]) -> list[Violation]:
        found: list[Violation] = []
        for f in files:
            if f.name.startswith("docker-compose."):
                found.append(
                    self.v("compose", self.rel(f), "name the file compose.yaml (the course format)")
                )
                continue
            folder = f.parent
            cmd = [self.tools.lab("docker-compose")]
            main = folder / "compose.yaml"
            if f != main and main.exists():
                # An override file is checked merged into the main one.
                cmd += ["-f", "compose.yaml"]
            cmd += ["-f", f.name]
            example = folder / ".env.example"
            if example.is_file():
                cmd += ["--env-file", ".env.example"]
                env_file = folder / ".env"
                if not env_file.exists():
                    # What the learner does first: cp .env.example .env
                    shutil.copyfile(example, env_file)
            cmd += ["config", "-q"]
            r = run(cmd, folder, self.env)
            warnings = [
                ln for ln in r.out.splitlines() if re.search(r"warn|variable is not set", ln, re.I)
            ]
            if not r.ok or warnings:
                found.append(self.v("docker compose config", self.rel(f), tail(r.out)))
        return found

    def actionlint(self, files: list[Path]) -> list[Violation]:
        if not files:
            return []
        cmd = [
            self.tools.lab("actionlint"),
            "-oneline",
            "-no-color",
            "-shellcheck",
            self.tools.lab("shellcheck"),
        ]
        r = run(cmd + [self.rel(f) for f in files], self.repo, self.env)
        if r.ok:
            return []
        found = []
        for ln in r.out.splitlines():
            m = re.match(r"^(.+?):(\d+):(\d+): (.*)$", ln)
            if m:
                found.append(self.v("actionlint", f"{m.group(1)}:{m.group(2)}", m.group(4)))
        return found or [self.v("actionlint", "", tail(r.out))]

    def buf(self, folders: list[Path]) -> list[Violation]:
        """Protocol Buffers: `buf lint` in every folder that holds a buf.yaml."""
        found: list[Violation] = []
        for folder in folders:
            r = run([self.tools.lab("buf"), "lint", "--error-format", "text"], folder, self.env)
            if not r.ok:
                lines = [ln for ln in r.out.splitlines() if re.match(r"^\S+:\d+:\d+:", ln)]
                for ln in lines or [tail(r.out)]:
                    found.append(self.v("buf lint", self.rel(folder), ln))
        return found

    def promtool(self, fs: FileSet) -> list[Violation]:
        """Prometheus: `promtool check rules` on *.rules.yml, `promtool test rules` on rule unit
        tests, `promtool check config` on prometheus.yml (run in the file's folder, as the
        files name each other by relative path)."""
        jobs = [(["check", "rules", f.name], f) for f in fs.prometheus_rules]
        jobs += [(["test", "rules", f.name], f) for f in fs.prometheus_rule_tests]
        jobs += [(["check", "config", f.name], f) for f in fs.prometheus_configs]
        if not jobs:
            return []
        promtool = self.tools.promtool
        if promtool is None or not os.access(promtool, os.X_OK):
            return [
                self.v(
                    "promtool",
                    self.rel(jobs[0][1]),
                    f"promtool not found ({promtool}): run scripts/lab-env, which fetches it "
                    "with scripts/fetch-promtool, or set BEC_PROMTOOL",
                )
            ]
        found: list[Violation] = []
        for args, f in jobs:
            r = run([str(promtool), *args], f.parent, self.env)
            if not r.ok:
                found.append(self.v(f"promtool {' '.join(args[:2])}", self.rel(f), tail(r.out)))
        return found

    # -- kubernetes -----------------------------------------------------------------------------

    def kubernetes(self, manifests: list[Path], kustomize_dirs: list[Path]) -> list[Violation]:
        found: list[Violation] = []
        to_validate: list[tuple[Path, str]] = []  # (file, shown as)
        for f in manifests:
            to_validate.append((f, self.rel(f)))
        for i, d in enumerate(kustomize_dirs):
            r = run(
                [str(self.tools.hcl_bin / "kubectl"), "kustomize", str(d)], d, self.env, merge=False
            )
            if not r.ok:
                found.append(self.v("kubectl kustomize", self.rel(d), tail(r.err or r.out)))
                continue
            built = self.scratch / f"kustomize-{self.label.strip() or 'ref'}-{i}.yaml"
            built.write_text(r.out, encoding="utf-8")
            to_validate.append((built, f"{self.rel(d)} (kustomize build)"))
        if not to_validate:
            return found
        shown = {str(f): name for f, name in to_validate}
        cmd = [str(self.tools.hcl_bin / "kubernetes-validate"), "--strict", "--quiet"]
        r = run(cmd + [str(f) for f, _ in to_validate], self.repo, self.env)
        unknown: dict[str, set[tuple[str, str]]] = {}
        for ln in r.out.splitlines():
            m = re.match(r"^(ERROR|WARN|WARNING)\s+(\S+)\s+(.*)$", ln)
            if not m:
                continue
            level, fname, msg = m.groups()
            where = shown.get(fname, self.rel(fname))
            s = re.match(r"Couldn't find schema for kind (\S+) with api version (\S+)", msg)
            if s:
                unknown.setdefault(fname, set()).add((s.group(2), s.group(1)))
                continue
            found.append(self.v("kubernetes-validate", where, msg))
        if not r.ok and not found and not unknown:
            found.append(self.v("kubernetes-validate", "", tail(r.out)))
        # Custom resources: structural check, and a note saying so.
        for fname, kinds in sorted(unknown.items()):
            docs = k8s_documents(Path(fname)) or []
            where = shown.get(fname, self.rel(fname))
            for doc in docs:
                if (doc.get("apiVersion"), doc.get("kind")) in kinds:
                    name = (doc.get("metadata") or {}).get("name", "?")
                    for problem in structural_k8s_check(doc):
                        found.append(
                            self.v("k8s structure", where, f"{doc['kind']} {name}: {problem}")
                        )
            listed = ", ".join(f"{k} ({a})" for a, k in sorted(kinds))
            self.notes.append(
                f"{self.label}{where}: no schema for {listed}: checked structurally only"
            )
        return found

    # -- terraform ------------------------------------------------------------------------------

    def terraform(self, folders: list[Path], parse_only: bool = False) -> list[Violation]:
        if not folders:
            return []
        cmd = [str(self.tools.hcl_python), str(Path(__file__).resolve()), "--tf-check"]
        if parse_only:
            cmd.append("--parse-only")
        r = run(cmd + [str(d) for d in folders], self.repo, self.env, merge=False)
        try:
            report = first_json(r.out)
            assert isinstance(report, dict)
        except (ValueError, AssertionError):
            return [
                self.v("terraform", "", f"the Terraform checker failed:\n{tail(r.out + r.err)}")
            ]
        found = []
        for folder, problems in report.items():
            for problem in problems:
                found.append(self.v("terraform", self.rel(folder), problem))
        return found

    # -- checkov --------------------------------------------------------------------------------

    def checkov(self, folder: Path, skip_paths: list[str]) -> list[Violation]:
        cmd = [
            str(self.tools.checkov),
            "-d",
            str(folder),
            "--framework",
            "dockerfile",
            "kubernetes",
            "terraform",
            "github_actions",
            "--skip-download",
            "--quiet",
            "--compact",
            "-o",
            "json",
        ]
        for sp in skip_paths:
            cmd += ["--skip-path", sp]
        env = clean_env(
            self.tools,
            {
                "BC_SKIP_MAPPING": "TRUE",
                "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true",
                "LOG_LEVEL": "ERROR",
            },
        )
        r = run(cmd, folder, env, timeout=TOOL_TIMEOUT, merge=False)
        try:
            data = first_json(r.out)
        except ValueError:
            text = f"checkov did not report (exit {r.code}):\n{tail(r.out + r.err)}"
            return [self.v("checkov", self.rel(folder), text)]
        return self.checkov_findings(data, folder)

    def checkov_findings(self, data: object, folder: Path) -> list[Violation]:
        reports = data if isinstance(data, list) else [data]
        found: list[Violation] = []
        for rep in reports:
            if not isinstance(rep, dict):
                continue
            results = rep.get("results") or {}
            for chk in results.get("failed_checks") or []:
                fpath = chk.get("file_path", "").lstrip("/")
                lines = chk.get("file_line_range") or []
                where = self.rel(folder / fpath) if fpath else self.rel(folder)
                if lines:
                    where += f":{lines[0]}"
                text = f"{chk.get('check_id')} {chk.get('check_name')} ({chk.get('resource')})"
                found.append(self.v("checkov", where, text))
            for perr in results.get("parsing_errors") or []:
                found.append(self.v("checkov", self.rel(perr), "checkov could not parse this file"))
        return found


@dataclasses.dataclass
class FileSet:
    python: bool = False
    yaml: list[Path] = dataclasses.field(default_factory=list)
    dockerfiles: list[Path] = dataclasses.field(default_factory=list)
    compose: list[Path] = dataclasses.field(default_factory=list)
    workflows: list[Path] = dataclasses.field(default_factory=list)
    manifests: list[Path] = dataclasses.field(default_factory=list)
    kustomize_dirs: list[Path] = dataclasses.field(default_factory=list)
    tf_dirs: list[Path] = dataclasses.field(default_factory=list)
    buf_dirs: list[Path] = dataclasses.field(default_factory=list)
    prometheus_rules: list[Path] = dataclasses.field(default_factory=list)
    prometheus_rule_tests: list[Path] = dataclasses.field(default_factory=list)
    prometheus_configs: list[Path] = dataclasses.field(default_factory=list)
    helm_templates: set[Path] = dataclasses.field(default_factory=set)


def prometheus_kind(p: Path) -> str | None:
    """The kind of Prometheus file: "rules" for `*.rules.yml`, "rule_tests" for a promtool
    unit test file (top-level `rule_files` and `tests`), "configs" for `prometheus.yml`;
    None for any other YAML file."""
    import yaml

    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None  # yamllint reports it
    if not isinstance(doc, dict):
        return None
    # By name and shape: Grafana's provisioning files are often called prometheus.yml too.
    if p.name in ("prometheus.yml", "prometheus.yaml") and "scrape_configs" in doc:
        return "configs"
    if p.name.endswith((".rules.yml", ".rules.yaml")) and "groups" in doc:
        return "rules"
    if "rule_files" in doc and "tests" in doc:
        return "rule_tests"
    return None


def classify_files(files: list[Path]) -> FileSet:
    fs = FileSet()
    fs.helm_templates = helm_template_dirs(files)
    patches: set[Path] = set()
    for f in files:
        if is_kustomization(f):
            patches |= kustomize_patch_files(f)
            fs.kustomize_dirs.append(f.parent)
    tf_dirs: set[Path] = set()
    for f in files:
        if f.name in ("buf.yaml", "buf.yml"):
            fs.buf_dirs.append(f.parent)
        if f.suffix == ".py":
            fs.python = True
        elif f.suffix == ".tf":
            tf_dirs.add(f.parent)
        elif is_dockerfile(f):
            fs.dockerfiles.append(f)
        elif is_yaml(f):
            if in_any(f, fs.helm_templates):
                continue
            fs.yaml.append(f)
            kind = prometheus_kind(f)
            if kind:
                getattr(fs, f"prometheus_{kind}").append(f)
                continue
            if is_compose(f):
                fs.compose.append(f)
            elif is_workflow(f):
                fs.workflows.append(f)
            elif is_kustomization(f) or f.resolve() in patches:
                continue
            else:
                docs = k8s_documents(f)
                if docs:
                    fs.manifests.append(f)
    fs.tf_dirs = sorted(tf_dirs)
    return fs


def lint_tree(
    linter: Linter, files: list[Path], full: bool, python_dir: Path | None = None
) -> list[Violation]:
    """Lint the given files; Python with ruff inside ``python_dir`` (the day folder, so the
    day's pyproject applies). ``full`` = reference rules; otherwise the starter's rules: Python
    must parse and define its names, changed infrastructure files are linted, no kustomize."""
    fs = classify_files(files)
    out: list[Violation] = []
    if fs.python and python_dir is not None:
        out += linter.ruff(python_dir) if full else linter.python_parses(python_dir)
    out += linter.yamllint(fs.yaml)
    out += linter.hadolint(fs.dockerfiles)
    out += linter.compose(fs.compose)
    out += linter.actionlint(fs.workflows)
    out += linter.buf(fs.buf_dirs)
    if full:
        out += linter.kubernetes(fs.manifests, fs.kustomize_dirs)
        # The starter's rules are the learner's unfinished work: its rule tests fail by design.
        out += linter.promtool(fs)
    # The starter's manifests and .tf files are the learner's unfinished work: they must parse
    # (yamllint above, HCL here), not be complete.
    out += linter.terraform(fs.tf_dirs, parse_only=not full)
    for helm in sorted(fs.helm_templates):
        linter.notes.append(
            f"{linter.label}{linter.rel(helm)}: Helm templates are not linted as YAML"
        )
    return out


def differing_files(starter_dir: Path, reference_dir: Path) -> list[Path]:
    """Starter infrastructure files whose content differs from the reference."""
    out = []
    for f in walk_files(starter_dir):
        if f.suffix == ".py":
            continue
        rel = f.relative_to(starter_dir)
        ref = reference_dir / rel
        if not ref.is_file() or ref.read_bytes() != f.read_bytes():
            out.append(f)
    return out


def drop_repeats(starter: list[Violation], reference: list[Violation]) -> list[Violation]:
    """Starter findings that the reference does not already have (line numbers ignored)."""

    def key(v: Violation) -> tuple[str, str, str]:
        return v.stage.removeprefix("starter "), re.sub(r":\d+$", "", v.where), v.text

    seen = {key(v) for v in reference}
    return [v for v in starter if key(v) not in seen]


def has_checkov_targets(fs: FileSet) -> bool:
    return bool(fs.dockerfiles or fs.manifests or fs.workflows or fs.tf_dirs or fs.kustomize_dirs)


# ---------------------------------------------------------------------------------------------
# Proving a day


def prove_day(
    day: Day, tools: Tools, course: Path | None, course_src: Path, work: Path, log
) -> tuple[DayReport, Path | None]:
    """Prove one lab. Returns the report and the reference repo (for the root check)."""
    t0 = time.monotonic()
    rep = DayReport(day.dir, day.title)
    base = work / day.dir
    base.mkdir(parents=True)
    starter_repo, ref_repo = base / "starter", base / "reference"
    starter_results: list[TestResult] | None = None
    ref_results: list[TestResult] | None = None

    # a. starter
    r = render(tools, course, day, starter_repo, solution=False)
    if not r.ok:
        rep.violations.append(Violation("bec new", day.dir, f"render failed\n{tail(r.out)}"))
    elif not (starter_repo / day.dir).is_dir():
        rep.violations.append(Violation("bec new", day.dir, "the rendered repo has no day folder"))
    else:
        res, starter_results, problem = run_tests(
            starter_repo / day.dir, tools, base / "starter-junit.xml"
        )
        if starter_results is None:
            rep.violations.append(Violation("starter tests", "", problem))
        else:
            rep.starter = classify_starter(starter_results, res.code, res.out)
            rep.violations += rep.starter.violations

    # b. reference
    r = render(tools, course, day, ref_repo, solution=True)
    ref_ok = r.ok and (ref_repo / day.dir).is_dir()
    if not r.ok:
        rep.violations.append(
            Violation("bec new --solution", day.dir, f"render failed\n{tail(r.out)}")
        )
    elif not ref_ok:
        rep.violations.append(
            Violation("bec new --solution", day.dir, "the rendered repo has no day folder")
        )
    else:
        res, ref_results, problem = run_tests(ref_repo / day.dir, tools, base / "ref-junit.xml")
        if ref_results is None:
            rep.violations.append(Violation("reference tests", "", problem))
        else:
            rep.reference = classify_reference(ref_results, res.code, res.out)
            rep.violations += rep.reference.violations
            if rep.reference.skipped:
                live = live_test_ids(ref_repo / day.dir, tools)
                rep.violations += unmarked_skips(ref_results, live)
    if starter_results is not None and ref_results is not None:
        rep.violations += compare_test_sets(starter_results, ref_results)
    if ref_ok:
        ref_day = ref_repo / day.dir
        for problem in day_deps.pin_problems(ref_day, day_deps.load_pins(LAB_REQUIREMENTS)):
            rep.violations.append(Violation("dependencies", f"{day.dir}/pyproject.toml", problem))
        for problem in day_deps.testclient_problems(ref_day):
            rep.violations.append(Violation("dependencies", f"{day.dir}/pyproject.toml", problem))
        for problem in day_deps.check(ref_day):
            rep.violations.append(Violation("uv.lock", f"{day.dir}/uv.lock", problem))

    # c. lint
    if ref_ok:
        ref_day = ref_repo / day.dir
        linter = Linter(tools, ref_repo, "", base)
        files = walk_files(ref_day)
        lint = lint_tree(linter, files, full=True, python_dir=ref_day)
        starter_day = starter_repo / day.dir
        if starter_day.is_dir():
            sl = Linter(tools, starter_repo, "starter ", base)
            starter_lint = sl.python_parses(starter_day)
            starter_lint += lint_tree(sl, differing_files(starter_day, ref_day), full=False)
            lint += drop_repeats(starter_lint, lint)
            rep.notes += sl.notes
        rep.lint_findings = len(lint)
        rep.violations += lint
        rep.notes += linter.notes
        fs = classify_files(files)
        if has_checkov_targets(fs):
            skips = [
                re.escape(linter.rel(h).removeprefix(day.dir + "/")) for h in fs.helm_templates
            ]
            ck = linter.checkov(ref_day, skips)
            rep.checkov_findings = len(ck)
            rep.violations += ck

    # d. known-wrong solutions: each must be caught by the tests it names
    if ref_ok and ref_results is not None:
        prove_wrong_variants(day, tools, course_src, ref_repo, base, rep, log)
    if rep.wrong_total < MIN_WRONG_VARIANTS:
        rep.violations.append(
            Violation(
                "known-wrong variants",
                f"wrong/{day.dir}/",
                f"{rep.wrong_total} known-wrong variant(s); a day needs at least "
                f"{MIN_WRONG_VARIANTS}, chosen on the mistakes its topic invites",
            )
        )
    rep.seconds = time.monotonic() - t0
    return rep, (ref_repo if ref_ok else None)


def prove_wrong_variants(
    day: Day, tools: Tools, course_src: Path, ref_repo: Path, base: Path, rep: DayReport, log
) -> None:
    """Apply each of the day's known-wrong variants to the reference; its tests must catch it."""
    git_env = clean_env(tools, {"GIT_CONFIG_NOSYSTEM": "1"})
    for path in wrong_variants.variant_files(course_src, day.dir):
        rep.wrong_total += 1
        shown = f"wrong/{day.dir}/{path.name}"
        try:
            variant = wrong_variants.parse_variant(path)
        except (wrong_variants.VariantError, UnicodeDecodeError) as exc:
            rep.violations.append(Violation("known-wrong variant", shown, str(exc)))
            continue
        log(f"  trying the known-wrong variant {variant.name}")
        patch = base / f"wrong-{variant.name}.patch"
        patch.write_text(variant.diff, encoding="utf-8")
        applied = run(
            ["git", "apply", "-p1", f"--directory={day.dir}", str(patch)], ref_repo, git_env
        )
        try:
            if not applied.ok:
                rep.violations.append(
                    Violation(
                        "known-wrong variant",
                        shown,
                        f"does not apply to the reference\n{tail(applied.out)}",
                    )
                )
                continue
            junit = base / f"wrong-{variant.name}.xml"
            _, results, problem = run_tests(ref_repo / day.dir, tools, junit)
            if results is None:
                rep.violations.append(Violation("known-wrong variant", shown, problem))
                continue
            caught, problems = wrong_variants.verdict(
                variant, [(r.id, r.outcome, r.message) for r in results], junit_id
            )
            if caught:
                rep.wrong_caught += 1
            else:
                rep.violations.append(
                    Violation(
                        "known-wrong variant", shown, f"{variant.mistake}\n" + "\n".join(problems)
                    )
                )
        finally:
            # Back to the pristine reference for the next variant.
            run(["git", "checkout", "--", "."], ref_repo, git_env)
            run(["git", "clean", "-fdq", "--", day.dir], ref_repo, git_env)


def prove_root(repo: Path, tools: Tools, work: Path) -> DayReport:
    """The files at the top of the learner repo (outside the day folders), checked once."""
    t0 = time.monotonic()
    rep = DayReport("root", "files at the root of the learner repo")
    day_dirs = [p for p in repo.iterdir() if p.is_dir() and re.fullmatch(r"day\d\d+", p.name)]
    files = walk_files(repo, exclude_dirs=day_dirs)
    linter = Linter(tools, repo, "", work)
    fs = classify_files(files)
    lint = lint_tree(linter, files, full=True)
    py_files = [f for f in files if f.suffix == ".py"]
    if py_files:
        r = run(
            [tools.lab("ruff"), "check", "--no-cache", "--output-format", "concise"]
            + [str(f) for f in py_files],
            repo,
            linter.env,
        )
        if not r.ok:
            lint.append(linter.v("ruff check", "", tail(r.out)))
    rep.lint_findings = len(lint)
    rep.violations += lint
    if has_checkov_targets(fs):
        skips = [re.escape(d.name) for d in day_dirs]
        ck = linter.checkov(repo, skips)
        rep.checkov_findings = len(ck)
        rep.violations += ck
    rep.notes += linter.notes
    rep.seconds = time.monotonic() - t0
    return rep


# ---------------------------------------------------------------------------------------------
# Output


def table(reports: list[DayReport]) -> str:
    head = [
        "day",
        "title",
        "starter fail",
        "ref pass",
        "skipped",
        "wrong caught",
        "lint",
        "checkov",
        "verdict",
    ]
    rows = [head]
    for rep in reports:
        s, r = rep.starter, rep.reference
        skipped = "-"
        if s or r:
            skipped = str(max(s.skipped if s else 0, r.skipped if r else 0))
        rows.append(
            [
                rep.name,
                rep.title if len(rep.title) <= 38 else rep.title[:37] + "…",
                f"{s.failing}/{s.total - s.skipped}" if s else "-",
                f"{r.passing}/{r.total - r.skipped}" if r else "-",
                skipped,
                f"{rep.wrong_caught}/{rep.wrong_total}" if rep.name != "root" else "-",
                str(rep.lint_findings),
                str(rep.checkov_findings),
                "proven" if rep.ok else f"FAILED ({len(rep.violations)})",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_report(rep: DayReport, course_dir: Path | None) -> None:
    if rep.ok:
        print(f"{rep.name}: proven ({rep.seconds:.1f}s)", flush=True)
    else:
        src = ""
        if course_dir is not None:
            src = (
                f" (source: {course_dir / ('days/' + rep.name if rep.name != 'root' else 'root')})"
            )
        print(f"{rep.name}: {len(rep.violations)} violation(s){src}", flush=True)
        for v in rep.violations:
            print(indent(v.render(), "    "), flush=True)
    for note in rep.notes:
        print(f"    note: {note}", flush=True)


# ---------------------------------------------------------------------------------------------
# Main


def default_path(env_name: str, relative: str) -> Path:
    value = os.environ.get(env_name)
    return Path(value) if value else CACHE / relative


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--tf-check":
        return tf_check_main(argv[1:])

    ap = argparse.ArgumentParser(description="Prove every lab of the course (see the docstring).")
    ap.add_argument("--bec", required=True, type=Path, help="the bec binary to render with")
    ap.add_argument("--course", type=Path, help="a course folder (default: the embedded course)")
    ap.add_argument("--days", help="only these days, e.g. 1,2,5-7")
    ap.add_argument("--keep", action="store_true", help="keep the rendered repos")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    ap.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="days proven at the same time (default: the number of cores, at most 2)",
    )
    args = ap.parse_args(argv)

    tools = Tools(
        bec=args.bec.resolve(),
        lab_python=default_path("BEC_LAB_PYTHON", "lab-venv/bin/python"),
        hcl_python=default_path("BEC_HCL_PYTHON", "hcl-venv/bin/python"),
        checkov=default_path("BEC_CHECKOV", "checkov-venv/bin/checkov"),
        promtool=default_path("BEC_PROMTOOL", "promtool/promtool"),
    )
    missing = tools.missing()
    if missing:
        print("prove_labs: missing tools (run scripts/lab-env first):", file=sys.stderr)
        for m in missing:
            print(f"  {m}", file=sys.stderr)
        return 2

    course = args.course.resolve() if args.course else None
    manifest = (course or REPO_ROOT / "templates") / "course.toml"
    if not manifest.is_file():
        print(f"prove_labs: no course manifest at {manifest}", file=sys.stderr)
        return 2
    try:
        days = load_lab_days(manifest)
    except (tomllib.TOMLDecodeError, OSError) as exc:
        print(f"prove_labs: cannot read {manifest}: {exc}", file=sys.stderr)
        return 2
    if args.days:
        try:
            wanted = parse_days_arg(args.days)
        except ValueError as exc:
            print(f"prove_labs: --days: {exc}", file=sys.stderr)
            return 2
        known = {d.number for d in days}
        for n in sorted(wanted - known):
            print(f"prove_labs: day {n} has no lab in {manifest.name}: skipped", file=sys.stderr)
        days = [d for d in days if d.number in wanted]
    if not days:
        print("prove_labs: no lab day to prove (no day has lab = true)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    if args.jobs < 1:
        print("prove_labs: --jobs must be at least 1", file=sys.stderr)
        return 2
    printing = threading.Lock()

    def log(msg: str) -> None:
        if not args.quiet:
            with printing:
                print(msg, file=sys.stderr, flush=True)

    work = Path(tempfile.mkdtemp(prefix="bec-prove-"))
    t0 = time.monotonic()
    root_report: DayReport | None = None
    course_src = course or REPO_ROOT / "templates"

    def prove_one(day: Day) -> tuple[DayReport, Path | None]:
        def day_log(msg: str) -> None:
            log(f"{day.dir}: {msg.strip()}" if args.jobs > 1 else msg)

        day_log(f"proving {day.dir} — {day.title}")
        rep, ref_repo = prove_day(day, tools, course, course_src, work, day_log)
        with printing:
            print_report(rep, course_src)
        return rep, ref_repo

    try:
        # Days are independent (each renders into its own folder), so they are proven side by
        # side; the table and the summary keep the course's order.
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(prove_one, days))
        reports = [rep for rep, _ in results]
        first_ref = next((ref for _, ref in results if ref is not None), None)
        if first_ref is not None:
            log("checking the files at the root of the learner repo")
            root_report = prove_root(first_ref, tools, work)
            print_report(root_report, course_src)
    finally:
        if args.keep:
            print(f"rendered repos kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    everything = reports + ([root_report] if root_report else [])
    print()
    print(table(everything))
    passed = sum(1 for r in everything if r.ok)
    failed = len(everything) - passed
    tried = sum(r.wrong_total for r in reports)
    caught = sum(r.wrong_caught for r in reports)
    print(f"\nknown-wrong variants: {caught} of {tried} caught")
    print(f"\nproved {len(reports)} lab day(s) and the repo root in {time.monotonic() - t0:.0f}s")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
