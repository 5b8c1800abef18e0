"""Tests of the course harness (tools/prove_labs.py): JUnit classification, the course manifest,
day selection and the Terraform reference checker."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOOLS))

import prove_labs as pl  # noqa: E402

HCL_PYTHON = TOOLS.parent / ".cache" / "hcl-venv" / "bin" / "python"


# ---------------------------------------------------------------------------------------------
# JUnit fixtures: what pytest writes for each situation.


def junit(tmp_path: Path, cases: str, name: str = "report.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
        '<testsuite name="pytest">' + cases + "</testsuite></testsuites>",
        encoding="utf-8",
    )
    return path


ASSERTION = (
    '<testcase classname="tests.test_items" name="test_create_returns_201">'
    '<failure message="assert 501 == 201">def test_create...\nE  assert 501 == 201</failure>'
    "</testcase>"
)
ASSERTION_WITH_MESSAGE = (
    '<testcase classname="tests.test_items" name="test_list_is_sorted">'
    '<failure message="AssertionError: items are not sorted&#10;assert [2, 1] == [1, 2]">'
    "E  AssertionError</failure></testcase>"
)
NOT_IMPLEMENTED = (
    '<testcase classname="tests.test_items" name="test_store_keeps_item">'
    '<failure message="NotImplementedError: TODO(day03): store the item">'
    "E  NotImplementedError</failure></testcase>"
)
PYTEST_FAILED = (
    '<testcase classname="tests.test_items" name="test_rejects_bad_input">'
    "<failure message=\"Failed: DID NOT RAISE &lt;class 'ValueError'&gt;\">E Failed</failure>"
    "</testcase>"
)
IMPORT_ERROR = (
    '<testcase classname="tests.test_items" name="test_uses_helper">'
    "<failure message=\"ModuleNotFoundError: No module named 'app.helpers'\">"
    "E  ModuleNotFoundError</failure></testcase>"
)
NAME_ERROR = (
    '<testcase classname="tests.test_items" name="test_uses_name">'
    "<failure message=\"NameError: name 'store' is not defined\">E NameError</failure>"
    "</testcase>"
)
COLLECTION_ERROR = (
    '<testcase classname="" name="tests.test_items">'
    '<error message="collection failure">ImportError while importing test module</error>'
    "</testcase>"
)
FIXTURE_ERROR = (
    '<testcase classname="tests.test_items" name="test_with_db">'
    '<error message="failed on setup with &quot;RuntimeError: no db&quot;">E RuntimeError</error>'
    "</testcase>"
)
PASSING = '<testcase classname="tests.test_items" name="test_health" time="0.01" />'
SKIPPED = (
    '<testcase classname="tests.test_live" name="test_against_postgres">'
    '<skipped type="pytest.skip" message="needs BEC_LIVE=1">skip</skipped></testcase>'
)
ATTRIBUTE_ERROR = (
    '<testcase classname="tests.test_items" name="test_attr">'
    "<failure message=\"AttributeError: 'NoneType' object has no attribute 'id'\">E</failure>"
    "</testcase>"
)


def starter(tmp_path: Path, cases: str, exit_code: int = 1) -> pl.TestProof:
    return pl.classify_starter(pl.parse_junit(junit(tmp_path, cases)), exit_code, "output")


def reference(tmp_path: Path, cases: str, exit_code: int = 0) -> pl.TestProof:
    return pl.classify_reference(pl.parse_junit(junit(tmp_path, cases)), exit_code, "output")


def test_parse_junit_reads_every_outcome(tmp_path):
    results = pl.parse_junit(junit(tmp_path, ASSERTION + PASSING + SKIPPED + COLLECTION_ERROR))
    assert [(r.id, r.outcome) for r in results] == [
        ("tests.test_items::test_create_returns_201", "failed"),
        ("tests.test_items::test_health", "passed"),
        ("tests.test_live::test_against_postgres", "skipped"),
        ("tests.test_items", "error"),
    ]
    assert results[0].message == "assert 501 == 201"


def test_assertion_and_not_implemented_failures_are_accepted_on_the_starter(tmp_path):
    proof = starter(tmp_path, ASSERTION + ASSERTION_WITH_MESSAGE + NOT_IMPLEMENTED + PYTEST_FAILED)
    assert proof.violations == []
    assert (proof.total, proof.failing, proof.passing, proof.skipped) == (4, 4, 0, 0)


def test_a_skipped_live_test_beside_failing_lab_tests_is_fine(tmp_path):
    proof = starter(tmp_path, NOT_IMPLEMENTED + SKIPPED)
    assert proof.violations == []
    assert proof.skipped == 1


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (IMPORT_ERROR, "ModuleNotFoundError"),
        (NAME_ERROR, "NameError"),
        (ATTRIBUTE_ERROR, "AttributeError"),
    ],
)
def test_a_starter_failing_for_the_wrong_reason_is_a_violation(tmp_path, case, expected):
    proof = starter(tmp_path, ASSERTION + case)
    assert len(proof.violations) == 1
    assert expected in proof.violations[0].text
    assert proof.violations[0].stage == "starter tests"


def test_a_collection_error_is_a_violation(tmp_path):
    proof = starter(tmp_path, COLLECTION_ERROR, exit_code=2)
    texts = [v.text for v in proof.violations]
    assert any("pytest exited 2" in t for t in texts)
    assert any("collection failure" in t for t in texts)


def test_a_fixture_error_is_a_violation_even_when_it_raises_not_implemented(tmp_path):
    case = FIXTURE_ERROR.replace("RuntimeError: no db", "NotImplementedError: TODO")
    proof = starter(tmp_path, ASSERTION + case)
    assert len(proof.violations) == 1
    assert "errors instead of failing" in proof.violations[0].text


def test_a_test_passing_on_the_starter_is_a_violation(tmp_path):
    proof = starter(tmp_path, ASSERTION + PASSING)
    assert [v.where for v in proof.violations] == ["tests.test_items::test_health"]
    assert "passes on the starter" in proof.violations[0].text


def test_a_day_with_only_skipped_tests_is_a_violation(tmp_path):
    assert starter(tmp_path, SKIPPED, exit_code=0).violations
    assert reference(tmp_path, SKIPPED, exit_code=0).violations


@pytest.mark.parametrize("code", [2, 3, 4, 5])
def test_pytest_abnormal_exit_codes_are_violations(tmp_path, code):
    cases = "" if code == 5 else NOT_IMPLEMENTED
    proof = starter(tmp_path, cases, exit_code=code)
    assert any(f"pytest exited {code}" in v.text for v in proof.violations)


def test_reference_must_pass_every_test_that_is_not_skipped(tmp_path):
    good = reference(tmp_path, PASSING + SKIPPED)
    assert good.violations == []
    assert (good.passing, good.skipped) == (1, 1)
    bad = reference(tmp_path, PASSING + ASSERTION, exit_code=1)
    assert [v.where for v in bad.violations] == ["tests.test_items::test_create_returns_201"]


def test_starter_and_reference_must_have_the_same_tests(tmp_path):
    s = pl.parse_junit(junit(tmp_path, ASSERTION, "s.xml"))
    r = pl.parse_junit(
        junit(tmp_path, PASSING + PASSING.replace("test_health", "test_other"), "r.xml")
    )
    problems = pl.compare_test_sets(s, r)
    assert {v.where for v in problems} == {
        "tests.test_items::test_health",
        "tests.test_items::test_other",
        "tests.test_items::test_create_returns_201",
    }


@pytest.mark.parametrize(
    ("message", "ok"),
    [
        ("assert 0 == 1", True),
        ("AssertionError: wrong total", True),
        ("NotImplementedError: TODO(day05): add the index", True),
        ("Failed: DID NOT RAISE <class 'KeyError'>", True),
        ("httpx.HTTPStatusError: Server error '501 Not Implemented' for url", True),
        ("ImportError: cannot import name 'x' from 'app'", False),
        # The type decides before any mention of AssertionError or 501 in the text.
        ("NameError: name 'AssertionError501' is not defined", False),
        ("ModuleNotFoundError: No module named 'app' (expected 501)", False),
        ("SyntaxError: invalid syntax", False),
        ("UnboundLocalError: cannot access local variable 'x'", False),
        ("TypeError: 'NoneType' object is not iterable", False),
        ("", False),
    ],
)
def test_starter_failure_verdict(message, ok):
    assert pl.starter_failure_verdict(message)[0] is ok


def test_a_skipped_test_must_be_marked_live(tmp_path):
    results = pl.parse_junit(junit(tmp_path, PASSING + SKIPPED))
    assert pl.junit_id("tests/test_live.py::test_against_postgres") == (
        "tests.test_live::test_against_postgres"
    )
    assert (
        pl.junit_id("tests/api/test_x.py::TestX::test_y[a-1]")
        == "tests.api.test_x.TestX::test_y[a-1]"
    )
    assert pl.unmarked_skips(results, {"tests.test_live::test_against_postgres"}) == []
    problems = pl.unmarked_skips(results, set())
    assert [v.where for v in problems] == ["tests.test_live::test_against_postgres"]
    assert "not marked live" in problems[0].text


def test_starter_findings_already_reported_for_the_reference_are_dropped():
    ref = [pl.Violation("yamllint", "day16/compose.yaml:76", "trailing spaces")]
    starter = [
        pl.Violation("starter yamllint", "day16/compose.yaml:25", "trailing spaces"),
        pl.Violation("starter yamllint", "day16/compose.yaml:3", "too many blank lines"),
    ]
    kept = pl.drop_repeats(starter, ref)
    assert [v.text for v in kept] == ["too many blank lines"]


def test_custom_resources_get_a_structural_check():
    app = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Application",
        "metadata": {"name": "shop"},
        "spec": {
            "project": "default",
            "source": {"repoURL": "https://example.invalid/shop.git", "path": "k8s"},
            "destination": {"server": "https://kubernetes.default.svc", "namespace": "shop"},
        },
    }
    assert pl.structural_k8s_check(app) == []
    del app["spec"]["destination"]
    app["metadata"] = {}
    problems = pl.structural_k8s_check(app)
    assert "metadata.name is missing" in problems
    assert "spec.destination needs server or name" in problems


# ---------------------------------------------------------------------------------------------
# Manifest and --days


def test_load_lab_days_keeps_only_lab_days_in_order(tmp_path):
    manifest = tmp_path / "course.toml"
    manifest.write_text(
        textwrap.dedent(
            """
            format_version = 1
            [[days]]
            number = 2
            title = "Two"
            lab = true
            [[days]]
            number = 1
            title = "One"
            lab = true
            [[days]]
            number = 3
            title = "Reading only"
            lab = false
            """
        ),
        encoding="utf-8",
    )
    days = pl.load_lab_days(manifest)
    assert [(d.number, d.dir, d.title) for d in days] == [(1, "day01", "One"), (2, "day02", "Two")]


def test_parse_days_arg():
    assert pl.parse_days_arg("1,2,5-7") == {1, 2, 5, 6, 7}
    assert pl.parse_days_arg("day3, day10-day11") == {3, 10, 11}
    with pytest.raises(ValueError):
        pl.parse_days_arg("7-5")
    with pytest.raises(ValueError):
        pl.parse_days_arg("x")


# ---------------------------------------------------------------------------------------------
# Terraform reference checker (runs in the hcl venv, as the harness runs it)

GOOD_TF = """
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type        = string
  description = "Where to deploy"
}

