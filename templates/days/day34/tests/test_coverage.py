"""Branch coverage of shop/ by your suite, measured by pytest-cov in a separate run."""

THRESHOLD = 85.0


def test_branch_coverage_of_shop_is_at_least_85_percent(runner):
    run = runner.coverage()

    assert run.collected > 0, "suite/ has no tests yet: coverage is 0%"
    assert run.coverage is not None, f"pytest-cov wrote no report:\n{run.tail()}"
    totals = run.coverage["totals"]
    assert totals["num_branches"] > 0, "branch coverage was not measured"
    missing = {
        name: data["missing_lines"]
        for name, data in run.coverage["files"].items()
        if data["missing_lines"]
    }
    assert totals["percent_covered"] >= THRESHOLD, (
        f"branch coverage of shop/ is {totals['percent_covered']:.1f}%, below {THRESHOLD:.0f}%; "
        f"lines never run: {missing}"
    )
