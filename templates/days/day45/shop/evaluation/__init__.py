"""The evaluation harness: metrics, answer checks, the judge, cost, the report and the CI gate."""
