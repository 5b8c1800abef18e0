#!/usr/bin/env python3
"""Run the README's install command and first learner steps in an empty home folder.

The commands are read from the README itself: every ```sh block of the section
"## Install and start", in order, so the README cannot drift from what works. They run as a
new user would run them, with nothing of this machine's user set up:

- HOME is an empty temporary folder, so git has no identity until the README's
  `git config --global` lines give it one, and cargo's home is a fresh `~/.cargo` (only the
  crates of Cargo.lock, fetched first into this machine's cargo home, are copied in, and
  cargo runs offline);
- the installed toolchain (rustup's home), python3 and uv are taken from this machine: the
  README lists them as prerequisites; uv is the pinned one from the lab virtualenv;
- stdin is not a terminal, as in a script.

What each step must do:

- `cd DIR`: DIR exists;
- `bec doctor`: exit 0, or exit 7 when the only tool missing or not running is docker and
  docker really has no running engine on this machine (then that is what doctor must say);
- `bec check`: exit 1 and print what the README's comment on that line quotes
  ("0 of N tests passing");
- every other command: exit 0. After `cargo install`, `bec` on PATH must be the one it
  installed into the fresh `~/.cargo/bin`.

The section must contain `cargo install`, `bec new`, `bec doctor`, `uv sync` and `bec check`.

Usage: readme_first_steps.py --uv PATH [--repo DIR] [--keep]
Exit 0 when every step did what it should, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SECTION = "## Install and start"
REQUIRED_STEPS = ("cargo install", "bec new", "bec doctor", "uv sync", "bec check")
# Variables of this machine's user that would leak a set-up into the new user's shell.
DROPPED_ENV = (
    "CARGO_HOME",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "BEC_COURSE",
    "BEC_PYTHON",
    "BEC_TEST_PYTHON",
    "VIRTUAL_ENV",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_DATA_HOME",
    "UV_CACHE_DIR",
    "UV_PYTHON",
    "PYENV_VERSION",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "EMAIL",
)


@dataclass
class Step:
    command: str
    comment: str
    line: int


def strip_comment(line: str) -> tuple[str, str]:
    """Split a shell line into (command, comment) at the first `#` outside quotes."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def readme_steps(readme: str) -> list[Step]:
    """The commands of every ```sh block in the install section, `&&` chains split."""
    lines = readme.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        raise SystemExit(f"README.md has no section {SECTION!r}") from None
    steps: list[Step] = []
    in_block = False
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if not in_block and line.startswith("## "):
            break
        if line.startswith("```"):
            in_block = (not in_block) and line.strip() == "```sh"
            continue
        if not in_block:
            continue
        command, comment = strip_comment(line)
        if not command.strip():
            continue
        for part in command.split(" && "):
            steps.append(Step(part.strip(), comment, number))
    return steps


def missing_required(steps: list[Step]) -> list[str]:
    return [r for r in REQUIRED_STEPS if not any(s.command.startswith(r) for s in steps)]


