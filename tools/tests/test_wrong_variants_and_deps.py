"""Tests of the known-wrong variant format (tools/wrong_variants.py) and of the day dependency
checks (tools/day_deps.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

import day_deps  # noqa: E402
import prove_labs as pl  # noqa: E402
import wrong_variants as wv  # noqa: E402

DIFF = textwrap.dedent(
    """\
    diff --git a/app/orders.py b/app/orders.py
    --- a/app/orders.py
    +++ b/app/orders.py
    @@ -1,2 +1,2 @@
     def take(stock, n):
    -    return stock - n if stock >= n else None
    +    return stock - n
    """
)

HEADER = textwrap.dedent(
    """\
    # The mistake: take() never checks the stock
    # Why it is wrong: stock goes negative
    # Caught by: tests/test_orders.py::test_no_negative_stock tests/test_orders.py::test_exact
    """
)


def write(tmp_path: Path, text: str, name: str = "no-check.patch") -> Path:
    path = tmp_path / "wrong" / "day07" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_variant_file_is_a_header_then_a_diff(tmp_path):
    variant = wv.parse_variant(write(tmp_path, HEADER + DIFF))
    assert variant.name == "no-check"
    assert variant.mistake == "take() never checks the stock"
    assert variant.caught_by == [
        "tests/test_orders.py::test_no_negative_stock",
        "tests/test_orders.py::test_exact",
    ]
    assert variant.diff.startswith("diff --git a/app/orders.py")
    assert wv.variant_files(tmp_path, "day07") == [variant.path]
    assert wv.variant_files(tmp_path, "day08") == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (HEADER, "no diff"),
        ("# The mistake: x\n# Why it is wrong: y\n" + DIFF, "Caught by"),
        ("The mistake: x\n" + DIFF, "header holds only"),
    ],
)
def test_a_variant_without_its_parts_is_refused_with_the_reason(tmp_path, text, problem):
    with pytest.raises(wv.VariantError, match=problem):
        wv.parse_variant(write(tmp_path, text))


def results(**outcomes):
    ids = {
        "no_negative": "tests.test_orders::test_no_negative_stock",
        "exact": "tests.test_orders::test_exact",
        "other": "tests.test_orders::test_other",
    }
    return [(ids[k], outcome, message) for k, (outcome, message) in outcomes.items()]


def verdict(tmp_path, **outcomes):
    variant = wv.parse_variant(write(tmp_path, HEADER + DIFF))
    return wv.verdict(variant, results(**outcomes), pl.junit_id)


def test_a_variant_is_caught_when_every_named_test_fails(tmp_path):
    caught, problems = verdict(
        tmp_path,
        no_negative=("failed", "assert -1 >= 0"),
        exact=("failed", "ValueError: stock"),
        other=("passed", ""),
    )
    assert caught and problems == []


def test_a_variant_is_not_caught_when_a_named_test_passes(tmp_path):
    caught, problems = verdict(
        tmp_path, no_negative=("failed", "assert -1 >= 0"), exact=("passed", "")
    )
    assert not caught
    assert problems == ["tests/test_orders.py::test_exact passes: the wrong solution is not caught"]


def test_a_variant_that_breaks_the_import_does_not_count_as_caught(tmp_path):
    caught, problems = verdict(
        tmp_path,
        no_negative=("failed", "ModuleNotFoundError: No module named 'app'"),
        exact=("failed", "assert False"),
    )
    assert not caught
    assert "breaks the code" in problems[0]


def test_a_collection_error_or_an_unknown_test_name_invalidates_the_proof(tmp_path):
    caught, problems = verdict(
        tmp_path, no_negative=("error", "fixture 'db' not found"), other=("failed", "assert 0")
    )
    assert not caught
    assert any("errors (collection or fixture)" in p for p in problems)
    assert any("not a test of the day" in p for p in problems)


def test_a_variant_diff_applies_with_git_apply_inside_the_day_folder(tmp_path):
    repo = tmp_path / "repo"
    (repo / "day07" / "app").mkdir(parents=True)
    (repo / "day07" / "app" / "orders.py").write_text(
        "def take(stock, n):\n    return stock - n if stock >= n else None\n"
    )
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    patch = tmp_path / "v.patch"
    patch.write_text(wv.parse_variant(write(tmp_path, HEADER + DIFF)).diff)
    subprocess.run(["git", "apply", "-p1", "--directory=day07", str(patch)], cwd=repo, check=True)
    assert "return stock - n\n" in (repo / "day07" / "app" / "orders.py").read_text()


# ---------------------------------------------------------------------------------------------
# day_deps

PYPROJECT = textwrap.dedent(
    """\
    [project]
    name = "day07-shop"
    version = "0.1.0"
    requires-python = ">=3.11"
    dependencies = ["sqlalchemy==2.1.9", "psycopg[binary]==3.3.9"]

    [project.optional-dependencies]
    rabbitmq = ["pika==1.4.4"]

    [dependency-groups]
    dev = ["pytest==9.2.0"]
    """
)

LOCK = textwrap.dedent(
    """\
    version = 1
    requires-python = ">=3.11"

    [[package]]
    name = "day07-shop"
    version = "0.1.0"
    source = { virtual = "." }

    [package.metadata]
    requires-dist = [
        { name = "pika", marker = "extra == 'rabbitmq'", specifier = "==1.4.4" },
        { name = "psycopg", extras = ["binary"], specifier = "==3.3.9" },
        { name = "sqlalchemy", specifier = "==2.1.9" },
    ]

    [package.metadata.requires-dev]
    dev = [{ name = "pytest", specifier = "==9.2.0" }]
    """
)


def day(tmp_path: Path, pyproject: str = PYPROJECT, lock: str | None = LOCK) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    if lock is not None:
        (tmp_path / "uv.lock").write_text(lock)
    return tmp_path


def test_a_lock_made_from_the_pyproject_is_in_step(tmp_path):
    assert day_deps.check(day(tmp_path)) == []


def test_a_dependency_added_after_locking_is_reported(tmp_path):
    changed = PYPROJECT.replace('"sqlalchemy==2.1.9"', '"sqlalchemy==2.1.9", "redis==8.1.0"')
    problems = day_deps.check(day(tmp_path, changed))
    assert problems == [
        "uv.lock is out of date with pyproject.toml dependencies (not locked: redis==8.1.0): "
        "run `uv lock` in the day folder"
    ]


def test_a_changed_dev_pin_and_a_missing_lock_are_reported(tmp_path):
    changed = PYPROJECT.replace("pytest==9.2.0", "pytest==9.3.0")
    assert "dependency group `dev`" in day_deps.check(day(tmp_path, changed))[0]
    (tmp_path / "uv.lock").unlink()
    assert day_deps.check(tmp_path) == [
        "uv.lock is missing: run `uv lock` in the day folder and commit it"
    ]


def test_every_declared_dependency_is_pinned_to_the_proven_version(tmp_path):
    pins = {"sqlalchemy": "2.1.9", "psycopg": "3.3.9", "pika": "1.4.4", "pytest": "9.2.0"}
    assert day_deps.pin_problems(day(tmp_path), pins) == []
    loose = PYPROJECT.replace("sqlalchemy==2.1.9", "sqlalchemy>=2.1").replace(
        '"pytest==9.2.0"', '"pytest==9.2.0", "rich==14.0.0"'
    )
    problems = day_deps.pin_problems(day(tmp_path, loose), pins)
    assert problems == [
        "`sqlalchemy>=2.1` must be pinned as `sqlalchemy==2.1.9`, the version proven",
        "`rich==14.0.0` is not in tools/requirements-lab.txt, so the harness never ran it: "
        "pin it there too",
    ]


def test_load_pins_reads_name_and_version_by_canonical_name(tmp_path):
    req = tmp_path / "r.txt"
    req.write_text("# comment\nPsycopg[binary]==3.3.9\nargon2_cffi==25.1.0  # why\n\n")
    assert day_deps.load_pins(req) == {"psycopg": "3.3.9", "argon2-cffi": "25.1.0"}


def test_a_day_testing_with_testclient_must_declare_httpx2(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_api.py").write_text("from fastapi.testclient import TestClient\n")
    day(tmp_path)
    assert "httpx2" in day_deps.testclient_problems(tmp_path)[0]
    with_httpx2 = PYPROJECT.replace(
        'dev = ["pytest==9.2.0"]', 'dev = ["pytest==9.2.0", "httpx2==2"]'
    )
    assert day_deps.testclient_problems(day(tmp_path, with_httpx2)) == []
