"""The CI gate: run the evaluation, compare with the committed baseline, fail on a regression.

    python -m shop.evaluation.gate [--dataset evals/dataset.jsonl] [--baseline evals/baseline.json]
                                   [--report PATH] [--live]

The baseline (`evals/baseline.json`, committed next to the code it judges) holds two tables:
`min` (scores that must not fall below their value) and `max` (costs and error rates that must
not rise above theirs). Values are strings, read as Decimal, so "0.8750" means exactly that.

Exit codes: 0 every metric holds; 1 a metric regressed (each one is named); 2 the gate cannot
run (a missing or malformed dataset or baseline, a provider without settings or price).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

from shop.evaluation.dataset import DatasetError, load_dataset
from shop.evaluation.report import evaluate, render, summarize
from shop.helpcentre import HelpDesk
from shop.pricing import UnknownPrice

OK, REGRESSED, CANNOT_RUN = 0, 1, 2


class GateError(ValueError):
    """The gate cannot run; the message says what to fix."""


def load_baseline(path: Path) -> dict[str, dict[str, Decimal]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise GateError(f"{path}: no baseline; commit one (see the README's Steps)") from error
    except ValueError as error:
        raise GateError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(raw, dict) or set(raw) - {"min", "max"} or not raw:
        raise GateError(f'{path}: expected an object with "min" and/or "max" tables')
    baseline: dict[str, dict[str, Decimal]] = {}
    for table, limits in raw.items():
        if not isinstance(limits, dict):
            raise GateError(f'{path}: "{table}" must map metric names to values like "0.9000"')
        try:
            baseline[table] = {name: Decimal(str(value)) for name, value in limits.items()}
        except InvalidOperation as error:
            raise GateError(f'{path}: "{table}" holds a value that is not a number') from error
    return baseline


def compare(
    summary: Mapping[str, Decimal], baseline: Mapping[str, Mapping[str, Decimal]]
) -> list[str]:
    """One message per broken limit, sorted by metric name; an empty list means the gate passes.

    A `min` metric fails when its value is *below* the limit (equal is fine); a `max` metric
    fails when its value is *above* the limit. A metric the baseline names but the summary lacks
    fails too: a gate that silently skips what it cannot find lets anything through.
    Messages look like "hit_rate 0.6250 is below the baseline 0.7500".
    """
    # BEGIN SOLUTION
    failures: list[tuple[str, str]] = []
    for name, limit in baseline.get("min", {}).items():
        value = summary.get(name)
        if value is None:
            failures.append((name, f"{name} is missing from the report (baseline min {limit})"))
        elif value < limit:
            failures.append((name, f"{name} {value} is below the baseline {limit}"))
    for name, limit in baseline.get("max", {}).items():
        value = summary.get(name)
        if value is None:
            failures.append((name, f"{name} is missing from the report (baseline max {limit})"))
        elif value > limit:
            failures.append((name, f"{name} {value} is above the baseline {limit}"))
    return [message for _, message in sorted(failures)]
    # STARTER: raise NotImplementedError("TODO(day45): compare each metric with its limit")
    # END SOLUTION


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shop.evaluation.gate", description=__doc__)
    parser.add_argument("--dataset", type=Path, default=Path("evals/dataset.jsonl"))
    parser.add_argument("--baseline", type=Path, default=Path("evals/baseline.json"))
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--live", action="store_true", help="use the provider of LLM_BASE_URL/LLM_MODEL/..."
    )
    args = parser.parse_args(argv)
    try:
        baseline = load_baseline(args.baseline)
        cases = load_dataset(args.dataset)
        if args.live:
            from shop.config import ConfigError, build_client, settings_from_env

            try:
                settings = settings_from_env(os.environ)
            except ConfigError as error:
                raise GateError(str(error)) from error
            client, model = build_client(settings), settings.model
        else:
            from shop.evaluation.offline import OFFLINE_MODEL, offline_llm

            client, model = offline_llm().client(), OFFLINE_MODEL
        report = evaluate(HelpDesk(client, model), client, model, cases)
    except (GateError, DatasetError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return CANNOT_RUN
    except UnknownPrice as error:
        print(
            f"error: no price for model {error.args[0]!r}: add it to PRICES in shop/pricing.py",
            file=sys.stderr,
        )
        return CANNOT_RUN
    text = render(report)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text, end="")
    failures = compare(summarize(report), baseline)
    for failure in failures:
        print(f"REGRESSION: {failure}", file=sys.stderr)
    if failures:
        return REGRESSED
    print("gate: every metric holds its baseline")
    return OK


if __name__ == "__main__":
    sys.exit(main())
