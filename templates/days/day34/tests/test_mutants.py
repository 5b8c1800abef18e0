"""Every planted mutant of shop/ (tests/mutants.py) must make your suite fail."""

import pytest

from tests.mutants import MUTANTS


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.name for m in MUTANTS])
def test_mutant_is_killed(runner, mutant):
    baseline = runner.baseline()
    assert baseline.collected > 0, "suite/ has no tests yet: every mutant survives"
    assert baseline.returncode == 0, (
        "your suite must pass on the real shop/ first, or a failure proves nothing"
    )

    run = runner.mutant(mutant)

    assert run.returncode != 0, (
        f"mutant {mutant.name} survived: shop/{mutant.module} with\n"
        f"    {mutant.original}\nchanged to\n    {mutant.mutated}\n"
        "passes your whole suite. Which behaviour does no test pin down?"
    )
    assert run.returncode == 1, f"the suite did not run cleanly on the mutant:\n{run.tail()}"