variable "ports" {
  type        = list(number)
  description = "Open ports"
  default     = [80, 443]
}

locals {
  name = "web-${var.region}"
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

resource "aws_security_group" "web" {
  name = local.name
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}

resource "aws_instance" "web" {
  ami                    = data.aws_ami.base.id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
  user_data              = <<-EOT
    #!/bin/sh
    echo "${local.name}" $${HOME}
  EOT
}

output "ids" {
  value = [for i in [aws_instance.web] : i.id]
}
"""


def tf_check(tmp_path: Path, files: dict[str, str]) -> list[str]:
    folder = tmp_path / "infra"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert HCL_PYTHON.exists(), "run scripts/lab-env first: the checker needs .cache/hcl-venv"
    out = subprocess.run(
        [str(HCL_PYTHON), str(TOOLS / "prove_labs.py"), "--tf-check", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)[str(folder)]


def test_terraform_checker_accepts_a_correct_module(tmp_path):
    assert tf_check(tmp_path, {"main.tf": GOOD_TF}) == []


def test_terraform_checker_catches_an_undefined_variable(tmp_path):
    broken = GOOD_TF.replace("region = var.region", "region = var.regoin")
    findings = tf_check(tmp_path, {"main.tf": broken})
    assert findings == ['main.tf: var.regoin is referenced but no variable "regoin" is declared']


def test_terraform_checker_catches_unresolved_resources_locals_and_data(tmp_path):
    broken = (
        GOOD_TF.replace("aws_security_group.web.id", "aws_security_group.api.id")
        .replace("name = local.name", "name = local.nam")
        .replace("data.aws_ami.base.id", "data.aws_ami.ubuntu.id")
    )
    text = "\n".join(tf_check(tmp_path, {"main.tf": broken}))
    assert 'no resource "aws_security_group" "api"' in text
    assert "local.nam is referenced" in text
    assert 'no data "aws_ami" "ubuntu"' in text


def test_terraform_checker_requires_typed_described_variables_and_providers(tmp_path):
    tf = """
    variable "name" {
      default = "x"
    }
    resource "random_pet" "p" {
      prefix = var.name
    }
    """
    findings = tf_check(tmp_path, {"main.tf": textwrap.dedent(tf)})
    text = "\n".join(findings)
    assert 'variable "name" has no type' in text
    assert 'variable "name" has no description' in text
    assert 'uses provider "random", which is not declared' in text


def test_terraform_checker_reports_parse_errors_and_unknown_tfvars(tmp_path):
    findings = tf_check(
        tmp_path,
        {
            "main.tf": GOOD_TF,
            "broken.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n',
            "terraform.tfvars": 'region = "eu-west-1"\nzone = "a"\n',
        },
    )
    text = "\n".join(findings)
    assert "broken.tf: does not parse as HCL" in text
    assert 'terraform.tfvars: sets "zone"' in text
    assert 'sets "region"' not in text


def test_tf_code_text_keeps_interpolations_and_drops_literals():
    code = pl.tf_code_text('"t3.micro-${var.size} $${HOME}"')
    assert "var.size" in code
    assert "t3.micro" not in code
    assert "HOME" not in code


# ---------------------------------------------------------------------------------------------
# Prometheus files: promtool


def prometheus_folder(tmp_path: Path) -> Path:
    prom = tmp_path / "repo" / "day38" / "prometheus"
    prom.mkdir(parents=True)
    (prom / "prometheus.yml").write_text("rule_files: [shop.rules.yml]\nscrape_configs: []\n")
    (prom / "shop.rules.yml").write_text(
        "groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n"
    )
    (prom / "shop.rules.test.yml").write_text("rule_files: [shop.rules.yml]\ntests: []\n")
    (prom / "other.yml").write_text("a: 1\n")
    return prom


def promtool_linter(tmp_path: Path, promtool: Path | None) -> pl.Linter:
    tools = pl.Tools(
        bec=tmp_path / "bec",
        lab_python=tmp_path / "lab" / "python",
        hcl_python=tmp_path / "hcl" / "python",
        checkov=tmp_path / "checkov",
        promtool=promtool,
    )
    return pl.Linter(tools, tmp_path / "repo", "", tmp_path)


def test_prometheus_rules_rule_tests_and_configs_are_told_apart(tmp_path):
    prom = prometheus_folder(tmp_path)

    fs = pl.classify_files(sorted(prom.iterdir()))

    assert fs.prometheus_rules == [prom / "shop.rules.yml"]
    assert fs.prometheus_rule_tests == [prom / "shop.rules.test.yml"]
    assert fs.prometheus_configs == [prom / "prometheus.yml"]
    assert prom / "other.yml" in fs.yaml and len(fs.yaml) == 4


def test_a_grafana_provisioning_file_named_prometheus_yml_is_not_a_prometheus_config(
    tmp_path,
):
    datasource = tmp_path / "grafana" / "datasources" / "prometheus.yml"
    datasource.parent.mkdir(parents=True)
    datasource.write_text("apiVersion: 1\ndatasources:\n  - name: Prometheus\n")

    fs = pl.classify_files([datasource])

    assert fs.prometheus_configs == [] and fs.yaml == [datasource]


def test_promtool_runs_each_check_in_the_files_folder_and_reports_failures(tmp_path):
    prom = prometheus_folder(tmp_path)
    calls = tmp_path / "calls"
    fake = tmp_path / "promtool"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$PWD $*" >> {calls}\n'
        'if [ "$1" = test ]; then echo "FAILED: alert ShopDown did not fire"; exit 1; fi\n'
    )
    fake.chmod(0o755)
    linter = promtool_linter(tmp_path, fake)

    found = linter.promtool(pl.classify_files(sorted(prom.iterdir())))

    assert calls.read_text().splitlines() == [
        f"{prom} check rules shop.rules.yml",
        f"{prom} test rules shop.rules.test.yml",
        f"{prom} check config prometheus.yml",
    ]
    assert [(v.stage, v.where) for v in found] == [
        ("promtool test rules", "day38/prometheus/shop.rules.test.yml")
    ]
    assert "ShopDown did not fire" in found[0].text


def test_missing_promtool_is_a_violation_naming_the_fix(tmp_path):
    prom = prometheus_folder(tmp_path)
    linter = promtool_linter(tmp_path, tmp_path / "no-such-promtool")

    found = linter.promtool(pl.classify_files(sorted(prom.iterdir())))

    assert len(found) == 1
    assert "scripts/lab-env" in found[0].text and "BEC_PROMTOOL" in found[0].text
    assert linter.promtool(pl.classify_files([prom / "other.yml"])) == []


def test_the_real_promtool_rejects_a_rule_with_a_bad_expression(tmp_path):
    # Fetched by scripts/lab-env (scripts/fetch-promtool).
    promtool = pl.default_path("BEC_PROMTOOL", "promtool/promtool")
    prom = prometheus_folder(tmp_path)
    (prom / "shop.rules.yml").write_text(
        "groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up ==\n"
    )
    (prom / "shop.rules.test.yml").unlink()
    linter = promtool_linter(tmp_path, promtool)

    found = linter.promtool(pl.classify_files(sorted(prom.iterdir())))

    assert {v.stage for v in found} == {
        "promtool check rules",
        "promtool check config",
    }, found
