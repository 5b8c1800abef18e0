"""Your suite must run, pass on the real shop/, and cover unit and integration levels."""

SUITE_FILES = ("test_pricing.py", "test_orders.py", "test_checkout.py")


def test_the_suite_passes_on_the_real_module(runner):
    run = runner.baseline()

    assert run.collected > 0, "suite/ has no tests yet"
    assert run.returncode == 0, f"your suite fails on the real shop/:\n{run.tail()}"
    assert not run.skipped, f"skipped tests check nothing: {sorted(run.skipped)}"
    for name in SUITE_FILES:
        stem = name.removesuffix(".py")
        assert any(test.split("::")[0].endswith(stem) for test in run.passed), (
            f"suite/{name} has no passing test"
        )
