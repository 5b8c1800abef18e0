"""Runs pytest in several prepared folders, one after the other, in this one interpreter.

usage: python -m tests.batch FOLDER...   (each FOLDER holds shop/, suite/ and pytest.ini)

Starting Python and importing pytest once, instead of once per mutant, keeps the meta-tests
fast. Between folders every module loaded from a folder (shop, the test modules, conftest) is
forgotten, so each run imports its own copy of shop/. Each folder gets output.txt, report.xml
and returncode.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest


def forget_modules_under(folder: Path) -> None:
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().is_relative_to(folder):
            del sys.modules[name]


def main(folders: list[str]) -> int:
    for name in folders:
        folder = Path(name).resolve()
        os.chdir(folder)
        sys.path.insert(0, str(folder))
        try:
            with open(folder / "output.txt", "w") as out, contextlib.redirect_stdout(out):
                code = pytest.main(["-q", f"--junitxml={folder / 'report.xml'}"])
        finally:
            sys.path.remove(str(folder))
            forget_modules_under(folder)
        (folder / "returncode").write_text(str(int(code)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