def real_python_dir() -> Path:
    """The folder of this machine's python3 interpreter itself (not a shim or a venv)."""
    python3 = shutil.which("python3")
    if python3 is None:
        raise SystemExit("python3 is not on PATH: the README's first steps need it")
    out = subprocess.run(
        [python3, "-c", "import sys; print(getattr(sys, '_base_executable', sys.executable))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()).resolve().parent


def rustup_home() -> str | None:
    if os.environ.get("RUSTUP_HOME"):
        return os.environ["RUSTUP_HOME"]
    if shutil.which("rustup"):
        out = subprocess.run(
            ["rustup", "show", "home"], check=False, capture_output=True, text=True
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return None


def fresh_environment(repo: Path, home: Path, uv: Path) -> dict[str, str]:
    """A new user's environment: empty HOME, fresh cargo home, this machine's tools."""
    real_cargo_home = Path(os.environ.get("CARGO_HOME") or Path.home() / ".cargo")
    # The crates of Cargo.lock, downloaded into this machine's cargo home if some are missing.
    subprocess.run(["cargo", "fetch", "--locked", "--quiet"], cwd=repo, check=True)
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    rustup = rustup_home()
    if rustup:
        env["RUSTUP_HOME"] = rustup
    # A fresh cargo home with the crates this machine already downloaded, used offline.
    registry = real_cargo_home / "registry"
    for part in ("index", "cache"):
        if (registry / part).is_dir():
            shutil.copytree(registry / part, home / ".cargo" / "registry" / part, symlinks=True)
    env["CARGO_NET_OFFLINE"] = "true"
    # Only the pinned uv, not the rest of the lab virtualenv.
    tools = home.parent / "tools"
    tools.mkdir()
    (tools / "uv").symlink_to(uv)
    path = [str(home / ".cargo" / "bin"), str(tools), str(real_python_dir())]
    env["PATH"] = os.pathsep.join(path + [env.get("PATH", "")])
    env["HOME"] = str(home)
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return env


def docker_engine_runs(env: dict[str, str]) -> bool:
    if shutil.which("docker", path=env["PATH"]) is None:
        return False
    result = subprocess.run(
        ["docker", "info"], check=False, env=env, capture_output=True, stdin=subprocess.DEVNULL
    )
    return result.returncode == 0


def judge(step: Step, code: int, output: str, env: dict[str, str], home: Path) -> str | None:
    """Why `step`'s outcome is wrong, or None when it did what it should."""
    if step.command.startswith("bec doctor"):
        if code == 0:
            return None
        # doctor marks a tool MISSING, TOO OLD or NOT RUNNING; docker without a running engine
        # (installed or not) is the one problem this machine may have.
        problems = re.findall(
            r"^\s*(?:MISSING|TOO OLD|NOT RUNNING)\s+(\S+)", output, flags=re.MULTILINE
        )
        if code == 7 and problems == ["docker"] and not docker_engine_runs(env):
            return None
        return (
            f"exit {code}, problems with {problems or 'nothing'}: expected 0 "
            "(or 7 for docker alone, when no Docker engine runs)"
        )
    if step.command.startswith("bec check"):
        quoted = re.search(r'"(\d+ of \d+ tests passing)"', step.comment)
        if quoted is None:
            return 'the README\'s comment on this line should quote what it prints ("0 of N tests passing")'
        if code != 1:
            return f"exit {code}: expected 1 (tests failing)"
        if quoted.group(1) not in output:
            return f"output lacks {quoted.group(1)!r}, as the README says"
        return None
    if code != 0:
        return f"exit {code}: expected 0"
    if step.command.startswith("cargo install"):
        found = shutil.which("bec", path=env["PATH"])
        want = home / ".cargo" / "bin" / "bec"
        if found is None or Path(found) != want:
            return f"`bec` on PATH is {found}, not the one just installed ({want})"
    return None


def run(repo: Path, uv: Path, keep: bool) -> int:
    steps = readme_steps((repo / "README.md").read_text(encoding="utf-8"))
    missing = missing_required(steps)
    if missing:
        print(f"README.md's {SECTION!r} lacks: {', '.join(missing)}", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="bec-readme-"))
    home = scratch / "home"
    home.mkdir()
    failures = 0
    try:
        env = fresh_environment(repo, home, uv)
        cwd = repo
        for step in steps:
            print(f"\n$ {step.command}    (README.md line {step.line}, in {cwd})", flush=True)
            words = step.command.split()
            if words[0] == "cd":
                where = words[1]
                if where == "~" or where.startswith("~/"):
                    where = str(home) + where[1:]
                target = (cwd / where).resolve()
                if not target.is_dir():
                    print(f"FAILED: {target} does not exist")
                    failures += 1
                    break
                cwd = target
                continue
            started = time.monotonic()
            result = subprocess.run(
                ["bash", "-c", step.command],
                check=False,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            seconds = time.monotonic() - started
            output = result.stdout
            problem = judge(step, result.returncode, output, env, home)
            # All of a failing step's output; the end of a passing one's.
            lines = output.rstrip().splitlines()
            shown = lines if problem else lines[-6:]
            if shown:
                print("  " + "\n  ".join(shown))
            if problem:
                print(f"FAILED ({seconds:.0f}s): {problem}")
                failures += 1
                break
            note = ""
            if step.command.startswith("bec doctor") and result.returncode == 7:
                note = ": docker has no running engine on this machine, and doctor says so"
            print(f"ok ({seconds:.0f}s, exit {result.returncode}{note})")
    finally:
        if keep:
            print(f"\nkept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print("\nThe README's install and first steps do not work as written (see above).")
        return 1
    print(f"\nThe README's install and first steps work as written ({len(steps)} commands).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--uv", type=Path, required=True, help="the uv binary learners would have")
    parser.add_argument("--keep", action="store_true", help="keep the temporary home folder")
    args = parser.parse_args(argv)
    if not os.access(args.uv, os.X_OK):
        print(f"--uv {args.uv}: not an executable", file=sys.stderr)
        return 1
    return run(args.repo.resolve(), args.uv.resolve(), args.keep)


if __name__ == "__main__":
    sys.exit(main())
