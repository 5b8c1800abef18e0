"""The delivery pipeline's gates, read from .github/workflows/deploy.yml."""

from __future__ import annotations

import re

from tests.conftest import WORKFLOW, load_workflow

SHA_PIN = re.compile(r"^\s*-?\s*uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d")
# The only write scopes a job may ask for, and who may ask.
ALLOWED_WRITES = {("build", "packages")}


def jobs() -> dict:
    return load_workflow().get("jobs") or {}


def needs(job: dict) -> list[str]:
    value = job.get("needs") or []
    return [value] if isinstance(value, str) else list(value)


def test_pipeline_runs_test_then_build_then_staging_then_production():
    j = jobs()
    assert {"test", "build", "deploy-staging", "deploy-production"} <= set(j), sorted(j)
    assert "test" in needs(j["build"])
    assert "build" in needs(j["deploy-staging"])
    assert "deploy-staging" in needs(j["deploy-production"]), "production must wait for staging"


def test_only_main_is_built_and_deployed():
    build = jobs().get("build") or {}
    condition = str(build.get("if", ""))
    assert "refs/heads/main" in condition and "push" in condition, condition


def test_deploy_jobs_run_in_github_environments():
    j = jobs()
    for name, env in (("deploy-staging", "staging"), ("deploy-production", "production")):
        environment = (j.get(name) or {}).get("environment")
        got = environment.get("name") if isinstance(environment, dict) else environment
        assert got == env, f"{name} must run in the `{env}` environment (reviewers, secrets)"


def test_top_level_permissions_only_read_the_code():
    assert load_workflow().get("permissions") == {"contents": "read"}


def test_jobs_ask_only_for_the_write_scopes_they_need():
    build = (jobs().get("build") or {}).get("permissions") or {}
    assert build.get("packages") == "write", "build pushes the image: it needs packages: write"
    for name, job in jobs().items():
        perms = job.get("permissions")
        if perms is None:
            continue
        assert isinstance(perms, dict), f"{name}: permissions {perms!r} must be a scope list"
        for scope, level in perms.items():
            if level == "write":
                assert (name, scope) in ALLOWED_WRITES, f"{name} must not get {scope}: write"


def test_every_action_is_pinned_to_a_commit_sha_with_its_version():
    lines = [ln for ln in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in ln]
    assert len(lines) >= 6, "checkout, setup-uv, buildx, login, build-push..."
    for line in lines:
        if line.strip().startswith("#"):
            continue
        assert SHA_PIN.match(line), f"not pinned to a full commit SHA with a # vX comment: {line}"


def test_deployments_are_never_cancelled_halfway_nor_run_twice_at_once():
    j = jobs()
    groups = set()
    for name in ("deploy-staging", "deploy-production"):
        concurrency = (j.get(name) or {}).get("concurrency") or {}
        assert isinstance(concurrency, dict) and concurrency.get("group"), name
        assert concurrency.get("cancel-in-progress") is False, name
        groups.add(concurrency["group"])
    assert len(groups) == 2
    assert load_workflow().get("concurrency"), "the workflow has a concurrency group too"


def test_both_environments_deploy_the_digest_built_in_this_run():
    j = jobs()
    assert "image" in ((j.get("build") or {}).get("outputs") or {})
    for name in ("deploy-staging", "deploy-production"):
        text = str(j.get(name))
        assert "needs.build.outputs.image" in text, name
        assert "latest" not in text, name


def test_secrets_never_reach_a_script_or_the_log():
    secret_steps = 0
    for name, job in jobs().items():
        for step in job.get("steps") or []:
            script = step.get("run", "")
            assert "secrets." not in script, f"{name}: pass secrets through env:, not into run:"
            secret_vars = [
                var for var, value in (step.get("env") or {}).items() if "secrets." in str(value)
            ]
            secret_steps += bool(secret_vars)
            for var in secret_vars:
                for line in script.splitlines():
                    if var in line:
                        assert not re.search(r"\b(echo|cat)\b", line), f"{name}: {line}"
                        assert ">" in line, f"{name}: {var} may only be written to a file: {line}"
            assert "set -x" not in script, f"{name}: set -x prints every value"
    assert secret_steps >= 2, "both deploy jobs take the cluster credentials from a secret"


def test_checkouts_do_not_keep_the_token():
    checkouts = 0
    for name, job in jobs().items():
        for step in job.get("steps") or []:
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                checkouts += 1
                assert (step.get("with") or {}).get("persist-credentials") is False, name
    assert checkouts >= 4, "each of the four jobs checks out the code"


def test_deploys_wait_for_the_rollout_and_fail_when_it_is_aborted():
    for name in ("deploy-staging", "deploy-production"):
        scripts = "\n".join(s.get("run", "") for s in (jobs().get(name) or {}).get("steps") or [])
        assert "Healthy" in scripts and "Degraded" in scripts and "exit 1" in scripts, name
