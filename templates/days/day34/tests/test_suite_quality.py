"""A test must be able to fail: each one fails when shop/ is gutted, or kills a mutant."""

from tests.mutants import MUTANTS


def test_every_test_can_fail(runner):
    baseline = runner.baseline()
    assert baseline.collected > 0, "suite/ has no tests yet"
    assert baseline.returncode == 0, "your suite must pass on the real shop/ first"
    gutted = runner.gutted()
    assert gutted.collected == baseline.collected, f"the gutted run went wrong:\n{gutted.tail()}"

    suspects = set(gutted.passed)
    for mutant in MUTANTS:
        if not suspects:
            break
        suspects -= runner.mutant(mutant).failed

    assert not suspects, (
        "these tests pass even when every function in shop/ raises NotImplementedError, and "
        f"no mutant makes them fail: they check nothing the shop computes: {sorted(suspects)}"
    )
